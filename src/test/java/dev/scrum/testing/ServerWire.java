package dev.scrum.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** One server family's answers as its real server writes them (Ollama's native API, or OpenAI's). */
interface ServerWire {
    Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    /** A chat answer to {@code request}. */
    JsonObject chat(JsonObject request, String text, String finishReason, boolean refusal);

    /** Embeddings of the request's {@code input}, one per input, in order unless {@code reversed}. */
    JsonObject embeddings(JsonObject request, boolean reversed);

    /** The 404 answer for a model the server does not have. */
    JsonObject modelNotFound(String model);

    /** A 400 answer. */
    JsonObject badRequest(String message);

    /** Characters of every message's content (the simulations count tokens as a quarter of them). */
    static int promptChars(JsonObject request) {
        int chars = 0;
        if (request.has("messages") && request.get("messages").isJsonArray()) {
            for (JsonElement message : request.getAsJsonArray("messages")) {
                if (message.isJsonObject() && message.getAsJsonObject().has("content")
                        && message.getAsJsonObject().get("content").isJsonPrimitive()) {
                    chars += message.getAsJsonObject().get("content").getAsString().length();
                }
            }
        }
        return chars;
    }

    /** The request's {@code input}: a string or an array of strings. */
    static List<String> inputs(JsonObject request) {
        List<String> inputs = new ArrayList<>();
        JsonElement input = request.get("input");
        if (input != null && input.isJsonArray()) {
            input.getAsJsonArray().forEach(e -> inputs.add(e.getAsString()));
        } else if (input != null && input.isJsonPrimitive()) {
            inputs.add(input.getAsString());
        }
        return inputs;
    }

    /** The tokens of embedding inputs, counted as a quarter of their characters. */
    static int inputTokens(List<String> inputs) {
        return inputs.stream().mapToInt(String::length).sum() / 4;
    }

    static JsonArray vector(String text) {
        JsonArray array = new JsonArray();
        for (float x : HashingEmbeddings.of(text)) {
            array.add(x);
        }
        return array;
    }

    static String model(JsonObject request) {
        return request.has("model") && request.get("model").isJsonPrimitive() ? request.get("model").getAsString() : "";
    }
}
