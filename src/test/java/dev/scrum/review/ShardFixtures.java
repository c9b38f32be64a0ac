package dev.scrum.review;

import dev.scrum.check.Citation;
import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptStatus;
import dev.scrum.report.DocumentInfo;
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
                ? List.of(new Attempt(1, LADDER.get(0), "qwen3.5:latest", AttemptStatus.THIN, 120, "too short", ms / 2,
                                300, 40, ""),
                        new Attempt(2, LADDER.get(1), "gpt-oss:120b", AttemptStatus.ACCEPTED, 1500, null, ms / 2, 310,
                                500, ""))
                : List.of(new Attempt(1, LADDER.get(0), "qwen3.5:latest", AttemptStatus.ERROR, 0, "HTTP 500", ms, null,
                                null, ""),
                        new Attempt(2, LADDER.get(1), "gpt-oss:120b", AttemptStatus.SKIPPED, 0, "no API key", 0, null,
                                null, ""));
        return new FileReview(file, 1000 + file.length(),
                List.of(new ScoredChunk(new Chunk(DocumentKind.PRD, 800, "The PRD says " + file), 0.8125)),
                List.of(new ScoredChunk(new Chunk(DocumentKind.PROPOSAL, 0, "The plan says " + file), 0.5)),
                attempts, resolved ? 2 : null, resolved ? LADDER.get(1) : "", resolved ? "## Changes\n1. " + file : "",
                score,
                resolved ? List.of(new Finding("suggestion", null, "Fix", "Fix " + file, "run", 12,
                        List.of(new Citation("PRD", 800, true), new Citation("PLAN", 7, false)))) : List.of(),
                resolved ? 1 : 0, resolved ? 1 : 0, ms, 4000, 3);
    }

    public static RunReport run(Instant ranAt, long ms, String shard, List<FileReview> reviews, List<SkippedFile> skipped) {
        return new RunReport(ranAt, false, reviews, skipped, LADDER, "local/bge-small-en-v1.5-q", DOCS, ms, shard);
    }

    public static final List<FileReview> ALL = List.of(review(CART, 8, 3000), review(CHECKOUT, 6, 4000),
            review(INVENTORY, null, 2000), review(INVOICE, 9, 5000), review(RATE_LIMITER, 7, 1000));
    public static final List<SkippedFile> SKIPPED = List.of(new SkippedFile(BIG, "larger than maxFileBytes"));

    public static Path write(Path dir, RunReport run) throws IOException {
        ShardMerger.write(run, dir);
        return dir.resolve("scrum");
    }

    /** Writes shard i/n of {@link #ALL} (and of {@link #SKIPPED}) under {@code dir}, as a sharded run would. */
    public static Path shard(Path dir, Shard s, Instant ranAt, long ms) throws IOException {
        return write(dir, run(ranAt, ms, s.toString(),
                ALL.stream().filter(r -> s.selects(r.file())).toList(),
                SKIPPED.stream().filter(f -> s.selects(f.file())).toList()));
    }
}
