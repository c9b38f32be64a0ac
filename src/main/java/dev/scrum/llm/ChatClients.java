package dev.scrum.llm;

import java.net.URI;
import java.time.Duration;

/** Makes the {@link ChatClient} that speaks a provider's wire protocol. */
public final class ChatClients {
    private ChatClients() {}

    /**
     * @param baseUrl the server's base URL (for {@code openai}, including {@code /v1})
     * @param keyOrNull the bearer key, or {@code null} to send none
     * @param timeout the deadline of one call
     * @param transport the shared HTTP client
     */
    public static ChatClient create(
            Provider provider, URI baseUrl, ApiKey keyOrNull, Duration timeout, HttpTransport transport) {
        return switch (provider) {
            case OLLAMA, OLLAMA_CLOUD -> new OllamaChatClient(transport, baseUrl, keyOrNull, timeout);
            case OPENAI -> new OpenAiChatClient(transport, baseUrl, keyOrNull, timeout);
        };
    }
}
