package dev.scrum.review;

import dev.scrum.embed.Embedder;
import dev.scrum.embed.EmbeddingSettings;
import dev.scrum.embed.LocalEmbedder;
import dev.scrum.embed.OllamaEmbedder;
import dev.scrum.embed.OpenAiEmbedder;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.ChatClient;
import dev.scrum.llm.ChatClients;
import dev.scrum.llm.HttpTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The real services: one pooled HTTP client for every server, the in-process model when asked for. */
public final class HttpModelServices implements ModelServices {

    private static final Duration EMBEDDING_TIMEOUT = Duration.ofSeconds(120);

    private final HttpTransport transport = new HttpTransport();
    private final List<Embedder> embedders = new ArrayList<>();

    @Override
    public synchronized Embedder embedder(EmbeddingSettings s) {
        Embedder e = switch (s.provider()) {
            case EmbeddingSettings.OLLAMA -> new OllamaEmbedder(transport, s.baseUrl(), s.model(), EMBEDDING_TIMEOUT);
            case EmbeddingSettings.OPENAI -> new OpenAiEmbedder(transport, s.baseUrl(), s.model(), s.apiKey(),
                    EMBEDDING_TIMEOUT);
            default -> new LocalEmbedder(s.localModel());
        };
        embedders.add(e);
        return e;
    }

    @Override
    public ChatClient chatClient(Rung rung) {
        return ChatClients.create(rung.provider(), rung.baseUrl(), rung.apiKey(), rung.timeout(), transport);
    }

    @Override
    public synchronized void close() {
        for (Embedder e : embedders) {
            e.close();
        }
        embedders.clear();
        transport.close();
    }
}
