package dev.scrum.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** OpenAI's answers: {@code chat.completion}, the embeddings {@code list}, and its error object. */
final class OpenAiWire implements ServerWire {
    private final AtomicLong ids = new AtomicLong();

    @Override
    public JsonObject chat(JsonObject request, String text, String finishReason, boolean refusal) {
        int promptTokens = ServerWire.promptChars(request) / 4;
        int completionTokens = text.length() / 4;
        JsonObject message = new JsonObject();
        message.addProperty("role", "assistant");
        message.addProperty("content", refusal ? null : text);
        message.addProperty("refusal", refusal ? text : null);
        message.add("annotations", new JsonArray());
        JsonObject choice = new JsonObject();
        choice.addProperty("index", 0);
        choice.add("message", message);
        choice.add("logprobs", JsonNull.INSTANCE);
        choice.addProperty("finish_reason", finishReason);
        JsonArray choices = new JsonArray();
        choices.add(choice);

        JsonObject promptDetails = new JsonObject();
        promptDetails.addProperty("cached_tokens", 0);
        promptDetails.addProperty("audio_tokens", 0);
        JsonObject completionDetails = new JsonObject();
        completionDetails.addProperty("reasoning_tokens", 0);
        completionDetails.addProperty("audio_tokens", 0);
        completionDetails.addProperty("accepted_prediction_tokens", 0);
        completionDetails.addProperty("rejected_prediction_tokens", 0);
        JsonObject usage = new JsonObject();
        usage.addProperty("prompt_tokens", promptTokens);
        usage.addProperty("completion_tokens", completionTokens);
        usage.addProperty("total_tokens", promptTokens + completionTokens);
        usage.add("prompt_tokens_details", promptDetails);
        usage.add("completion_tokens_details", completionDetails);

        JsonObject answer = new JsonObject();
        answer.addProperty("id", "chatcmpl-fake" + ids.incrementAndGet());
        answer.addProperty("object", "chat.completion");
        answer.addProperty("created", System.currentTimeMillis() / 1000);
        answer.addProperty("model", ServerWire.model(request));
        answer.add("choices", choices);
        answer.add("usage", usage);
        answer.addProperty("service_tier", "default");
        answer.addProperty("system_fingerprint", "fp_fake");
        return answer;
    }

    @Override
    public JsonObject embeddings(JsonObject request, boolean reversed) {
        List<String> inputs = ServerWire.inputs(request);
        JsonArray data = new JsonArray();
        for (int i = 0; i < inputs.size(); i++) {
            int index = reversed ? inputs.size() - 1 - i : i;
            JsonObject datum = new JsonObject();
            datum.addProperty("object", "embedding");
            datum.addProperty("index", index);
            datum.add("embedding", ServerWire.vector(inputs.get(index)));
            data.add(datum);
        }
        JsonObject usage = new JsonObject();
        usage.addProperty("prompt_tokens", ServerWire.inputTokens(inputs));
        usage.addProperty("total_tokens", ServerWire.inputTokens(inputs));
        JsonObject answer = new JsonObject();
        answer.addProperty("object", "list");
        answer.add("data", data);
        answer.addProperty("model", ServerWire.model(request));
        answer.add("usage", usage);
        return answer;
    }

    @Override
    public JsonObject modelNotFound(String model) {
        return error("The model `" + model + "` does not exist or you do not have access to it.", "model_not_found");
    }

    @Override
    public JsonObject badRequest(String message) {
        return error(message, null);
    }

    private static JsonObject error(String message, String code) {
        JsonObject details = new JsonObject();
        details.addProperty("message", message);
        details.addProperty("type", "invalid_request_error");
        details.add("param", JsonNull.INSTANCE);
        details.addProperty("code", code);
        JsonObject error = new JsonObject();
        error.add("error", details);
        return error;
    }
}
