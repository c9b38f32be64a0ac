package dev.scrum.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.llm.AnswerFormat;
import dev.scrum.symbols.SymbolTable;
import org.junit.jupiter.api.Test;

class RubricTest {

    private static String suggestion(String title, String change) {
        return """
                {"title": "%s", "symbol": "refund", "line": 9, "change": "%s", "citations": ["PRD@0"]}"""
                .formatted(title, change);
    }

    private static String answer(int score, String... suggestions) {
        return """
                {"score": %d, "summary": "Refunds are mostly there; amounts are not audited.",
                 "suggestions": [%s],
                 "gaps": [{"kind": "missing", "symbol": "auditRefund", "description": "No audit entry.", "citations": ["PRD@680"]}]}
                """.formatted(score, String.join(",", suggestions));
    }

    private final Rubric rubric = new Rubric(200);

    @Test
    void acceptsAValidAnswerAndRendersIt() {
        String json = answer(8, suggestion("Audit the amount", "Write the refunded amount to the audit trail."),
                suggestion("Check the policy", "Record refundPolicyVersion with each refund entry."),
                suggestion("Reject shipped", "Reject refunds of orders that shipped and were not returned."));
        Verdict v = rubric.check(json, AnswerFormat.JSON);
        assertTrue(v.isAccepted(), v.reason());
        assertEquals(8, v.score());
        assertNotNull(v.structured());
        assertEquals(3, v.structured().suggestions().size());
        assertTrue(v.markdown().startsWith("**Alignment score: 8/10**"));
        assertTrue(v.markdown().contains("1. **Audit the amount** (`refund`, line 9) — Write the refunded amount"));
        assertTrue(v.markdown().contains("- *missing* `auditRefund`: No audit entry. [PRD@680]"));
    }

    @Test
    void acceptsAnAnswerInACodeFence() {
        String json = "```json\n" + answer(6, suggestion("A", "Write the refunded amount to the audit trail."),
                suggestion("B", "Record refundPolicyVersion with each refund entry."),
                suggestion("C", "Reject refunds of orders that shipped and were not returned.")) + "```";
        assertTrue(rubric.check(json, AnswerFormat.JSON).isAccepted());
    }

    @Test
    void tooFewSuggestionsIsThin() {
        Verdict v = rubric.check(answer(8, suggestion("A", "Write the refunded amount to the audit trail."),
                suggestion("B", "short")), AnswerFormat.JSON);
        assertEquals(Rejection.THIN, v.rejection());
        assertEquals("the answer had 1 suggestions with real text, at least 3 needed", v.reason());
    }

    @Test
    void notJsonIsMalformed() {
        Verdict v = rubric.check("Here is my review: the code is fine.", AnswerFormat.JSON);
        assertEquals(Rejection.MALFORMED, v.rejection());
        assertEquals("the answer was not the asked JSON: not JSON: it begins \"Here is my review: the code is fine.\" "
                + "where the JSON object should begin; answer with the object alone", v.reason());
    }

    @Test
    void brokenJsonIsMalformedAtItsPlace() {
        Verdict v = rubric.check("{\"score\": 8, \"summary\": }", AnswerFormat.JSON);
        assertEquals(Rejection.MALFORMED, v.rejection());
        assertTrue(v.reason().startsWith("the answer was not the asked JSON: not JSON: "), v.reason());
        assertTrue(!v.reason().contains("setStrictness"), v.reason());
    }

    @Test
    void schemaViolationsAreNamedByPath() {
        String json = """
                {"score": 11, "summary": "x", "extra": true,
                 "suggestions": [{"title": "t", "symbol": 3, "line": "nine", "change": "c", "citations": []}],
                 "gaps": [{"kind": "absent", "symbol": null, "description": "d"}]}
                """;
        Verdict v = rubric.check(json, AnswerFormat.JSON);
        assertEquals(Rejection.MALFORMED, v.rejection());
        String r = v.reason();
        assertTrue(r.contains("$.extra is not in the schema"), r);
        assertTrue(r.contains("$.score is 11, not between 1 and 10"), r);
        assertTrue(r.contains("$.suggestions[0].symbol is not a string"), r);
        assertTrue(r.contains("$.suggestions[0].line is not an integer"), r);
        assertTrue(r.contains("$.gaps[0].citations is missing"), r);
        assertTrue(r.contains("$.gaps[0].kind is \"absent\", not one of missing, partial, contradicts, unrequested"), r);
    }

    private final Rubric grounded = new Rubric(200, false,
            SymbolTable.of("src/main/java/com/example/orders/Refunds.java", GroundingTest.REFUNDS));

    private static String answerWithGap(String gap) {
        return answer(7, suggestion("Audit the amount", "Write the refunded amount to the audit trail."),
                suggestion("Check the policy", "Record refundPolicyVersion with each refund entry."),
                suggestion("Reject shipped", "Reject refunds of orders that shipped and were not returned."))
                .replace("{\"kind\": \"missing\", \"symbol\": \"auditRefund\"", gap);
    }

    @Test
    void aGroundedAnswerIsAcceptedWithItsFile() {
        Verdict v = grounded.check(answerWithGap("{\"kind\": \"missing\", \"symbol\": \"auditRefund\""),
                AnswerFormat.JSON);
        assertTrue(v.isAccepted(), v.reason());
    }

    @Test
    void aMissingGapNamingADeclaredFieldIsUngrounded() {
        Verdict v = grounded.check(answerWithGap("{\"kind\": \"missing\", \"symbol\": \"refundPolicyVersion\""),
                AnswerFormat.JSON);
        assertEquals(Rejection.UNGROUNDED, v.rejection());
        assertEquals("gap 1 says `refundPolicyVersion` is missing, but line 6 declares it", v.reason());
        assertEquals(7, v.score());
        assertTrue(v.markdown().startsWith("**Alignment score: 7/10**"));
    }

    @Test
    void everyUngroundedClaimIsListed() {
        String json = answerWithGap("{\"kind\": \"partial\", \"symbol\": \"persist\"")
                .replaceFirst("\"symbol\": \"refund\", \"line\": 9", "\"symbol\": \"persist\", \"line\": 9")
                .replaceFirst("\"line\": 9", "\"line\": 900");
        Verdict v = grounded.check(json, AnswerFormat.JSON);
        assertEquals(Rejection.UNGROUNDED, v.rejection());
        assertEquals("suggestion 1 names `persist`, which the file does not declare; "
                + "suggestion 1 points at line 900, but the file has 20 lines; "
                + "gap 1 names `persist`, which the file does not declare", v.reason());
    }

    @Test
    void aRubricWithoutAFileChecksNoClaim() {
        String json = answerWithGap("{\"kind\": \"missing\", \"symbol\": \"refundPolicyVersion\"");
        assertTrue(rubric.check(json, AnswerFormat.JSON).isAccepted());
    }

    @Test
    void markdownAnswersAreGroundedToo() {
        Verdict v = grounded.check(MarkdownRubricTest.GOOD.replace("`ship` (line 20)", "`ship` (line 21)"),
                AnswerFormat.MARKDOWN);
        assertEquals(Rejection.UNGROUNDED, v.rejection());
        assertTrue(v.reason().contains("suggestion 2 names `ship`, which the file does not declare"), v.reason());
        assertTrue(v.reason().contains("suggestion 2 points at line 21, but the file has 20 lines"), v.reason());
    }

    @Test
    void markdownAnswersGoToTheMarkdownRubric() {
        assertEquals(Rejection.THIN, rubric.check("fine", AnswerFormat.MARKDOWN).rejection());
    }
}
