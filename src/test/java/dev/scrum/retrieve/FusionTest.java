package dev.scrum.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {

    private final Chunk a = new Chunk(DocumentKind.PRD, 0, "a", null, 0);
    private final Chunk b = new Chunk(DocumentKind.PRD, 10, "b", null, 0);
    private final Chunk c = new Chunk(DocumentKind.PRD, 20, "c", null, 0);

    private static ScoredChunk dense(Chunk chunk, int rank, double score) {
        return new ScoredChunk(chunk, score, new ScoredChunk.Rank(rank, score), null);
    }

    private static ScoredChunk lexical(Chunk chunk, int rank, double score) {
        return new ScoredChunk(chunk, score, null, new ScoredChunk.Rank(rank, score));
    }

    private final List<ScoredChunk> denseRanking = List.of(dense(b, 1, 0.80), dense(a, 2, 0.79), dense(c, 3, 0.40));
    private final List<ScoredChunk> lexicalRanking = List.of(lexical(a, 1, 20.0), lexical(c, 2, 4.0));

    @Test
    void reciprocalRanksAddUpAndEveryPassageKeepsBothRanks() {
        List<ScoredChunk> fused = Fusion.reciprocalRank(60, 1, 1).fuse(denseRanking, lexicalRanking);
        assertEquals(List.of(a, c, b), fused.stream().map(ScoredChunk::chunk).toList());
        assertEquals(1.0 / 61 + 1.0 / 62, fused.get(0).score(), 1e-12);
        assertEquals(new ScoredChunk.Rank(2, 0.79), fused.get(0).dense());
        assertEquals(new ScoredChunk.Rank(1, 20.0), fused.get(0).lexical());
        assertEquals(null, fused.get(2).lexical(), "b shares no word with the file");
        assertEquals("BM25 #1 (20.00), dense #2 (0.790)", fused.get(0).foundBy());
    }

    @Test
    void aConvexCombinationKeepsHowFarAheadAScoreIs() {
        List<ScoredChunk> fused = Fusion.convex(0.5).fuse(denseRanking, lexicalRanking);
        assertEquals(List.of(a, b, c), fused.stream().map(ScoredChunk::chunk).toList());
        assertEquals(0.5 * 1 + 0.5 * (0.79 - 0.40) / 0.40, fused.get(0).score(), 1e-12);
        assertEquals(0.5 * 0.2, fused.get(2).score(), 1e-12);
    }
}
