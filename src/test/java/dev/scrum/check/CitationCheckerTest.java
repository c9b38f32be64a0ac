package dev.scrum.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationCheckerTest {

    private final CitationChecker checker = new CitationChecker(List.of(
            new Chunk(DocumentKind.PRD, 0, "a".repeat(100)),
            new Chunk(DocumentKind.PRD, 680, "b".repeat(100)),
            new Chunk(DocumentKind.PROPOSAL, 16320, "c".repeat(100))));

    @Test
    void checksEachDistinctCitationAgainstTheSentPassages() {
        List<Citation> found = checker.check("""
                - gap [PRD @680] and again [PRD @680]
                - also PLAN@16320, [PRD @27880] and [PLAN @0]
                """);
        assertEquals(List.of(new Citation("PRD", 680, true), new Citation("PLAN", 16320, true),
                new Citation("PRD", 27880, false), new Citation("PLAN", 0, false)), found);
    }

    @Test
    void aProposalPassageIsCitedAsPlanNotPrd() {
        assertEquals(new Citation("PRD", 16320, false), checker.cite("PRD", 16320));
        assertEquals(new Citation("PLAN", 16320, true), checker.cite("PLAN", 16320));
    }
}
