package dev.scrum.ladder;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a rung gave a file no answer at all (an {@code error} or {@code skipped} attempt), read from the attempt's
 * status and recorded {@code error} text, so that a merged or aggregated run, read back from its JSON, says it
 * as the review did. Two attempts with equal causes failed for the same reason at the same server.
 *
 * @param kind what went wrong
 * @param server {@code scheme://host:port} of the server, or {@code ""} when the error names none
 * @param detail what tells two causes of a kind apart: the model for {@link Kind#MODEL_NOT_FOUND}, the HTTP status
 *     for {@link Kind#UNAUTHORIZED}, the skip reason for {@link Kind#SKIPPED}, the error for {@link Kind#OTHER};
 *     else {@code ""}
 */
public record FailureCause(Kind kind, String server, String detail) {

    /** The kinds of failure the build's failure message names, each with its own advice. */
    public enum Kind {
        /** Nothing listens at the server (Ollama not started, a wrong port). */
        REFUSED,
        /** The server took longer than the rung's timeout. */
        TIMEOUT,
        /** HTTP 404: the server lacks the model (or the base URL is wrong). */
        MODEL_NOT_FOUND,
        /** HTTP 401 or 403: the API key is missing, wrong or not allowed. */
        UNAUTHORIZED,
        /** The rung was not called (no API key, offline), with its reason. */
        SKIPPED,
        /** Any other error. */
        OTHER
    }

    /** {@code scheme://host:port} at the start of a URL (the errors never show user info). */
    private static final Pattern ORIGIN =
            Pattern.compile("[a-z][a-z0-9+.-]*://(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:\\d+)?");
    private static final Pattern HTTP = Pattern.compile("^http: HTTP (\\d{3}) from ");
    private static final String RETRIES = " \\((after \\d+ retr(y|ies))\\)";

    /** The cause of an attempt that got no answer; empty for one that got an answer (accepted or rejected). */
    public static Optional<FailureCause> of(Attempt attempt) {
        String error = attempt.error() == null ? "" : attempt.error();
        if (attempt.status() == AttemptStatus.SKIPPED) {
            return Optional.of(new FailureCause(Kind.SKIPPED, "", error));
        }
        if (attempt.status() != AttemptStatus.ERROR) {
            return Optional.empty();
        }
        String server = server(error);
        if (error.startsWith("network: ") && (error.contains("connection refused by ")
                || error.contains("refused connections earlier in this run"))) {
            return Optional.of(new FailureCause(Kind.REFUSED, server, ""));
        }
        if (error.startsWith("timeout: ")) {
            return Optional.of(new FailureCause(Kind.TIMEOUT, server, ""));
        }
        Matcher http = HTTP.matcher(error);
        if (http.find()) {
            String status = http.group(1);
            if (status.equals("404")) {
                return Optional.of(new FailureCause(Kind.MODEL_NOT_FOUND, server, attempt.model()));
            }
            if (status.equals("401") || status.equals("403")) {
                return Optional.of(new FailureCause(Kind.UNAUTHORIZED, server, status));
            }
        }
        return Optional.of(new FailureCause(Kind.OTHER, server, error.replaceAll(RETRIES, "")));
    }

    /** Whether a call to {@code rung} would meet this cause again: a refused connection at each of its servers. */
    public boolean refuses(Rung rung) {
        return kind == Kind.REFUSED && rung.baseUrls().stream().allMatch(u -> server.equals(origin(u)));
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    /** The first server the error names, as {@code scheme://host:port}; {@code ""} when it names none. */
    private static String server(String error) {
        Matcher m = ORIGIN.matcher(error);
        return m.find() ? m.group() : "";
    }
}
