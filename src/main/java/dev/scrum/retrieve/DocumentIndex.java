package dev.scrum.retrieve;

import dev.scrum.chunk.Chunk;
import dev.scrum.embed.Embedder;
import dev.scrum.embed.EmbeddingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A document's chunks and their vectors, searchable by similarity. Immutable and thread-safe. */
public final class DocumentIndex {

    private static final Comparator<ScoredChunk> BEST_FIRST = Comparator.comparingDouble(ScoredChunk::score)
            .reversed()
            .thenComparingInt(s -> s.chunk().offset());

    private final List<Chunk> chunks;
    private final List<float[]> vectors;

    private DocumentIndex(List<Chunk> chunks, List<float[]> vectors) {
        this.chunks = chunks;
        this.vectors = vectors;
    }

    /**
     * Embeds every chunk's text.
     *
     * @throws EmbeddingException when the embedder fails or returns a different number of vectors than texts
     */
    public static DocumentIndex build(List<Chunk> chunks, Embedder embedder) {
        List<Chunk> copy = List.copyOf(chunks);
        if (copy.isEmpty()) {
            return new DocumentIndex(copy, List.of());
        }
        List<float[]> vectors = embedder.embed(copy.stream().map(Chunk::text).toList());
        if (vectors.size() != copy.size()) {
            throw new EmbeddingException(embedder.name() + " returned " + vectors.size() + " vectors for "
                    + copy.size() + " passages");
        }
        return new DocumentIndex(copy, vectors.stream().map(float[]::clone).toList());
    }

    /** The indexed chunks, in document order. */
    public List<Chunk> chunks() {
        return chunks;
    }

    /** How many chunks the index holds. */
    public int size() {
        return chunks.size();
    }

    /**
     * The {@code k} chunks most similar to the query, best first. A chunk's score is the maximum cosine similarity
     * between its vector and any of {@code queryVectors}, so a chunk matching one part of a long file well ranks
     * above chunks matching every part a little. Ties go to the earlier chunk.
     *
     * @return at most {@code k} chunks; empty when the index or the query is empty
     * @throws IllegalArgumentException when {@code k} is not positive
     */
    public List<ScoredChunk> topK(List<float[]> queryVectors, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("topK must be greater than 0, was " + k);
        }
        if (queryVectors.isEmpty()) {
            return List.of();
        }
        List<ScoredChunk> scored = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            float[] vector = vectors.get(i);
            double best = Double.NEGATIVE_INFINITY;
            for (float[] query : queryVectors) {
                best = Math.max(best, Vectors.cosine(query, vector));
            }
            scored.add(new ScoredChunk(chunks.get(i), best));
        }
        scored.sort(BEST_FIRST);
        return List.copyOf(scored.subList(0, Math.min(k, scored.size())));
    }
}
