package dev.scrum.retrieve;

import dev.scrum.chunk.Chunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a dense and a lexical ranking of one document's passages into one. Each passage keeps both its ranks, so a
 * report can say which ranker found it.
 */
public interface Fusion {

    /**
     * The fused ranking, best first.
     *
     * @param dense every passage, ranked by the dense ranker (best first)
     * @param lexical the passages BM25 ranked (best first); passages sharing no word with the file are missing
     */
    List<ScoredChunk> fuse(List<ScoredChunk> dense, List<ScoredChunk> lexical);

    /** A short name, for logs and the benchmark. */
    String name();

    /**
     * Reciprocal rank fusion: a passage scores {@code w / (k + rank)} summed over the rankers that ranked it.
     *
     * @param k the damping constant (60 in the original paper)
     * @param lexicalWeight the weight of BM25's term
     * @param denseWeight the weight of the dense ranker's term
     */
    static Fusion reciprocalRank(int k, double lexicalWeight, double denseWeight) {
        return new Fusion() {
            @Override
            public List<ScoredChunk> fuse(List<ScoredChunk> dense, List<ScoredChunk> lexical) {
                return combine(dense, lexical, (d, l) -> (l == null ? 0 : lexicalWeight / (k + l.rank()))
                        + (d == null ? 0 : denseWeight / (k + d.rank())));
            }

            @Override
            public String name() {
                return "RRF k=" + k + (lexicalWeight == denseWeight ? "" : ", BM25 x" + lexicalWeight / denseWeight);
            }
        };
    }

    /**
     * A convex combination of normalised scores: {@code w * bm25 / max(bm25) + (1 - w) * (cos - min) / (max - min)}
     * over the document's passages (a passage BM25 did not rank has 0 there). Unlike reciprocal ranks, how much
     * better the best passage is than the next survives the fusion.
     *
     * @param lexicalWeight {@code w}, between 0 and 1
     */
    static Fusion convex(double lexicalWeight) {
        return new Fusion() {
            @Override
            public List<ScoredChunk> fuse(List<ScoredChunk> dense, List<ScoredChunk> lexical) {
                double maxLexical = lexical.stream().mapToDouble(ScoredChunk::score).max().orElse(1);
                double maxDense = dense.stream().mapToDouble(ScoredChunk::score).max().orElse(1);
                double minDense = dense.stream().mapToDouble(ScoredChunk::score).min().orElse(0);
                double span = maxDense - minDense == 0 ? 1 : maxDense - minDense;
                return combine(dense, lexical, (d, l) -> lexicalWeight * (l == null ? 0 : l.score() / maxLexical)
                        + (1 - lexicalWeight) * (d == null ? 0 : (d.score() - minDense) / span));
            }

            @Override
            public String name() {
                return "convex, BM25 weight " + lexicalWeight;
            }
        };
    }

    /** How one passage's ranks make its fused score. */
    interface Score {
        double of(ScoredChunk.Rank dense, ScoredChunk.Rank lexical);
    }

    /** Every passage of either list with both its ranks, scored by {@code score}, best first. */
    private static List<ScoredChunk> combine(List<ScoredChunk> dense, List<ScoredChunk> lexical, Score score) {
        Map<Chunk, ScoredChunk.Rank[]> ranks = new LinkedHashMap<>();
        dense.forEach(s -> ranks.computeIfAbsent(s.chunk(), c -> new ScoredChunk.Rank[2])[0] = s.dense());
        lexical.forEach(s -> ranks.computeIfAbsent(s.chunk(), c -> new ScoredChunk.Rank[2])[1] = s.lexical());
        List<ScoredChunk> fused = new ArrayList<>(ranks.size());
        ranks.forEach((chunk, r) -> fused.add(new ScoredChunk(chunk, score.of(r[0], r[1]), r[0], r[1])));
        fused.sort(DocumentIndex.BEST_FIRST);
        return fused;
    }
}
