package dev.scrum.maven;

/** The POM's {@code <embedding>}: which embedder turns documents and files into vectors. */
public class EmbeddingConfig {
    /** {@code local} (in-process, the default), {@code ollama} or {@code openai}. */
    String provider;
    /**
     * The model; for {@code local}, an in-process model: {@code bge-small-en-v1.5-q} (the default),
     * {@code all-minilm-l6-v2-q} or {@code e5-small-v2-q}.
     */
    String model;
    /** The server, for {@code ollama} and {@code openai}. */
    String baseUrl;
    /** A settings.xml {@code <server>} whose password is the API key (remote {@code openai}). */
    String serverId;
    /** An environment variable holding the API key. */
    String apiKeyEnv;

    public EmbeddingConfig() {}
}
