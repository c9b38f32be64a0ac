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

    /**
     * What went wrong and what to do, for the attempt history and the build log.
     *
     * @param retries the retries the call took (429, 502, 503 and 504 are retried)
     */
    String describe(String url, String model, ApiKey keyOrNull, int retries) {
        String head = "HTTP " + status + " from " + url + ": " + serverText;
        String still = retries == 0 ? "" : ", still after " + retries + (retries == 1 ? " retry" : " retries");
        return switch (status) {
            case 400 -> head + " (the server refused the request: check the rung's <model>, <format> and "
                    + "<maxTokens>)";
            case 401, 403 -> head + (keyOrNull == null
                    ? " (no API key was sent; configure the rung's <serverId> or <apiKeyEnv>)"
                    : " (check the API key from " + keyOrNull.source() + ")");
            case 404 -> head + " (model '" + model + "' is missing on that server: pull it there or fix the "
                    + "rung's <model>; or the base URL is wrong)";
            case 429 -> head + " (rate limited" + still + ")";
            case 502 -> head + " (bad gateway: a proxy got no valid answer from the model server" + still + ")";
            case 503 -> head + " (the server is overloaded or its queue is full" + still + ")";
            case 504 -> head + " (gateway timeout: a proxy waited too long for the model server" + still + ")";
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
