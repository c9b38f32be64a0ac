package dev.scrum.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scripted answer of the {@link FakeModelServer}, written in the wire format of the endpoint that was
 * called (Ollama's {@code /api/chat} or OpenAI's {@code /v1/chat/completions}; on the embedding endpoints
 * only the failure replies apply, any other reply answers with the usual vectors).
 */
public sealed interface Reply {

    /** A complete answer: {@code done_reason}/{@code finish_reason} {@code stop}. */
    static Reply content(String text) {
        return new Content(text, "stop");
    }

    /** An answer cut at the token limit: {@code done_reason}/{@code finish_reason} {@code length}. */
    static Reply contentLength(String text) {
        return new Content(text, "length");
    }

    /** OpenAI's refusal ({@code message.refusal} set, {@code content} null); Ollama answers it as content. */
    static Reply refusal(String text) {
        return new Refusal(text);
    }

    /** Any status with a raw body (sent as {@code application/json}); add headers with {@link Status#withHeader}. */
    static Status status(int code, String rawBody) {
        return new Status(code, rawBody, Map.of());
    }

    /** Waits, then answers with {@code then}. */
    static Reply delay(long millis, Reply then) {
        return new Delay(millis, then);
    }

    /** A 200 whose body never ends: a space every {@code intervalMillis}, until the client gives up. */
    static Reply drip(long intervalMillis) {
        return new Drip(intervalMillis);
    }

    /** A 200 whose body is not JSON. */
    static Reply notJson(String raw) {
        return new NotJson(raw);
    }

    /** Reads the request, then closes the connection without any answer (a reset before the response). */
    static Reply reset() {
        return new Reset();
    }

    /**
     * A complete answer's status line, headers and {@code Content-Length}, then only the first half of its body
     * before the connection is closed (a reset mid-body).
     */
    static Reply cutMidBody(String text) {
        return new CutMidBody(text);
    }

    /** The endpoint's real 404 "model not found" answer (what an unscripted chat model gets). */
    static Reply missingModel() {
        return new MissingModel();
    }

    /**
     * A model that obeys text addressing it: when the request's messages match {@code pattern} (a regular
     * expression, found anywhere), it answers with {@code obeyed}, else with {@code honest}.
     */
    static Reply obeys(String pattern, Reply obeyed, Reply honest) {
        return new Obeys(java.util.regex.Pattern.compile(pattern), obeyed, honest);
    }

    /** See {@link #obeys}. */
    record Obeys(java.util.regex.Pattern pattern, Reply obeyed, Reply honest) implements Reply {}

    /** See {@link #content} and {@link #contentLength}. */
    record Content(String text, String finishReason) implements Reply {}

    /** See {@link #refusal}. */
    record Refusal(String text) implements Reply {}

    /** See {@link #status}. */
    record Status(int code, String body, Map<String, String> headers) implements Reply {
        public Status {
            headers = Map.copyOf(headers);
        }

        /** This reply with one more response header, e.g. {@code Retry-After: 1}. */
        public Status withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Status(code, body, more);
        }
    }

    /** See {@link #delay}. */
    record Delay(long millis, Reply then) implements Reply {}

    /** See {@link #drip}. */
    record Drip(long intervalMillis) implements Reply {}

    /** See {@link #notJson}. */
    record NotJson(String raw) implements Reply {}

    /** See {@link #reset}. */
    record Reset() implements Reply {}

    /** See {@link #cutMidBody}. */
    record CutMidBody(String text) implements Reply {}

    /** See {@link #missingModel}. */
    record MissingModel() implements Reply {}
}
