package dev.scrum.llm;

/** Chat requests for the client tests. */
final class ChatRequests {
    static final String SCHEMA = "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"score\"],"
            + "\"properties\":{\"score\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":10}}}";

    private ChatRequests() {}

    /** A markdown request with the server's default temperature and a client-sized window. */
    static ChatRequest markdown(String model, String user) {
        return new ChatRequest(model, "You review code.", user, 500, null, 0, AnswerFormat.MARKDOWN, null);
    }

    /** A JSON request carrying {@link #SCHEMA}, at temperature 0.2. */
    static ChatRequest json(String model, String user) {
        return new ChatRequest(model, "You review code.", user, 500, 0.2, 0, AnswerFormat.JSON, SCHEMA);
    }

    /** A markdown request asking for at most {@code contextTokens} of window. */
    static ChatRequest capped(String model, String user, int contextTokens) {
        return new ChatRequest(model, "You review code.", user, 500, null, contextTokens, AnswerFormat.MARKDOWN, null);
    }
}
