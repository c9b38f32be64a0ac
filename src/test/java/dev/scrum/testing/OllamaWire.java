package dev.scrum.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Ollama's native answers. A chat prompt longer than the window ({@code options.num_ctx}, else 2048 tokens)
 * is "cut" as Ollama cuts it silently: {@code prompt_eval_count} is then the window.
 */
final class OllamaWire implements ServerWire {
    static final int DEFAULT_WINDOW = 2048;

    @Override
    public JsonObject chat(JsonObject request, String text, String finishReason, boolean refusal) {
        int promptTokens = ServerWire.promptChars(request) / 4;
        int window = window(request);
        JsonObject message = new JsonObject();
        message.addProperty("role", "assistant");
        message.addProperty("content", text);
        JsonObject answer = new JsonObject();
        answer.addProperty("model", ServerWire.model(request));
        answer.addProperty("created_at", Instant.now().toString());
        answer.add("message", message);
        answer.addProperty("done_reason", finishReason);
        answer.addProperty("done", true);
        answer.addProperty("total_duration", 4_353_619_900L);
        answer.addProperty("load_duration", 63_915_300L);
        answer.addProperty("prompt_eval_count", Math.min(promptTokens, window));
        answer.addProperty("prompt_eval_duration", 246_847_000L);
        answer.addProperty("eval_count", text.length() / 4);
        answer.addProperty("eval_duration", 4_032_296_000L);
        return answer;
    }

    @Override
    public JsonObject embeddings(JsonObject request, boolean reversed) {
        List<String> inputs = ServerWire.inputs(request);
        JsonArray vectors = new JsonArray();
        inputs.forEach(input -> vectors.add(ServerWire.vector(input)));
        JsonObject answer = new JsonObject();
        answer.addProperty("model", ServerWire.model(request));
        answer.add("embeddings", vectors);
        answer.addProperty("total_duration", 14_143_917L);
        answer.addProperty("load_duration", 1_019_500L);
        answer.addProperty("prompt_eval_count", ServerWire.inputTokens(inputs));
        return answer;
    }

    @Override
    public JsonObject modelNotFound(String model) {
        return error("model \"" + model + "\" not found, try pulling it first");
    }

    @Override
    public JsonObject badRequest(String message) {
        return error(message);
    }

    private static JsonObject error(String message) {
        JsonObject error = new JsonObject();
        error.addProperty("error", message);
        return error;
    }

    private static int window(JsonObject request) {
        if (request.has("options") && request.get("options").isJsonObject()) {
            JsonObject options = request.getAsJsonObject("options");
            if (options.has("num_ctx")) {
                return options.get("num_ctx").getAsInt();
            }
        }
        return DEFAULT_WINDOW;
    }
}
