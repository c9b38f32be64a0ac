package dev.scrum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.scrum.check.Citation;
import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptStatus;
import dev.scrum.retrieve.ScoredChunk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {

    static FileReview resolved() {
        return FileReview.builder()
                .file("src/main/java/a/B.java")
                .fileBytes(12345)
                .input(new FileInput(List.of(new ScoredChunk(
                                                new Chunk(DocumentKind.PRD, 27880, "x".repeat(800), null, 0), 0.83,
                                                null, null)), List.of(new ScoredChunk(
                                                new Chunk(DocumentKind.PROPOSAL, 16320, "y".repeat(764), null, 0), 0.79,
                                                null, null)), 15000, 12, 0, false, List.of()))
                .outcome(FileOutcome.builder()
                        .attempts(List.of(Attempt.builder()
                                                .n(1)
                                                .rungId("ollama/qwen3.5:latest")
                                                .model("qwen3.5:latest")
                                                .status(AttemptStatus.ERROR)
                                                .error("http: HTTP 500")
                                                .durationMs(5)
                                                .build(),
                                        Attempt.builder()
                                                .n(2)
                                                .rungId("ollama/qwen3:latest")
                                                .model("qwen3:latest")
                                                .status(AttemptStatus.ACCEPTED)
                                                .chars(1830)
                                                .durationMs(40000)
                                                .promptTokens(900)
                                                .completionTokens(400)
                                                .answer("answer")
                                                .build()))
                        .acceptedOn(2)
                        .acceptedRung("ollama/qwen3:latest")
                        .acceptedMarkdown("## Changes\n1. do it")
                        .score(8)
                        .findings(List.of(new Finding("suggestion", null, "Do it", "Change append", "append", 162,
                                                List.of(new Citation("PRD", 27880, true, null, null)), null),
                                        new Finding("gap", "partial", null, "Half done", null, null,
                                                List.of(new Citation("PLAN", 16320, true, null, null)), null)))
                        .citationsValid(2)
                        .build())
                .provenance(new FileProvenance(40210, null, false, List.of()))
                .build();
    }

    static FileReview unresolved() {
        return FileReview.builder()
                .file("src/main/java/a/C.java")
                .fileBytes(10)
                .input(new FileInput(List.of(), List.of(), 500, 1, 0, false, List.of()))
                .outcome(FileOutcome.builder()
                        .attempts(List.of(Attempt.builder()
                                        .n(1)
                                        .rungId("ollama/m")
                                        .model("m")
                                        .status(AttemptStatus.THIN)
                                        .chars(5)
                                        .error("the answer was empty")
                                        .durationMs(1)
                                        .build()))
                        .build())
                .provenance(new FileProvenance(100, null, false, List.of()))
                .build();
    }

    static RunReport run(boolean dryRun, FileReview... reviews) {
        return RunReport.builder()
                .ranAt(Instant.parse("2026-11-24T10:00:00.123Z"))
                .dryRun(dryRun)
                .reviews(List.of(reviews))
                .skipped(List.of(new SkippedFile("big.bin", "binary: it contains NUL bytes")))
                .ladder(List.of("ollama/qwen3.5:latest", "ollama/qwen3:latest"))
                .embedder("local/bge-small-en-v1.5-q")
                .documents(List.of(new DocumentInfo("PRD", "docs/PRD.md", 50000, 74)))
                .totalDurationMs(111700)
                .build();
    }

    @Test
    void reviewJsonHasEverySpecField(@TempDir Path dir) throws Exception {
        Path file = new JsonReportWriter(dir).writeReview(resolved());
        assertEquals(ReportLayout.reviewFileName("src/main/java/a/B.java"), file.getFileName().toString());
        JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals("src/main/java/a/B.java", o.get("file").getAsString());
        assertEquals(12345, o.get("file_bytes").getAsInt());
        JsonObject prd = o.getAsJsonArray("top_prd_chunks").get(0).getAsJsonObject();
        assertEquals("PRD", prd.get("origin").getAsString());
        assertEquals(27880, prd.get("offset").getAsInt());
        assertEquals(800, prd.get("length").getAsInt());
        assertEquals(0.83, prd.get("score").getAsDouble(), 1e-9);
        assertEquals("PROPOSAL", o.getAsJsonArray("top_proposal_chunks").get(0).getAsJsonObject().get("origin").getAsString());
        assertEquals(2, o.get("attempts_made").getAsInt());
        JsonObject first = o.getAsJsonArray("attempts_history").get(0).getAsJsonObject();
        assertEquals(1, first.get("n").getAsInt());
        assertEquals("qwen3.5:latest", first.get("model").getAsString());
        assertEquals("error", first.get("status").getAsString());
        assertEquals(0, first.get("chars").getAsInt());
        assertEquals("http: HTTP 500", first.get("error").getAsString());
        JsonObject second = o.getAsJsonArray("attempts_history").get(1).getAsJsonObject();
        assertEquals("accepted", second.get("status").getAsString());
        assertTrue(!second.has("error"));
        assertEquals(2, o.get("accepted_on").getAsInt());
        assertEquals("ollama/qwen3:latest", o.get("escalated_to_model").getAsString());
        assertEquals("## Changes\n1. do it", o.get("suggestions").getAsString());
        assertEquals(8, o.get("score").getAsInt());
        JsonObject finding = o.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("suggestion", finding.get("kind").getAsString());
        assertEquals("append", finding.get("symbol").getAsString());
        assertEquals(162, finding.get("line").getAsInt());
        JsonObject cite = finding.getAsJsonArray("citations").get(0).getAsJsonObject();
        assertEquals("PRD", cite.get("doc").getAsString());
        assertEquals(27880, cite.get("offset").getAsInt());
        assertTrue(cite.get("valid").getAsBoolean());
        JsonObject gap = o.getAsJsonArray("findings").get(1).getAsJsonObject();
        assertEquals("partial", gap.get("gap_kind").getAsString());
        assertTrue(gap.get("symbol").isJsonNull());
        assertTrue(gap.get("line").isJsonNull());
        assertEquals(2, o.get("citations_valid").getAsInt());
        assertEquals(0, o.get("citations_invalid").getAsInt());
        assertEquals(40210, o.get("duration_ms").getAsLong());
    }

    @Test
    void summaryJsonHasEverySpecField(@TempDir Path dir) throws Exception {
        Path file = new JsonReportWriter(dir).writeSummary(run(false, resolved(), unresolved()));
        JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals("2026-11-24T10:00:00Z", o.get("ran_at").getAsString());
        assertEquals(2, o.get("target_count").getAsInt());
        assertEquals(1, o.get("resolved").getAsInt());
        assertEquals(3, o.get("total_attempts").getAsInt());
        assertEquals(111700, o.get("total_duration_ms").getAsLong());
        JsonObject a = o.getAsJsonArray("per_file").get(0).getAsJsonObject();
        assertEquals("src/main/java/a/B.java", a.get("file").getAsString());
        assertEquals(2, a.get("accepted_on").getAsInt());
        assertEquals("ollama/qwen3:latest", a.get("model").getAsString());
        assertEquals(2, a.get("attempts").getAsInt());
        assertEquals(40210, a.get("ms").getAsLong());
        assertEquals(8, a.get("score").getAsInt());
        JsonObject c = o.getAsJsonArray("per_file").get(1).getAsJsonObject();
        assertTrue(c.get("accepted_on").isJsonNull());
        assertEquals("", c.get("model").getAsString());
        assertTrue(c.get("score").isJsonNull());
        assertEquals("binary: it contains NUL bytes",
                o.getAsJsonArray("skipped_files").get(0).getAsJsonObject().get("reason").getAsString());
    }

    @Test
    void reportPutsTheVerdictAndUnresolvedFilesFirstAndNestsTheModelsText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scrum-report.md");
        MarkdownReportWriter.write(file, run(false, resolved(), unresolved()));
        String md = Files.readString(file);
        assertTrue(md.startsWith("# Scrum review report\n\n**1 of 2 file(s) unresolved"));
        assertTrue(md.indexOf("| [`src/main/java/a/C.java`]") < md.indexOf("| [`src/main/java/a/B.java`]"),
                "unresolved first");
        assertTrue(md.contains("| 8/10 | attempt 2 | ollama/qwen3:latest | 2 | 40.2 s |"));
        assertTrue(md.contains("\n#### Changes\n1. do it"), "the model's heading nested under the file's");
        assertTrue(md.contains("| [PRD @27880] | – | – | 800 | 0.830 | – |"), "no document text: no heading, no line");
        assertTrue(md.contains("| 1 | ollama/qwen3.5:latest | error | 0 | 0.0 s | http: HTTP 500 |"));
        assertTrue(md.contains("| `big.bin` | binary: it contains NUL bytes |"));
        assertTrue(md.contains("- Ladder: ollama/qwen3.5:latest → ollama/qwen3:latest"));
    }

    static FileReview citing(String file, Integer score, List<Citation> citations) {
        return FileReview.builder()
                .file(file)
                .fileBytes(10)
                .input(new FileInput(List.of(), List.of(), 1, 1, 0, false, List.of()))
                .outcome(FileOutcome.builder()
                        .attempts(List.of(Attempt.builder()
                                        .n(1)
                                        .rungId("ollama/m")
                                        .model("m")
                                        .status(AttemptStatus.ACCEPTED)
                                        .chars(300)
                                        .durationMs(1)
                                        .answer("answer")
                                        .build()))
                        .acceptedOn(1)
                        .acceptedRung("ollama/m")
                        .acceptedMarkdown("1. do it")
                        .score(score)
                        .findings(List.of(new Finding(
                                                "suggestion", null, "Do it", "Change append", "append", 12, citations,
                                                null)))
                        .citationsValid((int) citations.stream().filter(Citation::valid).count())
                        .citationsInvalid((int) citations.stream().filter(c -> !c.valid()).count())
                        .build())
                .provenance(new FileProvenance(1, null, false, List.of()))
                .build();
    }

    @Test
    void citationsAreShownWithTheirPlaceOrMarkedInvalid(@TempDir Path dir) throws Exception {
        FileReview r = citing("src/a/A.java", 6, List.of(new Citation("PRD", 27880, true, 212, "Refunds"),
                new Citation("PLAN", 0, true, 1, null), new Citation("PRD", 99999, false, null, null),
                new Citation("section 3", -1, false, null, null), new Citation("PRD", 27880, true, 212, "Refunds")));
        String md = MarkdownReportWriter.render(run(false, r));
        assertTrue(md.contains("""
                ### Citations

                - PRD@27880 — line 212, under “Refunds”
                - PLAN@0 — line 1
                - ⚠ invalid citation PRD@99999: no such passage was sent
                - ⚠ invalid citation "section 3": not PRD@<offset> or PLAN@<offset>
                """), md);
        assertTrue(md.contains("citations: 3 valid, 2 invalid"), md);

        JsonObject o = JsonParser.parseString(Files.readString(new JsonReportWriter(dir).writeReview(r)))
                .getAsJsonObject();
        JsonObject valid = o.getAsJsonArray("findings").get(0).getAsJsonObject().getAsJsonArray("citations")
                .get(0).getAsJsonObject();
        assertEquals(212, valid.get("line").getAsInt());
        assertEquals("Refunds", valid.get("heading").getAsString());
        JsonObject invalid = o.getAsJsonArray("findings").get(0).getAsJsonObject().getAsJsonArray("citations")
                .get(2).getAsJsonObject();
        assertTrue(invalid.get("line").isJsonNull());
        assertTrue(!invalid.get("valid").getAsBoolean());
    }

    @Test
    void belowScoreListsTheScoredFilesUnderTheMinimumOnly() {
        RunReport run = run(false, citing("a", 5, List.of()), citing("b", 6, List.of()), citing("c", null, List.of()),
                unresolved());
        assertEquals(List.of("a"), run.belowScore(6).stream().map(FileReview::file).toList());
        assertEquals(List.of("a", "b"), run.belowScore(7).stream().map(FileReview::file).toList());
        assertEquals(List.of(), run.belowScore(0));
        assertEquals(List.of(), run(true, citing("a", 5, List.of())).belowScore(6), "no gate in a dry run");
    }

    /** A dry run whose passage was found by both rankers of a hybrid retrieval, in a section of the PRD. */
    private static RunReport explained() {
        Chunk timeouts = new Chunk(DocumentKind.PRD, 27880, "x".repeat(800), "Writing Tests > Timeouts", 412);
        ScoredChunk found = new ScoredChunk(timeouts, 0.9125, new ScoredChunk.Rank(3, 0.8123),
                new ScoredChunk.Rank(1, 17.25));
        FileReview r = FileReview.builder()
                .file("src/main/java/a/B.java")
                .fileBytes(12345)
                .input(new FileInput(List.of(found), List.of(), 15000, 2, 0, false, List.of()))
                .outcome(FileOutcome.builder().attempts(List.of()).build())
                .provenance(new FileProvenance(10, null, false, List.of()))
                .build();
        return RunReport.builder()
                .ranAt(Instant.parse("2026-11-24T10:00:00Z"))
                .dryRun(true)
                .reviews(List.of(r))
                .ladder(List.of())
                .embedder("local/bge-small-en-v1.5-q")
                .documents(List.of(new DocumentInfo("PRD", "docs/PRD.md", 50000, 74)))
                .totalDurationMs(100)
                .retrieval("hybrid")
                .build();
    }

    @Test
    void eachPassageSaysItsSectionLineAndWhichRankersFoundIt(@TempDir Path dir) throws Exception {
        String md = MarkdownReportWriter.render(explained());
        assertTrue(md.contains("- Retrieval: hybrid (BM25 and local/bge-small-en-v1.5-q, fused)"), md);
        assertTrue(md.contains("| 12345 | 15000 | Writing Tests > Timeouts (line 412) | @27880 | – |"), md);
        assertTrue(md.contains("| [PRD @27880] | Writing Tests > Timeouts | 412 | 800 | 0.913 | BM25 #1 (17.25), "
                + "dense #3 (0.812) |"), md);

        JsonReportWriter json = new JsonReportWriter(dir);
        JsonObject o = JsonParser.parseString(Files.readString(json.writeReview(explained().reviews().get(0))))
                .getAsJsonObject();
        JsonObject prd = o.getAsJsonArray("top_prd_chunks").get(0).getAsJsonObject();
        assertEquals("Writing Tests > Timeouts", prd.get("heading").getAsString());
        assertEquals(412, prd.get("line").getAsInt());
        assertEquals(27880, prd.get("offset").getAsInt());
        assertEquals(3, prd.get("dense_rank").getAsInt());
        assertEquals(0.8123, prd.get("dense_score").getAsDouble(), 1e-9);
        assertEquals(1, prd.get("bm25_rank").getAsInt());
        assertEquals(17.25, prd.get("bm25_score").getAsDouble(), 1e-9);
        JsonObject summary = JsonParser.parseString(Files.readString(json.writeSummary(explained()))).getAsJsonObject();
        assertEquals("hybrid", summary.get("retrieval").getAsString());

        JsonObject plain = JsonParser.parseString(Files.readString(json.writeReview(resolved()))).getAsJsonObject()
                .getAsJsonArray("top_prd_chunks").get(0).getAsJsonObject();
        for (String unknown : List.of("heading", "line", "dense_rank", "bm25_rank")) {
            assertTrue(plain.get(unknown).isJsonNull(), unknown);
        }
    }

    @Test
    void dryRunReportSaysNoModelWasCalled() {
        String md = MarkdownReportWriter.render(run(true, resolved()));
        assertTrue(md.contains("**Dry run: 1 file(s) would be reviewed; no model was called.**"));
        assertTrue(md.contains("| 12345 | 15000 | @27880 | @27880 | @16320 |"));
        assertTrue(md.contains("Would send a prompt of 15000 characters"));
    }

    @Test
    void consoleSummaryHasARowPerFileAndTotals() {
        List<String> lines = ConsoleSummary.lines(run(false, resolved(), unresolved()));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).contains("8/10") && lines.get(1).contains("attempt 2"));
        assertTrue(lines.get(2).contains("UNRESOLVED"));
        assertEquals("2 file(s), 1 accepted, 1 skipped, 3 model call(s) this run, 111.7 s", lines.get(3));
    }
}
