package dev.scrum.llm;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One JSON endpoint of a model server ({@code /api/chat}, {@code /chat/completions}, {@code /api/embed},
 * ...): serialises a wire object, POSTs it through the shared {@link HttpTransport}, maps an error status to
 * a {@link ChatException} of kind {@code HTTP} with the server's own words and a hint, and parses a 2xx body
 * into a wire object, or fails with kind {@code PROTOCOL}. Wire objects use Java camelCase names, written as
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
        HttpReply reply = transport.post(uri, key, GSON.toJson(body), timeout);
        String url = HttpTransport.shown(uri);
        if (!reply.isSuccess()) {
            throw new ChatException(ChatException.Kind.HTTP, reply.status(),
                    withoutKey(ErrorReply.of(reply).describe(url, model, key)), null);
        }
        T parsed;
        try {
            parsed = GSON.fromJson(reply.body(), replyType);
        } catch (JsonParseException e) {
            throw malformed(url, "is not JSON", reply, e);
        }
        if (parsed == null || !complete.test(parsed)) {
            throw malformed(url, "lacks the protocol's fields", reply, null);
        }
        return parsed;
    }

    private ChatException malformed(String url, String what, HttpReply reply, Throwable cause) {
        return new ChatException(ChatException.Kind.PROTOCOL, 0,
                withoutKey("HTTP " + reply.status() + " from " + url + " " + what + ": " + reply.excerpt()), cause);
    }

    private String withoutKey(String message) {
        return key == null ? message : message.replace(key.reveal(), "***");
    }
}
