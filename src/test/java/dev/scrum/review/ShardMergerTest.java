package dev.scrum.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.scrum.review.ShardFixtures.*;

import dev.scrum.report.DocumentInfo;
import dev.scrum.report.FileReview;
import dev.scrum.report.JsonReportWriter;
import dev.scrum.report.MarkdownReportWriter;
import dev.scrum.report.ReportLayout;
import dev.scrum.report.RunReport;
import dev.scrum.report.SkippedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardMergerTest {

    /** What merging the shards in {@code directories} is refused with. */
    private static ConfigurationException refused(Path... directories) {
        return assertThrows(ConfigurationException.class,
                () -> ShardMerger.merge(ShardMerger.read(List.of(directories))));
    }

    @Test
    void twoShardsMergeIntoTheRunOfOneUnshardedReview(@TempDir Path tmp) throws Exception {
        Path shards = tmp.resolve("scrum-shards");
        shard(shards.resolve("scrum-shard-2"), new Shard(2, 2), EARLY, 9_000);
        shard(shards.resolve("scrum-shard-1"), new Shard(1, 2), LATE, 6_500);
        List<Path> found = ShardMerger.find(List.of(shards), tmp.resolve("scrum"));
        assertEquals(List.of(shards.resolve("scrum-shard-1/scrum"), shards.resolve("scrum-shard-2/scrum")), found);

        RunReport merged = ShardMerger.merge(ShardMerger.read(found));

        RunReport unsharded = run(EARLY, 15_500, null, ALL, SKIPPED);
        assertEquals(unsharded, merged);
        assertEquals(List.of(3, 2), ShardMerger.read(found).stream().map(s -> s.run().reviews().size()).toList(),
                "both shards have files");

        Path one = write(tmp.resolve("unsharded"), unsharded);
        Path out = write(tmp.resolve("merged"), merged);
        try (Stream<Path> files = Files.list(one)) {
            List<Path> written = files.sorted().toList();
            assertEquals(ALL.size() + 3, written.size(), "the reviews, the summary, SARIF and Code Quality");
            for (Path f : written) {
                assertEquals(Files.readString(f), Files.readString(out.resolve(f.getFileName())), f.getFileName().toString());
            }
        }
        assertEquals(Files.readString(tmp.resolve("unsharded/scrum-report.md")),
                Files.readString(tmp.resolve("merged/scrum-report.md")));
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"shard\": null"));
    }

    @Test
    void aFileInTwoShardsIsRefusedNamingItAndBothDirectories(@TempDir Path tmp) throws Exception {
        Path a = write(tmp.resolve("a"), run(EARLY, 1, null, List.of(review(CART, 8, 1), review(INVOICE, 8, 1)), List.of()));
        Path b = write(tmp.resolve("b"), run(EARLY, 1, null, List.of(review(INVOICE, 8, 1)), List.of()));
        ConfigurationException e = refused(a, b);
        assertEquals("shardDirectories", e.parameter());
        assertTrue(e.getMessage().startsWith(INVOICE + " appears in two shards: " + a + " and " + b + "."),
                e.getMessage());
    }

    @Test
    void aFileSkippedInOneShardAndReviewedInAnotherIsRefused(@TempDir Path tmp) throws Exception {
        Path a = write(tmp.resolve("a"), run(EARLY, 1, null, List.of(review(CART, 8, 1)), List.of()));
        Path b = write(tmp.resolve("b"), run(EARLY, 1, null, List.of(), List.of(new SkippedFile(CART, "binary"))));
        ConfigurationException e = refused(a, b);
        assertTrue(e.getMessage().startsWith(CART + " appears in two shards"), e.getMessage());
    }

    @Test
    void shardsWithDifferentLaddersAreRefused(@TempDir Path tmp) throws Exception {
        Path a = shard(tmp.resolve("a"), new Shard(1, 2), EARLY, 1);
        Path b = write(tmp.resolve("b"),
                RunReport.builder()
                        .ranAt(EARLY)
                        .reviews(List.of(review(INVOICE, 8, 1)))
                        .ladder(List.of("ollama/qwen3.5:latest"))
                        .embedder("local/bge-small-en-v1.5-q")
                        .documents(DOCS)
                        .totalDurationMs(1)
                        .shard("2/2")
                        .build());
        ConfigurationException e = refused(a, b);
        assertEquals("The shards disagree on the ladder: ollama/qwen3.5:latest, ollama-cloud/gpt-oss:120b in " + a
                + ", ollama/qwen3.5:latest in " + b + ". Run every shard of one merge with the same configuration.",
                e.getMessage());
    }

    @Test
    void shardsReviewedAgainstDifferentDocumentsAreRefused(@TempDir Path tmp) throws Exception {
        Path a = shard(tmp.resolve("a"), new Shard(1, 2), EARLY, 1);
        Path b = write(tmp.resolve("b"),
                RunReport.builder()
                        .ranAt(EARLY)
                        .reviews(List.of())
                        .ladder(LADDER)
                        .embedder("local/bge-small-en-v1.5-q")
                        .documents(List.of(new DocumentInfo("PRD", "/ws/docs/PRD.md", 5001, 8)))
                        .totalDurationMs(1)
                        .shard("2/2")
                        .build());
        ConfigurationException e = refused(a, b);
        assertTrue(e.getMessage().startsWith("The shards disagree on the documents: "), e.getMessage());
    }

    @Test
    void aMissingShardIsRefused(@TempDir Path tmp) throws Exception {
        Path a = shard(tmp.resolve("a"), new Shard(1, 3), EARLY, 1);
        Path c = shard(tmp.resolve("c"), new Shard(3, 3), EARLY, 1);
        ConfigurationException e = refused(a, c);
        assertTrue(e.getMessage().startsWith("Shard(s) 2/3 missing (found 1/3, 3/3): a merge of some shards would "
                + "gate on part of the files; "), e.getMessage());
    }

    @Test
    void aShardTwiceOrShardsOfDifferentCountsAreRefused(@TempDir Path tmp) throws Exception {
        Path a = shard(tmp.resolve("a"), new Shard(1, 2), EARLY, 1);
        Path again = shard(tmp.resolve("again"), new Shard(1, 2), EARLY, 1);
        Path other = shard(tmp.resolve("other"), new Shard(2, 3), EARLY, 1);
        ConfigurationException twice = refused(a, again);
        assertEquals("Shard 1/2 appears twice: in " + a + " and in " + again + ". Keep one of them.",
                twice.getMessage());
        ConfigurationException counts = refused(a, other);
        assertTrue(counts.getMessage().startsWith("The shards disagree on their number: 1/2 in " + a + ", 2/3 in "
                + other), counts.getMessage());
    }

    @Test
    void findSkipsTheMergesOwnOutputAndSaysWhenThereIsNothing(@TempDir Path tmp) throws Exception {
        Path shardDir = shard(tmp.resolve("shards/s1"), new Shard(1, 1), EARLY, 1);
        Path own = write(tmp, run(EARLY, 1, null, List.of(), List.of()));
        assertEquals(List.of(shardDir), ShardMerger.find(List.of(tmp), own));

        Files.createDirectories(tmp.resolve("empty"));
        ConfigurationException none = assertThrows(ConfigurationException.class,
                () -> ShardMerger.find(List.of(tmp.resolve("empty")), own));
        assertTrue(none.getMessage().startsWith("No summary.json found in or below " + tmp.resolve("empty")
                + ": put each shard's scrum/ directory"), none.getMessage());
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> ShardMerger.find(List.of(tmp.resolve("nowhere")), own));
        assertTrue(missing.getMessage().startsWith("<shardDirectories> entry " + tmp.resolve("nowhere")
                + " is not a directory"), missing.getMessage());
    }

    @Test
    void theMergedReportIsTheReportOfTheMergedRun(@TempDir Path tmp) throws Exception {
        Path a = shard(tmp.resolve("a"), new Shard(1, 2), EARLY, 1);
        Path b = shard(tmp.resolve("b"), new Shard(2, 2), LATE, 1);
        RunReport merged = ShardMerger.merge(ShardMerger.read(List.of(a, b)));
        ReviewResult written = ShardMerger.write(merged, tmp.resolve("out"), tmp, null);
        assertEquals(tmp.resolve("out/scrum-report.md"), written.reportFile());
        assertEquals(MarkdownReportWriter.render(merged), Files.readString(written.reportFile()));
        assertEquals(List.of(review(INVENTORY, null, 2000)), written.unresolved());
        assertFalse(Files.exists(written.jsonDirectory().resolve(ReportLayout.reviewFileName(BIG))),
                "a skipped file has no review file");
    }
}
