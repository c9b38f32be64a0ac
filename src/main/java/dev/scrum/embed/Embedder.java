package dev.scrum.embed;

import java.util.List;

/**
 * Turns texts into vectors. Implementations: {@link LocalEmbedder} (in-process ONNX model, the default),
 * {@link OllamaEmbedder} and {@link OpenAiEmbedder}.
 */
public interface Embedder extends AutoCloseable {

    /** {@code provider/model}, for logs and reports. */
    String name();

    /**
     * How many characters of one input the model actually reads; longer inputs are cut by the model's
     * tokenizer, so callers split text into passages no longer than this.
     */
    int maxInputChars();

    /**
     * What a model expects before a query text ({@code "query: "} for e5); callers prepend it, so that it is part
     * of what is embedded, cached and counted against {@link #maxInputChars()}.
     */
    default String queryPrefix() {
        return "";
    }

    /** What a model expects before a passage of a document ({@code "passage: "} for e5); see {@link #queryPrefix()}. */
    default String passagePrefix() {
        return "";
    }

    /**
     * Embeds every text, in order. Vectors are L2-normalised.
     *
     * @throws EmbeddingException when the model or server fails
     */
    List<float[]> embed(List<String> texts);

    @Override
    default void close() {}
}
