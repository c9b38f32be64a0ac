package dev.scrum.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scrum.symbols.SymbolTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroundingTest {

    /** 20 lines: refund at 9, policyVersion at 17, refundPolicyVersion at 6. */
    static final String REFUNDS = """
            package com.example.orders;

            /** Refunds of cancelled orders. Mentions persist() in a comment only. */
            public class Refunds {

                private final String refundPolicyVersion = "persist";

                /** Refunds an order to its original payment method. */
                public long refund(String orderId, long amountCents) {
                    if (amountCents <= 0) {
                        throw new IllegalArgumentException("nothing to refund for " + orderId);
                    }
                    return amountCents;
                }

                /** The refund policy in force. */
                public String policyVersion() {
                    return refundPolicyVersion;
                }
            }
            """;

    private final Grounding grounding = new Grounding(SymbolTable.of("src/main/java/Refunds.java", REFUNDS));

    private static StructuredAnswer.Suggestion suggestion(String symbol, Integer line) {
        return new StructuredAnswer.Suggestion("t", symbol, line, "change it", List.of());
    }

    private static StructuredAnswer.Gap gap(String kind, String symbol) {
        return new StructuredAnswer.Gap(kind, symbol, "d", List.of());
    }

    private static StructuredAnswer answer(List<StructuredAnswer.Suggestion> s, List<StructuredAnswer.Gap> g) {
        return new StructuredAnswer(7, "summary", s, g);
    }

    @Test
    void aGroundedAnswerHasNoProblem() {
        assertEquals(List.of(), grounding.problems(answer(
                List.of(suggestion("refund", 9), suggestion("Refunds#policyVersion()", null),
                        suggestion(null, 20), suggestion("this.refundPolicyVersion", 1)),
                List.of(gap("missing", "auditRefund"), gap("partial", "Refunds.refund"), gap("contradicts", null)))));
    }

    @Test
    void namesEachUngroundedClaimInASentence() {
        List<String> problems = grounding.problems(answer(
                List.of(suggestion("persist", null), suggestion("refund", 900), suggestion("refund", 0)),
                List.of(gap("partial", "audit"), gap("unrequested", "refund"), gap("missing", "refundPolicyVersion"))));
        assertEquals(List.of(
                "suggestion 1 names `persist`, which the file does not declare",
                "suggestion 2 points at line 900, but the file has 20 lines",
                "suggestion 3 points at line 0, but the file has 20 lines",
                "gap 1 names `audit`, which the file does not declare",
                "gap 3 says `refundPolicyVersion` is missing, but line 6 declares it"), problems);
    }

    @Test
    void aReasonListsEveryProblemUpToEightThenCountsTheRest() {
        List<String> problems = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            problems.add("p" + i);
        }
        assertEquals("p1; p2", Grounding.reason(problems.subList(0, 2)));
        assertEquals("p1; p2; p3; p4; p5; p6; p7; p8; and 2 more", Grounding.reason(problems));
    }

    @Test
    void aFileOfAnUnknownLanguageHasOnlyItsLinesChecked() {
        Grounding js = new Grounding(SymbolTable.of("app.js", "a\nb\nc\n"));
        assertEquals(List.of("suggestion 1 points at line 4, but the file has 3 lines"),
                js.problems(answer(List.of(suggestion("anything", 4)), List.of(gap("missing", "a")))));
        Grounding oneLine = new Grounding(SymbolTable.of("x.txt", "only"));
        assertEquals(List.of("suggestion 1 points at line 2, but the file has 1 line"),
                oneLine.problems(answer(List.of(suggestion(null, 2)), List.of())));
    }

    @Test
    void markdownLineReferencesAreChecked() {
        assertEquals(List.of(
                        "the answer points at line 40, but the file has 20 lines",
                        "suggestion 1 points at line 21, but the file has 20 lines",
                        "gap 1 points at line 99, but the file has 20 lines"),
                grounding.problems("""
                        Alignment score: 6/10. The summary mentions line 40.

                        1. `refund` (lines 9-21): audit it.
                        2. `refund` (line 10): reject shipped orders.
                        - partial: the policy at L99 is never written.
                        """));
    }

    @Test
    void markdownSuggestionsNamingSymbolsTheFileLacksAreUngrounded() {
        assertEquals(List.of(
                        "suggestion 1 names `persist`, which the file does not declare",
                        "suggestion 2 names `save()`, which the file does not declare",
                        "suggestion 3 names `Refunds.persist`, which the file does not declare",
                        "suggestion 4 names `this.store()`, which the file does not declare"),
                grounding.problems("""
                        1. `persist` (line 9): write the refund.
                        2. Wrap the refund in `save()` so it is durable.
                        3. Call `Refunds.persist` after refunding.
                        4. Use `this.store()` for the entry.
                        """));
    }

    @Test
    void markdownWordsInBackticksAreNotMistakenForSymbols() {
        assertEquals(List.of(), grounding.problems("""
                1. **Audit** the refund in `refund`: record `amountCents` and the `PENDING` status.
                2. Add a new method `auditRefund()` that writes the entry.
                3. Return the value of `PaymentGateway.refund()` instead of `amountCents`.
                4. Validate `orderId` with `Objects.requireNonNull` and `orderId.isBlank()`.
                5. Use `null` checks and `true`/`false` flags; keep `refundPolicyVersion`.
                6. Introduce `RefundAudit.record(orderId)` for the audit trail.
                7. The `json` payload should carry `refund_id`.
                8. `Refunds.java` needs the licence header.
                - missing: an audit entry (see `refund`).
                - partial: `persistence` is not covered.
                """));
    }

    @Test
    void aMarkdownMissingBulletNamingADeclaredSymbolIsUngrounded() {
        assertEquals(List.of(
                        "gap 1 says `refundPolicyVersion` is missing, but line 6 declares it",
                        "gap 2 says `policyVersion()` is missing, but line 17 declares it",
                        "gap 3 says `refund` is missing, but line 9 declares it"),
                grounding.problems("""
                        - missing: `refundPolicyVersion` is never stored [PRD @0].
                        - Missing method `policyVersion()`.
                        - `refund` is missing from the class.
                        - missing: `auditRefund()` to write the trail.
                        """));
    }
}
