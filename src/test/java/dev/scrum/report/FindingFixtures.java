package dev.scrum.report;

import dev.scrum.check.Citation;
import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A run with one finding of every kind, for the code-scanning reports, baselines and the gate: {@link #ORDERS}
 * (score 7) has two suggestions, a gap of each kind and a gap of no kind; {@link #LEDGER} is unresolved.
 */
public final class FindingFixtures {

    public static final String ORDERS = "src/main/java/shop/Orders.java";
    public static final String LEDGER = "src/main/java/shop/Ledger.java";
    public static final String MODEL = "ollama/qwen-test";

    private FindingFixtures() {}

    public static Finding suggestion(String title, String text, String symbol, Integer line, Citation... cites) {
        return new Finding("suggestion", null, title, text, symbol, line, List.of(cites), null);
    }

    public static Finding gap(String kind, String text, String symbol, Integer line, Citation... cites) {
        return new Finding("gap", kind, null, text, symbol, line, List.of(cites), null);
    }

    /** The findings of {@link #ORDERS}, in answer order. */
    public static List<Finding> ordersFindings() {
        return List.of(
                suggestion("Record the refund amount", "Add the amount to the audit entry [see PRD].", "refund", 12,
                        new Citation("PRD", 0, true, 1, "Refunds"), new Citation("PLAN", 99, false, null, null)),
                suggestion("Ship with a carrier", "Take the carrier as a parameter.", "Orders.ship()", 30),
                gap("missing", "Orders cannot be cancelled.", "cancel", null,
                        new Citation("PRD", 800, true, 20, "Cancellation"), new Citation("PLAN", 0, true, 1, null)),
                gap("contradicts", "Refunds are allowed after 30 days; the PRD forbids it.", "refund", 44),
                gap("partial", "Shipping notifies nobody.", "ship", 50),
                gap("unrequested", "Orders export to XML, which nobody asked for.", "toXml", 60),
                gap(null, "Something is off with discounts.", null, 70));
    }

    public static FileReview review(String file, List<Finding> findings) {
        return FileReview.builder()
                .file(file)
                .fileBytes(4000)
                .input(new FileInput(List.of(), List.of(), 5000, 3, 0, false, List.of()))
                .outcome(FileOutcome.builder()
                        .attempts(List.of(Attempt.builder()
                                        .n(1)
                                        .rungId(MODEL)
                                        .model("qwen-test")
                                        .status(AttemptStatus.ACCEPTED)
                                        .chars(1500)
                                        .durationMs(2000)
                                        .promptTokens(900)
                                        .completionTokens(300)
                                        .build()))
                        .acceptedOn(1)
                        .acceptedRung(MODEL)
                        .acceptedMarkdown("## Review")
                        .score(7)
                        .findings(findings)
                        .citationsValid(2)
                        .citationsInvalid(1)
                        .build())
                .provenance(new FileProvenance(2000, null, false, List.of()))
                .build();
    }

    public static FileReview unresolved(String file) {
        return FileReview.builder()
                .file(file)
                .fileBytes(300)
                .input(new FileInput(List.of(), List.of(), 4000, 1, 0, false, List.of()))
                .outcome(FileOutcome.builder()
                        .attempts(List.of(Attempt.builder()
                                        .n(1)
                                        .rungId(MODEL)
                                        .model("qwen-test")
                                        .status(AttemptStatus.THIN)
                                        .chars(20)
                                        .error("too short")
                                        .durationMs(1000)
                                        .promptTokens(800)
                                        .completionTokens(10)
                                        .build()))
                        .build())
                .provenance(new FileProvenance(1000, null, false, List.of()))
                .build();
    }

    /** {@link #ORDERS} with {@code findings} and the unresolved {@link #LEDGER}; documents under {@code base}. */
    public static RunReport run(Path base, List<Finding> findings) {
        return RunReport.builder()
                .ranAt(Instant.parse("2026-11-24T10:00:00Z"))
                .reviews(List.of(review(ORDERS, findings), unresolved(LEDGER)))
                .ladder(List.of(MODEL))
                .embedder("local/test")
                .documents(List.of(new DocumentInfo("PRD", base.resolve("docs/PRD.md").toString(), 5000, 8),
                                new DocumentInfo("PROPOSAL", base.resolve("docs/PROPOSAL.md").toString(), 900, 2)))
                .totalDurationMs(3000)
                .build();
    }

    public static RunReport run(Path base) {
        return run(base, ordersFindings());
    }
}
