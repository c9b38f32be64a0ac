package dev.scrum.llm;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One JSON endpoint of a model server ({@code /api/chat}, {@code /chat/completions}, {@code /api/embed},
 * ...): serialises a wire object, POSTs it through the shared {@link HttpTransport}, maps an error status to
 * a {@link ChatException} of kind {@code HTTP} with the server's own words and a hint, and parses a 2xx body
 * into a wire object, or fails with kind {@code PROTOCOL} saying whether the body was empty, not JSON, or
 * JSON without a field the protocol promises. Wire objects use Java camelCase names, written as
 * the servers' snake_case. No message ever carries the key, even when the server echoes it.
 */
public final class JsonEndpoint {
    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .disableHtmlEscaping()
            .create();

    private final HttpTransport transport;
    private final URI uri;
    private final ApiKey key;
    private final Duration timeout;

    /**
     * @param baseUrl the server's base URL, with or without a trailing slash (a path prefix is kept)
     * @param path the endpoint's path below it, starting with {@code /}
     * @param keyOrNull the bearer key, or {@code null} to send none
     * @param timeout the deadline of one call, retries included
     */
    public JsonEndpoint(HttpTransport transport, URI baseUrl, String path, ApiKey keyOrNull, Duration timeout) {
        this.transport = Objects.requireNonNull(transport, "transport");
        String base = baseUrl.toString();
        this.uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        this.key = keyOrNull;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The endpoint's full URI. */
    public URI uri() {
        return uri;
    }

    /**
     * Sends {@code body} and parses the answer.
     *
     * @param model the model asked, named in a 404's message
     * @param complete whether a parsed answer has the fields the protocol promises
     * @throws ChatException HTTP for an error status, PROTOCOL for a 2xx body that is not such JSON, and
     *     the transport's TIMEOUT and NETWORK
     */
    public <T> T call(Object body, Class<T> replyType, String model, Predicate<? super T> complete)
            throws ChatException {
        return exchange(body, replyType, model, r -> complete.test(r) ? null : "the protocol's fields").body();
    }

    /**
     * A parsed answer and the retries the call took.
     *
     * @param body the parsed answer
     * @param retries retries of 429/502/503/504 answers or reset connections before it
     * @param pushback the server's 429 and 503 answers before it
     */
    public record Answer<T>(T body, int retries, Pushback pushback) {}

    /**
     * Sends {@code body} and parses the answer, saying which field a body lacks.
     *
     * @param model the model asked, named in a 404's message
     * @param missing what a parsed answer lacks of the protocol, e.g. {@code "message"}, or {@code null}
     *     when it is complete
     * @throws ChatException HTTP for an error status (after the retries), PROTOCOL for a 2xx body that is
     *     empty, not JSON or lacks a field (each said so), and the transport's TIMEOUT and NETWORK
     */
    public <T> Answer<T> exchange(Object body, Class<T> replyType, String model,
            Function<? super T, String> missing) throws ChatException {
        HttpReply reply = transport.post(uri, key, GSON.toJson(body), timeout);
        String url = HttpTransport.shown(uri);
        if (!reply.isSuccess()) {
            String what = ErrorReply.of(reply).describe(url, model, key, reply.retries());
            throw new ChatException(ChatException.Kind.HTTP, reply.status(), withoutKey(what), null, reply.retries())
                    .withPushback(reply.pushback());
        }
        if (reply.body().isBlank()) {
            throw malformed(url, "has an empty body", reply, null);
        }
        T parsed;
        try {
            parsed = GSON.fromJson(reply.body(), replyType);
        } catch (JsonParseException e) {
            String what = reply.body().strip().startsWith("[") ? "is not a JSON object: " : "is not JSON: ";
            throw malformed(url, what + reply.excerpt(), reply, e);
        }
        String lacks = parsed == null ? "any field" : missing.apply(parsed);
        if (lacks != null) {
            throw malformed(url, "is JSON that lacks " + lacks + ": " + reply.excerpt(), reply, null);
        }
        return new Answer<>(parsed, reply.retries(), reply.pushback());
    }

    private ChatException malformed(String url, String what, HttpReply reply, Throwable cause) {
        return new ChatException(ChatException.Kind.PROTOCOL, 0,
                withoutKey("the answer (HTTP " + reply.status() + " from " + url + ") " + what), cause,
                reply.retries()).withPushback(reply.pushback());
    }

    private String withoutKey(String message) {
        return key == null ? message : message.replace(key.reveal(), "***");
    }
}
