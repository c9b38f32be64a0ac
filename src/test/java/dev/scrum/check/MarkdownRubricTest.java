package dev.scrum.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.llm.AnswerFormat;
import dev.scrum.symbols.SymbolTable;
import org.junit.jupiter.api.Test;

class MarkdownRubricTest {

    static final String GOOD = """
            Alignment score: 7/10

            1. `refund` (line 9): record the amount in the audit trail [PRD @0].
            2. `ship` (line 20): store the carrier and tracking number [PRD @680].
            3. `cancel` (line 31): release reserved stock [PLAN @0].

            - missing: refunds within five business days [PRD @0].
            """;

    private final MarkdownRubric rubric = new MarkdownRubric(200);

    @Test
    void acceptsALongStructuredAnswerAndReadsItsScore() {
        Verdict v = rubric.check(GOOD, AnswerFormat.MARKDOWN);
        assertTrue(v.isAccepted(), v.reason());
        assertEquals(7, v.score());
    }

    @Test
    void rejectsAnEmptyAnswerAsThin() {
        Verdict v = rubric.check("   \n", AnswerFormat.MARKDOWN);
        assertEquals(Rejection.THIN, v.rejection());
        assertEquals("the answer was empty", v.reason());
    }

    @Test
    void rejectsAShortAnswerNamingTheCount() {
        Verdict v = rubric.check("- looks fine", AnswerFormat.MARKDOWN);
        assertEquals(Rejection.THIN, v.rejection());
        assertEquals("the answer had 12 characters, fewer than the 200 required", v.reason());
    }

    @Test
    void rejectsLongProseWithoutStructure() {
        String prose = "The class looks reasonable overall. ".repeat(10);
        Verdict v = rubric.check(prose, AnswerFormat.MARKDOWN);
        assertEquals(Rejection.THIN, v.rejection());
        assertTrue(v.reason().startsWith("the answer was unstructured: 0 bullet"), v.reason());
    }

    @Test
    void requireScoreMakesAnAnswerWithoutAScoreThin() {
        String noScore = GOOD.replace("Alignment score: 7/10", "The file mostly follows the PRD.");
        assertTrue(rubric.check(noScore, AnswerFormat.MARKDOWN).isAccepted());
        Verdict v = new MarkdownRubric(200, true, null).check(noScore, AnswerFormat.MARKDOWN);
        assertEquals(Rejection.THIN, v.rejection());
        assertEquals("the answer gives no alignment score", v.reason());
        assertTrue(new MarkdownRubric(200, true, null).check(GOOD, AnswerFormat.MARKDOWN).isAccepted());
    }

    @Test
    void requireScoreAppliesThroughTheRubricToo() {
        String noScore = GOOD.replace("Alignment score: 7/10", "The file mostly follows the PRD.");
        Verdict v = new Rubric(200, true, null).check(noScore, AnswerFormat.MARKDOWN);
        assertEquals(Rejection.THIN, v.rejection());
        assertEquals(MarkdownRubric.NO_SCORE, v.reason());
    }

    @Test
    void groundingIsCheckedOnlyOnceTheAnswerIsSubstantial() {
        Grounding file = new Grounding(SymbolTable.of("Refunds.java", GroundingTest.REFUNDS));
        MarkdownRubric withFile = new MarkdownRubric(200, false, file);
        assertEquals(Rejection.THIN, withFile.check("- `persist` (line 999)", AnswerFormat.MARKDOWN).rejection());
        Verdict v = withFile.check(GOOD.replace("- missing: refunds within five business days",
                "- missing: `policyVersion()` to expose the policy"), AnswerFormat.MARKDOWN);
        assertEquals(Rejection.UNGROUNDED, v.rejection());
        assertTrue(v.reason().startsWith("suggestion 2 names `ship`, which the file does not declare; "), v.reason());
        assertTrue(v.reason().endsWith("gap 1 says `policyVersion()` is missing, but line 17 declares it"), v.reason());
        assertEquals(7, v.score());
    }

    @Test
    void oneBulletInLongTextIsNotEnough() {
        // the original pipeline accepted any 200 characters with a bullet
        String text = "The class looks reasonable overall. ".repeat(8) + "\n- maybe rename it";
        Verdict v = rubric.check(text, AnswerFormat.MARKDOWN);
        assertEquals(Rejection.THIN, v.rejection());
        assertNull(v.score());
    }
}
