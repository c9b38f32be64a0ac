package dev.scrum.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctSectionsTest {

    private static ScoredChunk passage(int offset, String heading, float score) {
        return new ScoredChunk(new Chunk(DocumentKind.PRD, offset, "text " + offset, heading, 0), score, null, null);
    }

    @Test
    void eachSectionsBestPassageComesBeforeAnySectionsSecond() {
        ScoredChunk a1 = passage(0, "Timers", 9);
        ScoredChunk a2 = passage(800, "Timers", 8);
        ScoredChunk a3 = passage(1600, "Timers", 7);
        ScoredChunk b = passage(5000, "Gauges", 6);
        ScoredChunk c1 = passage(9000, "Counters", 5);
        ScoredChunk c2 = passage(9800, "Counters", 4);

        assertEquals(List.of(a1, b, c1, a2, a3, c2), DistinctSections.first(List.of(a1, a2, a3, b, c1, c2), 10));
        assertEquals(List.of(a1, b, c1), DistinctSections.first(List.of(a1, a2, a3, b, c1, c2), 3));
        assertEquals(List.of(a1, b, c1, a2), DistinctSections.first(List.of(a1, a2, a3, b, c1, c2), 4));
    }

    @Test
    void passagesWithoutAHeadingEachStandAlone() {
        ScoredChunk x = passage(0, null, 3);
        ScoredChunk y = passage(800, null, 2);
        ScoredChunk z = passage(1600, "Only", 1);

        assertEquals(List.of(x, y, z), DistinctSections.first(List.of(x, y, z), 5));
        assertEquals(List.of(), DistinctSections.first(List.of(), 5));
    }
}
