package dev.scrum.testing;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;

/**
 * A request the {@link FakeModelServer} received.
 *
 * @param method e.g. {@code POST}
 * @param path e.g. {@code /api/chat}
 * @param headers the first value of each header, by lower-case name
 * @param body the raw body
 * @param json the body parsed, or {@code null} when it is not a JSON object
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, String body, JsonObject json) {

    /** A header's value by name, case-insensitively, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body's {@code model}, or {@code null}. */
    public String model() {
        return json != null && json.has("model") && json.get("model").isJsonPrimitive()
                ? json.get("model").getAsString()
                : null;
    }
}
