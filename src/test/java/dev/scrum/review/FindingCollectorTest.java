package dev.scrum.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scrum.check.CitationChecker;
import dev.scrum.check.StructuredAnswer;
import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.report.Finding;
import dev.scrum.symbols.SymbolTable;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingCollectorTest {

    private static final String FILE = """
            package a;

            public class Refunds {
                private String policy;

                public long refund(long cents) {
                    return cents;
                }

                public long refund(String id) {
                    return 0;
                }
            }
            """;

    private final FindingCollector collector = new FindingCollector(
            new CitationChecker(List.of(new Chunk(DocumentKind.PRD, 0, "p", null, 0))), SymbolTable.of("a/Refunds.java", FILE));

    private static List<Integer> lines(List<Finding> findings) {
        return findings.stream().map(Finding::line).toList();
    }

    @Test
    void aStructuredFindingIsAtTheAnswersLineElseWhereItsSymbolIsFirstDeclared() {
        StructuredAnswer answer = new StructuredAnswer(7, "s", List.of(
                new StructuredAnswer.Suggestion("t", "refund", 10, "c", List.of("PRD@0")),
                new StructuredAnswer.Suggestion("t", "Refunds#refund()", null, "c", List.of()),
                new StructuredAnswer.Suggestion("t", "this.policy", null, "c", List.of()),
                new StructuredAnswer.Suggestion("t", null, null, "c", List.of("section 2"))),
                List.of(new StructuredAnswer.Gap("partial", "Refunds", "d", List.of()),
                        new StructuredAnswer.Gap("missing", "audit", "d", List.of()),
                        new StructuredAnswer.Gap("contradicts", null, "d", List.of())));
        List<Finding> findings = collector.fromStructured(answer);
        assertEquals(Arrays.asList(10, 6, 4, null, 3, null, null), lines(findings));
        assertEquals("Refunds#refund()", findings.get(1).symbol());
        assertEquals("missing", findings.get(5).gapKind());
        assertEquals(true, findings.get(0).citations().get(0).valid());
        assertEquals(-1, findings.get(3).citations().get(0).offset());
    }

    @Test
    void aMarkdownFindingIsAtItsLineReferenceElseWhereItsFirstNameIsDeclared() {
        List<Finding> findings = collector.fromMarkdown("""
                Alignment score: 7/10

                1. `refund` (line 10): audit the amount [PRD @0].
                2. `policy`: store the version.
                3. Reject shipped orders.
                - partial: `Refunds.refund()` keeps no trail.
                - missing: `audit` at line 3 [PRD @9].
                """);
        assertEquals(Arrays.asList(10, 4, null, 6, null), lines(findings));
        assertEquals(List.of("suggestion", "suggestion", "suggestion", "gap", "gap"),
                findings.stream().map(Finding::kind).toList());
        assertEquals("partial", findings.get(3).gapKind());
        assertEquals("Refunds.refund", findings.get(3).symbol());
        assertEquals(false, findings.get(4).citations().get(0).valid());
    }
}
