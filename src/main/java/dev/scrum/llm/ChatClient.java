package dev.scrum.llm;

/** A chat endpoint of one provider at one base URL. Implementations are thread-safe. */
public interface ChatClient {

    /**
     * Sends one request and waits for the whole answer (no streaming).
     *
     * @throws ChatException on an HTTP error status, a network failure, a timeout or a body that breaks the
     *     protocol
     */
    ChatResponse chat(ChatRequest request) throws ChatException;
}
