package dev.scrum.review;

import dev.scrum.embed.Embedder;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.ChatClient;
import dev.scrum.llm.HttpTransport;
import dev.scrum.provider.EmbeddingSettings;
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
        Embedder e = s.embedder(transport, EMBEDDING_TIMEOUT);
        embedders.add(e);
        return e;
    }

    @Override
    public ChatClient chatClient(Rung rung) {
        return rung.provider().chatClient(rung.baseUrl(), rung.apiKey(), rung.timeout(), transport);
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
