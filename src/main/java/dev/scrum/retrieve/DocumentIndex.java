package dev.scrum.retrieve;

import dev.scrum.chunk.Chunk;
import dev.scrum.embed.Embedder;
import dev.scrum.embed.EmbeddingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A document's chunks and their vectors, searchable by similarity. What is embedded of a chunk is its heading path
 * and text ({@link Chunk#searchText()}) after the model's passage prefix, cut into pieces the model reads whole
 * ({@link Embedder#maxInputChars()}): a model that reads 128 tokens gets two pieces of an 800-character passage
 * instead of silently dropping its second half. Immutable and thread-safe.
 */
public final class DocumentIndex {

    static final Comparator<ScoredChunk> BEST_FIRST = Comparator.comparingDouble(ScoredChunk::score)
            .reversed()
            .thenComparingInt(s -> s.chunk().offset());

    private final List<Chunk> chunks;
    /** The vectors of each chunk's pieces. */
    private final List<List<float[]>> vectors;

    private DocumentIndex(List<Chunk> chunks, List<List<float[]>> vectors) {
        this.chunks = chunks;
        this.vectors = vectors;
    }

    /**
     * Embeds every chunk.
     *
     * @throws EmbeddingException when the embedder fails or returns a different number of vectors than texts
     */
    public static DocumentIndex build(List<Chunk> chunks, Embedder embedder) {
        List<Chunk> copy = List.copyOf(chunks);
        if (copy.isEmpty()) {
            return new DocumentIndex(copy, List.of());
        }
        String prefix = embedder.passagePrefix();
        int room = Math.max(1, embedder.maxInputChars() - prefix.length());
        List<String> texts = new ArrayList<>();
        List<Integer> pieces = new ArrayList<>(copy.size());
        for (Chunk c : copy) {
            List<String> cut = SourceQuery.cut(c.searchText(), room);
            if (cut.isEmpty()) {
                cut = List.of(c.searchText());
            }
            cut.forEach(p -> texts.add(prefix + p));
            pieces.add(cut.size());
        }
        List<float[]> embedded = embedder.embed(texts);
        if (embedded.size() != texts.size()) {
            throw new EmbeddingException(embedder.name() + " returned " + embedded.size() + " vectors for "
                    + texts.size() + " passages");
        }
        List<List<float[]>> vectors = new ArrayList<>(copy.size());
        int next = 0;
        for (int n : pieces) {
            vectors.add(embedded.subList(next, next + n).stream().map(float[]::clone).toList());
            next += n;
        }
        return new DocumentIndex(copy, List.copyOf(vectors));
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
     * between any of its pieces' vectors and any of {@code queryVectors}, so a chunk matching one part of a long
     * file well ranks above chunks matching every part a little. Ties go to the earlier chunk.
     *
     * @return at most {@code k} chunks; empty when the index or the query is empty
     * @throws IllegalArgumentException when {@code k} is not positive
     */
    public List<ScoredChunk> topK(List<float[]> queryVectors, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("topK must be greater than 0, was " + k);
        }
        List<ScoredChunk> ranked = ranked(queryVectors);
        return List.copyOf(ranked.subList(0, Math.min(k, ranked.size())));
    }

    /** Every chunk scored as {@link #topK} scores it, best first, each with its dense rank. */
    public List<ScoredChunk> ranked(List<float[]> queryVectors) {
        if (queryVectors.isEmpty()) {
            return List.of();
        }
        List<ScoredChunk> scored = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (float[] piece : vectors.get(i)) {
                for (float[] query : queryVectors) {
                    best = Math.max(best, Vectors.cosine(query, piece));
                }
            }
            scored.add(new ScoredChunk(chunks.get(i), best, null, null));
        }
        scored.sort(BEST_FIRST);
        List<ScoredChunk> ranked = new ArrayList<>(scored.size());
        for (int r = 0; r < scored.size(); r++) {
            ScoredChunk s = scored.get(r);
            ranked.add(new ScoredChunk(s.chunk(), s.score(), new ScoredChunk.Rank(r + 1, s.score()), null));
        }
        return ranked;
    }
}
