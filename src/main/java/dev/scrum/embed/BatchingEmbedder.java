package dev.scrum.embed;

import dev.scrum.llm.ChatException;
import dev.scrum.llm.JsonEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An embedding server's client: splits the texts into batches of the server's size, asks for each batch,
 * checks a vector came back for every text, and L2-normalises them.
 */
abstract class BatchingEmbedder implements Embedder {
    private final int batchSize;

    BatchingEmbedder(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public final List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
            List<float[]> answered = embedBatch(batch);
            if (answered.size() != batch.size()) {
                throw new EmbeddingException(name() + " returned " + answered.size() + " vectors for "
                        + batch.size() + " texts");
            }
            for (float[] vector : answered) {
                vectors.add(normalised(vector));
            }
        }
        return vectors;
    }

    /** The request body of both Ollama's {@code /api/embed} and OpenAI's {@code /embeddings}. */
    record Input(String model, List<String> input) {}

    /** The raw vectors of one batch, in the batch's order. */
    abstract List<float[]> embedBatch(List<String> batch);

    /**
     * Posts {@code {"model", "input"}} to the endpoint; its failures become {@link EmbeddingException}s
     * with the same message (status and the server's words).
     */
    final <T> T post(JsonEndpoint endpoint, String model, List<String> batch, Class<T> replyType,
            Predicate<? super T> complete) {
        try {
            return endpoint.call(new Input(model, batch), replyType, model, complete);
        } catch (ChatException e) {
            throw new EmbeddingException(name() + ": " + e.getMessage(), e);
        }
    }

    private static float[] normalised(float[] vector) {
        double sum = 0;
        for (float x : vector) {
            sum += (double) x * x;
        }
        if (sum == 0) {
            return vector.clone();
        }
        double norm = Math.sqrt(sum);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
