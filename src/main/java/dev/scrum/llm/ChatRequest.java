package dev.scrum.llm;

import java.util.Objects;

/**
 * One chat call: a system and a user message to a model.
 *
 * @param model the model's name on the server, e.g. {@code qwen3.5:latest}
 * @param system the system message
 * @param user the user message (the review prompt)
 * @param maxTokens the most tokens the answer may have
 * @param temperature sampling temperature, or {@code null} for the server's default
 * @param contextTokens the context window to ask for (Ollama's {@code options.num_ctx}); 0 lets the client
 *     size it
 * @param format what the answer must be
 * @param jsonSchema the JSON schema of a {@link AnswerFormat#JSON} answer, or {@code null}
 */
public record ChatRequest(
        String model,
        String system,
        String user,
        int maxTokens,
        Double temperature,
        int contextTokens,
        AnswerFormat format,
        String jsonSchema) {
    public ChatRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(format, "format");
    }

    /** Characters of the whole prompt (system and user message). */
    public int promptChars() {
        return system.length() + user.length();
    }
}
