package dev.scrum.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationCheckerTest {

    private final CitationChecker checker = new CitationChecker(List.of(
            new Chunk(DocumentKind.PRD, 0, "a".repeat(100), null, 0),
            new Chunk(DocumentKind.PRD, 680, "b".repeat(100), null, 0),
            new Chunk(DocumentKind.PROPOSAL, 16320, "c".repeat(100), null, 0)));

    @Test
    void checksEachDistinctCitationAgainstTheSentPassages() {
        List<Citation> found = checker.check("""
                - gap [PRD @680] and again [PRD @680]
                - also PLAN@16320, [PRD @27880] and [PLAN @0]
                """);
        assertEquals(List.of(new Citation("PRD", 680, true, null, null), new Citation("PLAN", 16320, true, null, null),
                new Citation("PRD", 27880, false, null, null), new Citation("PLAN", 0, false, null, null)), found);
    }

    @Test
    void aProposalPassageIsCitedAsPlanNotPrd() {
        assertEquals(new Citation("PRD", 16320, false, null, null), checker.cite("PRD", 16320));
        assertEquals(new Citation("PLAN", 16320, true, null, null), checker.cite("PLAN", 16320));
    }
}
