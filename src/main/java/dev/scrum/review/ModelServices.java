package dev.scrum.review;

import dev.scrum.embed.Embedder;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.ChatClient;
import dev.scrum.provider.EmbeddingSettings;

/** Where a run gets its embedder and chat clients; tests hand in their own. */
public interface ModelServices extends AutoCloseable {

    Embedder embedder(EmbeddingSettings settings);

    ChatClient chatClient(Rung rung);

    /** Closes connections and models; after the run nothing of it stays open. */
    @Override
    void close();
}
