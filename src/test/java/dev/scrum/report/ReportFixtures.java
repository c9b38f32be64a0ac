package dev.scrum.report;

import dev.scrum.check.Citation;
import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptStatus;
import dev.scrum.retrieve.ScoredChunk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic run for the report tests: a PRD with nested sections (two of them retrieved by no file), a proposal,
 * a three-rung ladder, seven files (resolved after escalation, low and high scores, cached, reviewed in parts, one
 * unresolved, one whose answer plants markup) and a skipped file.
 */
final class ReportFixtures {

    static final String PRD = """
            # Orders PRD

            Version 3. How a customer orders, pays, is refunded and receives the goods.

            ## Placing orders

            ORD-1. A customer places an order for items in stock. Stock is reserved when the order is placed.
            ORD-2. An order holds at most 50 lines.

            ## Payments

            PAY-1. Card payments are authorised at checkout and captured on shipping.
            PAY-2. A failed capture cancels the shipment and notifies the customer.

            ### Refunds

            REF-1. Refunds go to the original payment method within five business days.
            REF-2. Every refund records the refund policy version in the audit trail.

            ## Shipping

            SHP-1. An order records the carrier and the tracking number; the customer is notified by email.

            ### Tracking

            SHP-2. Tracking numbers are validated against the carrier's format.

            ## Loyalty points

            LOY-1. Customers earn one point per euro spent; points expire after a year.

            ## Appendix: examples

            ```sh
            # not a heading: a shell comment
            curl -X POST /orders
            ```
            """;

    static final String PROPOSAL = """
            # Proposal: refunds that remember their policy

            Every refund records the refund policy version that applied, so that audits can replay the decision.
            """;

    static final String DIR = "src/main/java/com/example/orders/";
    static final String REFUNDS = DIR + "Refunds.java";
    static final String CHECKOUT = DIR + "Checkout.java";
    static final String PAYMENT = DIR + "Payment.java";
    static final String LEDGER = DIR + "Ledger.java";
    static final String CART = DIR + "Cart.java";
    static final String INVENTORY = DIR + "Inventory.java";
    static final String NOTES = DIR + "Notes.java";

    static final List<String> LADDER = List.of("ollama/qwen3.5:latest", "ollama/qwen3:latest",
            "ollama-cloud/gpt-oss:120b");

    /** Planted in the model's answer and a finding: must reach the page as text, never as markup. */
    static final String PLANTED_SCRIPT = "<script>window.__pwned = 1</script>";
    static final String PLANTED_IMG = "<img src=x onerror=\"window.__pwned = 2\">";

    private ReportFixtures() {}

    static ReportDocuments documents() {
        return ReportDocuments.of(PRD, PROPOSAL);
    }

    static int at(String heading) {
        int at = PRD.indexOf(heading);
        if (at < 0) {
            throw new IllegalArgumentException(heading);
        }
        return at;
    }

    /** The PRD's text from {@code from} (inclusive) to {@code to} (exclusive), as a retrieved passage. */
    static ScoredChunk prd(String from, String to, double similarity) {
        int start = at(from);
        int end = to == null ? PRD.length() : at(to);
        return new ScoredChunk(new Chunk(DocumentKind.PRD, start, PRD.substring(start, end), null, 0), similarity, null, null);
    }

    static ScoredChunk plan() {
        return new ScoredChunk(new Chunk(DocumentKind.PROPOSAL, 0, PROPOSAL, null, 0), 0.71, null, null);
    }

    static Citation cite(String heading) {
        return new Citation("PRD", at(heading), true, null, null);
    }

    static Attempt accepted(int n, String rung, int chars, long ms, int prompt, int answer) {
        return Attempt.builder()
                .n(n)
                .rungId(rung)
                .model(rung.substring(rung.indexOf('/') + 1))
                .status(AttemptStatus.ACCEPTED)
                .chars(chars)
                .durationMs(ms)
                .promptTokens(prompt)
                .completionTokens(answer)
                .answer("answer")
                .build();
    }

    static Attempt failed(int n, String rung, AttemptStatus status, String why, long ms) {
        return Attempt.builder()
                .n(n)
                .rungId(rung)
                .model(rung.substring(rung.indexOf('/') + 1))
                .status(status)
                .chars(status == AttemptStatus.ERROR || status == AttemptStatus.SKIPPED ? 0 : 120)
                .error(why)
                .durationMs(ms)
                .promptTokens(status == AttemptStatus.SKIPPED ? null : 1200)
                .completionTokens(status == AttemptStatus.ERROR ? null : 40)
                .build();
    }

    static FileReview review(String file, List<ScoredChunk> passages, List<Attempt> attempts, Integer score,
            String answer, List<Finding> findings, long ms) {
        Attempt last = attempts.get(attempts.size() - 1);
        boolean resolved = last.status() == AttemptStatus.ACCEPTED;
        int valid = (int) findings.stream().flatMap(f -> f.citations().stream()).filter(Citation::valid).count();
        int invalid = (int) findings.stream().flatMap(f -> f.citations().stream()).filter(c -> !c.valid()).count();
        return FileReview.builder()
                .file(file)
                .fileBytes(2000 + file.length() * 10)
                .input(new FileInput(passages, List.of(plan()), 9000, 6, 0, false, List.of()))
                .outcome(FileOutcome.builder()
                        .attempts(attempts)
                        .acceptedOn(resolved ? last.n() : null)
                        .acceptedRung(resolved ? last.rungId() : "")
                        .acceptedMarkdown(resolved ? answer : "")
                        .score(score)
                        .findings(findings)
                        .citationsValid(valid)
                        .citationsInvalid(invalid)
                        .build())
                .provenance(new FileProvenance(ms, null, false, List.of()))
                .build();
    }

    static RunReport run() {
        List<FileReview> reviews = new ArrayList<>();
        reviews.add(review(REFUNDS, List.of(prd("### Refunds", "## Shipping", 0.81), prd("## Payments", "### Refunds", 0.64)),
                List.of(failed(1, LADDER.get(0), AttemptStatus.ERROR, "http: HTTP 500 from /api/chat: model runner crashed", 120),
                        failed(2, LADDER.get(1), AttemptStatus.THIN, "the answer had 120 characters, fewer than the 200 required", 4100),
                        accepted(3, LADDER.get(2), 1460, 9800, 2650, 420)),
                6, """
                        **Alignment score: 6/10**

                        Refunds are recorded but never reach the payment method.

                        #### Suggested changes

                        1. **Record the policy version** (`refund`, line 9) — write it to the audit entry [PRD @%d]
                        2. **Reject shipped orders** (line 14) — refuse refunds of shipped, unreturned orders [PRD @%d]

                        #### Gaps

                        - *missing* `sendToOriginalMethod`: refunds are not sent back within five days [PRD @%d]
                        """.formatted(at("### Refunds"), at("### Refunds"), at("### Refunds")),
                List.of(new Finding("suggestion", null, "Record the policy version", "write it to the audit entry", "refund", 9, List.of(cite("### Refunds")), null),
                        new Finding("suggestion", null, "Reject shipped orders", "refuse refunds of shipped, unreturned orders", null, 14, List.of(cite("### Refunds")), null),
                        new Finding("gap", "missing", null, "refunds are not sent back within five days", "sendToOriginalMethod", null, List.of(cite("### Refunds"), new Citation("PLAN", 0, true, null, null)), null)),
                14020));
        reviews.add(review(CHECKOUT, List.of(prd("# Orders PRD", "## Payments", 0.77), prd("## Payments", "### Refunds", 0.75)),
                List.of(accepted(1, LADDER.get(0), 1710, 6100, 2400, 380)), 9,
                "**Alignment score: 9/10**\n\n#### Suggested changes\n\n1. **Cap order lines** (`place`, line 22) — "
                        + "refuse a 51st line [PRD @" + at("## Placing orders") + "]\n",
                List.of(new Finding("suggestion", null, "Cap order lines", "refuse a 51st line", "place", 22, List.of(cite("## Placing orders")), null)),
                6100));
        reviews.add(review(PAYMENT, List.of(prd("## Payments", "### Refunds", 0.83)),
                List.of(failed(1, LADDER.get(0), AttemptStatus.UNGROUNDED, "names line 310, but the file has 120 lines", 3000),
                        failed(2, LADDER.get(1), AttemptStatus.MALFORMED, "not the asked JSON", 3500),
                        accepted(3, LADDER.get(2), 1300, 8000, 2100, 510)),
                4, "**Alignment score: 4/10**\n\n#### Gaps\n\n- *contradicts* `capture`: captures at checkout, "
                        + "not on shipping [PRD @" + at("## Payments") + "]\n",
                List.of(new Finding("gap", "contradicts", null, "captures at checkout, not on shipping", "capture", 41, List.of(cite("## Payments"), new Citation("PRD", 99999, false, null, null)), null)),
                14500));
        FileReview ledger = review(LEDGER, List.of(prd("## Shipping", "### Tracking", 0.58)),
                List.of(accepted(1, LADDER.get(0), 900, 2000, 1900, 100)), 7,
                "**Alignment score: 7/10**\n\n#### Suggested changes\n\n1. **Record carriers** (`ship`, line 1200) — "
                        + "keep the carrier [PRD @" + at("## Shipping") + "]\n",
                List.of(new Finding("suggestion", null, "Record carriers", "keep the carrier", "ship", 1200, List.of(cite("## Shipping")), null)),
                21000);
        reviews.add(FileReview.builder()
                .file(ledger.file())
                .fileBytes(99000)
                .input(new FileInput(ledger.input().prdPassages(), ledger.input().proposalPassages(), 9000, 40, 0, false, List.of()))
                .outcome(FileOutcome.builder()
                        .attempts(ledger.outcome().attempts())
                        .acceptedOn(ledger.outcome().acceptedOn())
                        .acceptedRung(ledger.outcome().acceptedRung())
                        .acceptedMarkdown(ledger.outcome().acceptedMarkdown())
                        .score(ledger.outcome().score())
                        .findings(ledger.outcome().findings())
                        .citationsValid(ledger.outcome().citationsValid())
                        .citationsInvalid(ledger.outcome().citationsInvalid())
                        .build())
                .provenance(new FileProvenance(ledger.provenance().durationMs(), null, false,
                                List.of(new FilePart(1, 1, 1200, 33000, 1, LADDER.get(0), 1),
                                        new FilePart(2, 1201, 2400, 33000, 2, LADDER.get(1), 2),
                                        new FilePart(3, 2401, 3300, 33000, 1, LADDER.get(0), 1))))
                .build());
        reviews.add(review(CART, List.of(prd("## Placing orders", "## Payments", 0.69)),
                List.of(accepted(1, LADDER.get(0), 1500, 5000, 2000, 300)), 8,
                "**Alignment score: 8/10**\n\nReservations match ORD-1.\n", List.of(), 5000)
                .withReviewedAt(Instant.parse("2026-11-20T08:30:00Z")).asCached());
        reviews.add(review(INVENTORY, List.of(prd("## Placing orders", "## Payments", 0.72)),
                List.of(failed(1, LADDER.get(0), AttemptStatus.ERROR, "timeout: no answer within 180 s", 180000),
                        failed(2, LADDER.get(1), AttemptStatus.THIN, "fewer than 3 suggestions", 5200),
                        failed(3, LADDER.get(2), AttemptStatus.SKIPPED, "no API key: set OLLAMA_API_KEY", 0)),
                null, "", List.of(), 185300));
        reviews.add(review(NOTES, List.of(prd("# Orders PRD", "## Placing orders", 0.52)),
                List.of(accepted(1, LADDER.get(0), 800, 3000, 1500, 200)), 5,
                "**Alignment score: 5/10**\n\n## Changes\n\n1. " + PLANTED_SCRIPT + " in `notes`\n2. " + PLANTED_IMG
                        + " and **bold** and *emphasis*\n3. [a link](javascript:window.__pwned=3)\n\n```html\n"
                        + PLANTED_SCRIPT + "\n```\n",
                List.of(new Finding("suggestion", null, "\"><svg onload=\"window.__pwned = 5\">", PLANTED_SCRIPT, "<notes>", 3, List.of(new Citation("PRD", 0, true, null, null)), null)),
                3000));
        return RunReport.builder()
                .ranAt(Instant.parse("2026-11-24T10:00:00Z"))
                .reviews(reviews)
                .skipped(List.of(new SkippedFile("assets/logo.bin", "binary: it contains NUL bytes")))
                .ladder(LADDER)
                .embedder("local/bge-small-en-v1.5-q")
                .documents(List.of(new DocumentInfo("PRD", "docs/PRD.md", PRD.length(), 9),
                                new DocumentInfo("PROPOSAL", "docs/PROPOSAL.md", PROPOSAL.length(), 1)))
                .totalDurationMs(241000)
                .build();
    }
}
