package dev.scrum.llm;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.List;

/** The parts of a chat request body that Ollama's and OpenAI's wire formats share. */
final class ChatWire {
    private ChatWire() {}

    /** One chat message on the wire. */
    record Message(String role, String content) {}

    /** The system message, then the user message. */
    static List<Message> messages(ChatRequest request) {
        return List.of(new Message("system", request.system()), new Message("user", request.user()));
    }

    /** The answer's JSON schema as a JSON object, or {@code null} unless a JSON answer with a schema is asked. */
    static JsonElement schema(ChatRequest request) {
        if (request.format() != AnswerFormat.JSON || request.jsonSchema() == null) {
            return null;
        }
        try {
            return JsonParser.parseString(request.jsonSchema());
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("the request's JSON schema is not JSON: " + e.getMessage(), e);
        }
    }
}
