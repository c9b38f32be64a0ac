package dev.scrum.embed;

import dev.scrum.llm.ApiKey;
import dev.scrum.llm.HttpTransport;
import dev.scrum.llm.JsonEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Embeddings from OpenAI or an OpenAI-compatible server, {@code POST {base}/embeddings}, 64 texts a call;
 * vectors are put in input order by their {@code index}.
 */
public final class OpenAiEmbedder extends BatchingEmbedder {
    private static final int BATCH = 64;

    private final JsonEndpoint endpoint;
    private final String model;

    /**
     * @param baseUrl the API's base URL including its version, e.g. {@code https://api.openai.com/v1}
     * @param model e.g. {@code text-embedding-3-small}
     * @param keyOrNull the bearer key, or {@code null} for none (a local server)
     * @param timeout the deadline of one call
     */
    public OpenAiEmbedder(HttpTransport transport, URI baseUrl, String model, ApiKey keyOrNull, Duration timeout) {
        super(BATCH);
        this.endpoint = new JsonEndpoint(transport, baseUrl, "/embeddings", keyOrNull, timeout);
        this.model = model;
    }

    @Override
    public String name() {
        return "openai/" + model;
    }

    @Override
    public int maxInputChars() {
        return 8000;
    }

    @Override
    List<float[]> embedBatch(List<String> batch) {
        Reply reply = post(endpoint, model, batch, Reply.class, r -> r.data() != null
                && r.data().stream().allMatch(d -> d != null && d.embedding() != null));
        List<Datum> data = reply.data().stream().sorted(Comparator.comparingInt(Datum::index)).toList();
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).index() != i) {
                throw new EmbeddingException(name() + " answered with indexes that are not 0.." + (batch.size() - 1));
            }
        }
        return data.stream().map(Datum::embedding).toList();
    }

    /** The fields read from the answer ({@code object: list}). */
    record Reply(List<Datum> data) {}

    /** One of {@code data}. */
    record Datum(int index, float[] embedding) {}
}
