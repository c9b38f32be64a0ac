package dev.scrum.llm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A model server's error answer, reduced to its status and the server's own words: Ollama's
 * {@code {"error": "model \"x\" not found, try pulling it first"}}, OpenAI's
 * {@code {"error": {"message": "...", "type": "...", "code": "model_not_found"}}}, or an excerpt of
 * whatever else came back.
 */
record ErrorReply(int status, String serverText) {

    static ErrorReply of(HttpReply reply) {
        return new ErrorReply(reply.status(), serverText(reply));
    }

    /** What went wrong and what to do, for the attempt history and the build log. */
    String describe(String url, String model, ApiKey keyOrNull) {
        String head = "HTTP " + status + " from " + url + ": " + serverText;
        return switch (status) {
            case 401, 403 -> head + (keyOrNull == null
                    ? " (no API key was sent; configure the rung's <serverId> or <apiKeyEnv>)"
                    : " (check the API key from " + keyOrNull.source() + ")");
            case 404 -> head + " (model '" + model + "' is missing on that server: pull it there or fix the "
                    + "rung's <model>; or the base URL is wrong)";
            case 429 -> head + " (rate limited, still after the retries)";
            case 503 -> head + " (the server is overloaded or its queue is full, still after the retries)";
            default -> status >= 300 && status < 400
                    ? head + " (the server redirects: check the rung's <baseUrl>, e.g. http versus https)"
                    : head;
        };
    }

    private static String serverText(HttpReply reply) {
        try {
            JsonElement json = JsonParser.parseString(reply.body());
            if (json.isJsonObject()) {
                JsonElement error = json.getAsJsonObject().get("error");
                if (error != null && error.isJsonPrimitive()) {
                    return error.getAsString();
                }
                if (error != null && error.isJsonObject()) {
                    JsonObject details = error.getAsJsonObject();
                    if (details.has("message") && details.get("message").isJsonPrimitive()) {
                        return details.get("message").getAsString();
                    }
                }
            }
        } catch (JsonParseException notJson) {
            // fall through to the excerpt
        }
        return reply.excerpt();
    }
}
