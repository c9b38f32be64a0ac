package dev.scrum.llm;

/** Why the server stopped generating. */
public enum FinishReason {
    STOP,
    /** Cut at the token limit ({@code done_reason}/{@code finish_reason} = {@code length}). */
    LENGTH,
    CONTENT_FILTER,
    OTHER;

    /** Maps Ollama's {@code done_reason} and OpenAI's {@code finish_reason}. */
    public static FinishReason fromWire(String value) {
        if (value == null) {
            return OTHER;
        }
        return switch (value) {
            case "stop", "tool_calls" -> STOP;
            case "length" -> LENGTH;
            case "content_filter" -> CONTENT_FILTER;
            default -> OTHER;
        };
    }
}
