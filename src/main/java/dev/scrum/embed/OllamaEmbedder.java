package dev.scrum.embed;

import dev.scrum.llm.HttpTransport;
import dev.scrum.llm.JsonEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Embeddings from an Ollama server, {@code POST {base}/api/embed}, 32 texts a call. */
public final class OllamaEmbedder extends BatchingEmbedder {
    private static final int BATCH = 32;

    private final JsonEndpoint endpoint;
    private final String model;

    /**
     * @param baseUrl the server, e.g. {@code http://localhost:11434}
     * @param model an embedding model pulled there, e.g. {@code nomic-embed-text}
     * @param timeout the deadline of one call
     */
    public OllamaEmbedder(HttpTransport transport, URI baseUrl, String model, Duration timeout) {
        super(BATCH);
        this.endpoint = new JsonEndpoint(transport, baseUrl, "/api/embed", null, timeout);
        this.model = model;
    }

    @Override
    public String name() {
        return "ollama/" + model;
    }

    @Override
    public int maxInputChars() {
        return 2000;
    }

    @Override
    List<float[]> embedBatch(List<String> batch) {
        Reply reply = post(endpoint, model, batch, Reply.class, r -> r.embeddings() != null
                && Arrays.stream(r.embeddings()).allMatch(Objects::nonNull));
        return Arrays.asList(reply.embeddings());
    }

    /** The fields read from the answer. */
    record Reply(float[][] embeddings) {}
}
