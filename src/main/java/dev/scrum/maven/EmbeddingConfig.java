package dev.scrum.maven;

/** The POM's {@code <embedding>}: which embedder turns documents and files into vectors. */
public class EmbeddingConfig extends ServerConfig {
    /** A provider that embeds: {@code local} (in-process, the default), {@code ollama} or {@code openai}. */
    String provider;
    /**
     * The model; for {@code local}, an in-process model: {@code bge-small-en-v1.5-q} (the default),
     * {@code all-minilm-l6-v2-q} or {@code e5-small-v2-q}.
     */
    String model;

    public EmbeddingConfig() {}
}
