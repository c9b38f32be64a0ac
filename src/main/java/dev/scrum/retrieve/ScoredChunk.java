package dev.scrum.retrieve;

import dev.scrum.chunk.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A retrieved passage, how relevant it is to the source file, and which rankers found it.
 *
 * @param chunk the passage
 * @param score what it was ranked by: the best cosine similarity with any of the file's query passages (dense),
 *     its BM25 score (lexical), or the fused score (hybrid)
 * @param dense its place among the document's passages by the dense ranker, or {@code null} when none ranked it
 * @param lexical its place by BM25, or {@code null} when BM25 did not rank it (no word of the file occurs in it)
 */
public record ScoredChunk(Chunk chunk, double score, Rank dense, Rank lexical) {

    /**
     * A passage's place in one ranker's list.
     *
     * @param rank 1 for the best
     * @param score that ranker's score
     */
    public record Rank(int rank, double score) {}

    public ScoredChunk {
        Objects.requireNonNull(chunk, "chunk");
    }

    /** This passage with another score (a fused one), its ranks kept. */
    ScoredChunk withScore(double fused) {
        return new ScoredChunk(chunk, fused, dense, lexical);
    }

    /** Which rankers found it and where, e.g. {@code BM25 #1 (12.40), dense #3 (0.812)}; {@code ""} when unknown. */
    public String foundBy() {
        List<String> by = new ArrayList<>();
        if (lexical != null) {
            by.add(String.format(Locale.ROOT, "BM25 #%d (%.2f)", lexical.rank(), recorded(lexical.score())));
        }
        if (dense != null) {
            by.add(String.format(Locale.ROOT, "dense #%d (%.3f)", dense.rank(), recorded(dense.score())));
        }
        return String.join(", ", by);
    }

    /**
     * A score as the JSON records it: 4 decimals. What is shown is rounded from this value, so that a report made
     * from the JSON (a merge of shards) rounds exactly as the run's own report did (0.46499 shows 0.47 both ways).
     */
    public static double recorded(double score) {
        return Math.round(score * 10000) / 10000.0;
    }
}
