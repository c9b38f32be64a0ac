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
        return new Finding("suggestion", null, title, text, symbol, line, List.of(cites));
    }

    public static Finding gap(String kind, String text, String symbol, Integer line, Citation... cites) {
        return new Finding("gap", kind, null, text, symbol, line, List.of(cites));
    }

    /** The findings of {@link #ORDERS}, in answer order. */
    public static List<Finding> ordersFindings() {
        return List.of(
                suggestion("Record the refund amount", "Add the amount to the audit entry [see PRD].", "refund", 12,
                        new Citation("PRD", 0, true, 1, "Refunds"), new Citation("PLAN", 99, false)),
                suggestion("Ship with a carrier", "Take the carrier as a parameter.", "Orders.ship()", 30),
                gap("missing", "Orders cannot be cancelled.", "cancel", null,
                        new Citation("PRD", 800, true, 20, "Cancellation"), new Citation("PLAN", 0, true, 1, null)),
                gap("contradicts", "Refunds are allowed after 30 days; the PRD forbids it.", "refund", 44),
                gap("partial", "Shipping notifies nobody.", "ship", 50),
                gap("unrequested", "Orders export to XML, which nobody asked for.", "toXml", 60),
                gap(null, "Something is off with discounts.", null, 70));
    }

    public static FileReview review(String file, List<Finding> findings) {
        return new FileReview(file, 4000, List.of(), List.of(),
                List.of(new Attempt(1, MODEL, "qwen-test", AttemptStatus.ACCEPTED, 1500, null, 2000, 900, 300, "")),
                1, MODEL, "## Review", 7, findings, 2, 1, 2000, 5000, 3);
    }

    public static FileReview unresolved(String file) {
        return new FileReview(file, 300, List.of(), List.of(),
                List.of(new Attempt(1, MODEL, "qwen-test", AttemptStatus.THIN, 20, "too short", 1000, 800, 10, "")),
                null, "", "", null, List.of(), 0, 0, 1000, 4000, 1);
    }

    /** {@link #ORDERS} with {@code findings} and the unresolved {@link #LEDGER}; documents under {@code base}. */
    public static RunReport run(Path base, List<Finding> findings) {
        return new RunReport(Instant.parse("2026-11-24T10:00:00Z"), false,
                List.of(review(ORDERS, findings), unresolved(LEDGER)), List.of(), List.of(MODEL), "local/test",
                List.of(new DocumentInfo("PRD", base.resolve("docs/PRD.md").toString(), 5000, 8),
                        new DocumentInfo("PROPOSAL", base.resolve("docs/PROPOSAL.md").toString(), 900, 2)),
                3000, null);
    }

    public static RunReport run(Path base) {
        return run(base, ordersFindings());
    }
}
