package dev.scrum.review;

import dev.scrum.check.Citation;
import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptStatus;
import dev.scrum.report.DocumentInfo;
import dev.scrum.report.FileInput;
import dev.scrum.report.FileOutcome;
import dev.scrum.report.FileProvenance;
import dev.scrum.report.FileReview;
import dev.scrum.report.Finding;
import dev.scrum.report.RunReport;
import dev.scrum.report.SkippedFile;
import dev.scrum.retrieve.ScoredChunk;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Runs and reviews for merge tests: five files with a two-rung ladder (one unresolved, scores 6 to 9) and one
 * skipped file, and their shards written as a sharded {@code scrum:review} writes them. Reviews carry no raw
 * answers, so that what is read back from the JSON equals them.
 */
public final class ShardFixtures {

    public static final List<String> LADDER = List.of("ollama/qwen3.5:latest", "ollama-cloud/gpt-oss:120b");
    public static final List<DocumentInfo> DOCS = List.of(new DocumentInfo("PRD", "/ws/docs/PRD.md", 5000, 8),
            new DocumentInfo("PROPOSAL", "/ws/docs/PROPOSAL.md", 900, 2));
    public static final Instant EARLY = Instant.parse("2026-11-24T10:00:00Z");
    public static final Instant LATE = Instant.parse("2026-11-24T10:00:07Z");

    // shard of 2 (ShardTest's golden values): Invoice 2, RateLimiter 1, Cart 1, Checkout 2, Inventory 1
    public static final String INVOICE = "src/main/java/org/acme/Invoice.java";
    public static final String RATE_LIMITER = "src/main/java/org/acme/RateLimiter.java";
    public static final String CART = "src/main/java/com/example/shop/Cart.java";
    public static final String CHECKOUT = "src/main/java/com/example/shop/Checkout.java";
    public static final String INVENTORY = "src/main/java/com/example/shop/Inventory.java";
    public static final String BIG = "src/main/java/com/example/shop/Payment.java";

    private ShardFixtures() {}

    public static FileReview review(String file, Integer score, long ms) {
        boolean resolved = score != null;
        List<Attempt> attempts = resolved
                ? List.of(Attempt.builder()
                                .n(1)
                                .rungId(LADDER.get(0))
                                .model("qwen3.5:latest")
                                .status(AttemptStatus.THIN)
                                .chars(120)
                                .error("too short")
                                .durationMs(ms / 2)
                                .promptTokens(300)
                                .completionTokens(40)
                                .build(),
                        Attempt.builder()
                                .n(2)
                                .rungId(LADDER.get(1))
                                .model("gpt-oss:120b")
                                .status(AttemptStatus.ACCEPTED)
                                .chars(1500)
                                .durationMs(ms / 2)
                                .promptTokens(310)
                                .completionTokens(500)
                                .build()) : List.of(Attempt.builder().n(1).rungId(LADDER.get(0)).model("qwen3.5:latest").status(AttemptStatus.ERROR).error("HTTP 500").durationMs(ms).build(), Attempt.builder().n(2).rungId(LADDER.get(1)).model("gpt-oss:120b").status(AttemptStatus.SKIPPED).error("no API key").build());
        return FileReview.builder()
                .file(file)
                .fileBytes(1000 + file.length())
                .input(new FileInput(List.of(new ScoredChunk(
                                                new Chunk(DocumentKind.PRD, 800, "The PRD says " + file, null, 0),
                                                0.8125, null, null)), List.of(new ScoredChunk(
                                                new Chunk(DocumentKind.PROPOSAL, 0, "The plan says " + file, null, 0),
                                                0.5, null, null)), 4000, 3, 0, false, List.of()))
                .outcome(FileOutcome.builder()
                        .attempts(attempts)
                        .acceptedOn(resolved ? 2 : null)
                        .acceptedRung(resolved ? LADDER.get(1) : "")
                        .acceptedMarkdown(resolved ? "## Changes\n1. " + file : "")
                        .score(score)
                        .findings(resolved ? List.of(new Finding("suggestion", null, "Fix", "Fix " + file, "run", 12,
                                                List.of(new Citation("PRD", 800, true, null, null),
                                                        new Citation("PLAN", 7, false, null, null)),
                                                null)) : List.of())
                        .citationsValid(resolved ? 1 : 0)
                        .citationsInvalid(resolved ? 1 : 0)
                        .build())
                .provenance(new FileProvenance(ms, null, false, List.of()))
                .build();
    }

    public static RunReport run(Instant ranAt, long ms, String shard, List<FileReview> reviews, List<SkippedFile> skipped) {
        return RunReport.builder()
                .ranAt(ranAt)
                .reviews(reviews)
                .skipped(skipped)
                .ladder(LADDER)
                .embedder("local/bge-small-en-v1.5-q")
                .documents(DOCS)
                .totalDurationMs(ms)
                .shard(shard)
                .build();
    }

    public static final List<FileReview> ALL = List.of(review(CART, 8, 3000), review(CHECKOUT, 6, 4000),
            review(INVENTORY, null, 2000), review(INVOICE, 9, 5000), review(RATE_LIMITER, 7, 1000));
    public static final List<SkippedFile> SKIPPED = List.of(new SkippedFile(BIG, "larger than maxFileBytes"));

    public static Path write(Path dir, RunReport run) throws IOException {
        ShardMerger.write(run, dir, dir.getParent(), null);
        return dir.resolve("scrum");
    }

    /** Writes shard i/n of {@link #ALL} (and of {@link #SKIPPED}) under {@code dir}, as a sharded run would. */
    public static Path shard(Path dir, Shard s, Instant ranAt, long ms) throws IOException {
        return write(dir, run(ranAt, ms, s.toString(),
                ALL.stream().filter(r -> s.selects(r.file())).toList(),
                SKIPPED.stream().filter(f -> s.selects(f.file())).toList()));
    }
}
