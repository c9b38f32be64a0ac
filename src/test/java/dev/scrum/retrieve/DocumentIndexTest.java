package dev.scrum.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.embed.Embedder;
import dev.scrum.embed.EmbeddingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentIndexTest {

    private static final Chunk X = new Chunk(DocumentKind.PRD, 0, "x axis", null, 0);
    private static final Chunk Y = new Chunk(DocumentKind.PRD, 680, "y axis", null, 0);
    private static final Chunk Z = new Chunk(DocumentKind.PRD, 1360, "z axis", null, 0);
    private static final Chunk XY = new Chunk(DocumentKind.PRD, 2040, "between x and y", null, 0);

    private static final FakeEmbedder EMBEDDER = FakeEmbedder.fixed(Map.of(
            "x axis", new float[] {1, 0, 0},
            "y axis", new float[] {0, 1, 0},
            "z axis", new float[] {0, 0, 1},
            "between x and y", new float[] {0.7071f, 0.7071f, 0}));

    private static final DocumentIndex INDEX = DocumentIndex.build(List.of(X, Y, Z, XY), EMBEDDER);

    private static List<Chunk> chunks(List<ScoredChunk> scored) {
        return scored.stream().map(ScoredChunk::chunk).toList();
    }

    @Test
    void ranksBestFirstAndCutsAtK() {
        List<ScoredChunk> top = INDEX.topK(List.of(new float[] {0.9f, 0.1f, 0}), 2);
        assertEquals(List.of(X, XY), chunks(top));
        assertTrue(top.get(0).score() > top.get(1).score());
        assertEquals(Vectors.cosine(new float[] {0.9f, 0.1f, 0}, new float[] {1, 0, 0}), top.get(0).score(), 1e-9);
    }

    @Test
    void scoresEachChunkByItsBestMatchOverAllQueryVectors() {
        // one query part is about x, another about z: both x and z match one part perfectly
        List<ScoredChunk> top = INDEX.topK(List.of(new float[] {1, 0, 0}, new float[] {0, 0, 1}), 4);

        assertEquals(List.of(X, Z, XY, Y), chunks(top));
        assertEquals(1.0, top.get(0).score(), 1e-6);
        assertEquals(1.0, top.get(1).score(), 1e-6, "z scores by the z query, not by an average");
        assertEquals(0.7071, top.get(2).score(), 1e-3);
        assertEquals(0.0, top.get(3).score(), 1e-6);
    }

    @Test
    void tiesGoToTheEarlierOffset() {
        List<ScoredChunk> top = INDEX.topK(List.of(new float[] {0, 0, -1}), 4);
        // x, y and xy are all orthogonal to the query: 0, ordered by offset; z is opposite: -1
        assertEquals(List.of(X, Y, XY, Z), chunks(top));
    }

    @Test
    void kLargerThanTheIndexReturnsEveryChunk() {
        assertEquals(4, INDEX.topK(List.of(new float[] {1, 1, 1}), 50).size());
        assertEquals(List.of(X, Y, Z, XY), INDEX.chunks());
        assertEquals(4, INDEX.size());
    }

    @Test
    void emptyIndexOrEmptyQueryGivesNothing() {
        FakeEmbedder embedder = FakeEmbedder.fixed(Map.of());
        DocumentIndex empty = DocumentIndex.build(List.of(), embedder);
        assertEquals(List.of(), empty.topK(List.of(new float[] {1, 0, 0}), 5));
        assertEquals(List.of(), embedder.calls, "nothing to embed, no call");
        assertEquals(List.of(), INDEX.topK(List.of(), 5));
    }

    @Test
    void kMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> INDEX.topK(List.of(new float[] {1, 0, 0}), 0));
        assertTrue(e.getMessage().contains("topK"), e.getMessage());
    }

    @Test
    void anEmbedderReturningTheWrongNumberOfVectorsIsAnError() {
        Embedder broken = new Embedder() {
            @Override
            public String name() {
                return "broken/one";
            }

            @Override
            public int maxInputChars() {
                return 100;
            }

            @Override
            public List<float[]> embed(List<String> texts) {
                return List.of(new float[] {1});
            }
        };
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> DocumentIndex.build(List.of(X, Y), broken));
        assertEquals("broken/one returned 1 vectors for 2 passages", e.getMessage());
    }
}
