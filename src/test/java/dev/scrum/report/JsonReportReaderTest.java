package dev.scrum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptStatus;
import dev.scrum.retrieve.ScoredChunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportReaderTest {

    /** What the JSON keeps of a review: everything but the attempts' raw answers and fractions of seconds. */
    private static FileReview asWritten(FileReview r) {
        List<Attempt> attempts = r.outcome().attempts().stream()
                .map(a -> Attempt.builder()
                        .n(a.n())
                        .rungId(a.rungId())
                        .model(a.model())
                        .status(a.status())
                        .chars(a.chars())
                        .error(a.error())
                        .durationMs(a.durationMs())
                        .promptTokens(a.promptTokens())
                        .completionTokens(a.completionTokens())
                        .tokensEstimated(a.tokensEstimated())
                        .build()) .toList();
        return FileReview.builder()
                .file(r.file())
                .fileBytes(r.fileBytes())
                .input(new FileInput(r.input().prdPassages(), r.input().proposalPassages(), r.input().promptChars(), r.input().queryPassages(), 0, false, List.of()))
                .outcome(FileOutcome.builder()
                        .attempts(attempts)
                        .acceptedOn(r.outcome().acceptedOn())
                        .acceptedRung(r.outcome().acceptedRung())
                        .acceptedMarkdown(r.outcome().acceptedMarkdown())
                        .score(r.outcome().score())
                        .findings(r.outcome().findings())
                        .citationsValid(r.outcome().citationsValid())
                        .citationsInvalid(r.outcome().citationsInvalid())
                        .build())
                .provenance(new FileProvenance(r.provenance().durationMs(),
                                r.provenance()
                                        .reviewedAt() == null ? null : r.provenance()
                                        .reviewedAt()
                                        .truncatedTo(ChronoUnit.SECONDS),
                                r.provenance().cached(), r.provenance().parts()))
                .build();
    }

    /** A cached review of a file reviewed in parts, with estimated token counts: every field set. */
    static FileReview everything() {
        FileReview r = ReportWritersTest.resolved();
        List<Attempt> attempts = List.of(Attempt.builder()
                .n(1)
                .rungId("ollama/qwen3:latest")
                .model("qwen3:latest")
                .status(AttemptStatus.ACCEPTED)
                .chars(900)
                .durationMs(1200)
                .promptTokens(4000)
                .completionTokens(350)
                .tokensEstimated(true)
                .build());
        return FileReview.builder()
                .file("src/main/java/a/Big.java")
                .fileBytes(r.fileBytes())
                .input(new FileInput(r.input().prdPassages(), r.input().proposalPassages(), 120000, 40, 0, false, List.of()))
                .outcome(FileOutcome.builder()
                        .attempts(attempts)
                        .acceptedOn(1)
                        .acceptedRung("ollama/qwen3:latest")
                        .acceptedMarkdown(r.outcome().acceptedMarkdown())
                        .score(6)
                        .findings(r.outcome().findings())
                        .citationsValid(2)
                        .build())
                .provenance(new FileProvenance(5000, Instant.parse("2026-11-20T08:30:15.250Z"), true,
                                List.of(new FilePart(1, 1, 900, 60000, 1, "ollama/qwen3:latest", 1),
                                        new FilePart(2, 901, 1700, 58000, null, "", 2))))
                .build();
    }

    private static void write(Path dir, RunReport run) throws IOException {
        JsonReportWriter writer = new JsonReportWriter(dir);
        for (FileReview r : run.reviews()) {
            writer.writeReview(r);
        }
        writer.writeSummary(run);
    }

    @Test
    void aReviewComesBackAsTheSameRecord(@TempDir Path dir) throws Exception {
        for (FileReview r : List.of(ReportWritersTest.resolved(), ReportWritersTest.unresolved(), everything())) {
            Path file = new JsonReportWriter(dir).writeReview(r);
            assertEquals(asWritten(r), JsonReportReader.readReview(file));
        }
    }

    @Test
    void aRunComesBackAsTheSameRecord(@TempDir Path dir) throws Exception {
        RunReport original = ReportWritersTest.run(false, ReportWritersTest.resolved(), ReportWritersTest.unresolved(),
                everything());
        RunReport sharded = original.toBuilder().shard("2/3").build();
        write(dir, sharded);

        RunReport read = JsonReportReader.read(dir);

        RunReport expected = sharded.toBuilder().ranAt(Instant.parse("2026-11-24T10:00:00Z"))
                .reviews(original.reviews().stream().map(JsonReportReaderTest::asWritten).toList()).build();
        assertEquals(expected, read);
        assertEquals(MarkdownReportWriter.render(sharded), MarkdownReportWriter.render(read),
                "the report made from what was read is the report of the run");
    }

    @Test
    void aPassagesSectionLineAndRanksComeBack(@TempDir Path dir) throws Exception {
        Chunk timeouts = new Chunk(DocumentKind.PRD, 27880, "text", "Writing Tests > Timeouts", 412);
        FileReview r = ReportWritersTest.unresolved();
        FileReview explained = FileReview.builder()
                .file(r.file())
                .fileBytes(r.fileBytes())
                .input(new FileInput(List.of(new ScoredChunk(timeouts, 0.5, new ScoredChunk.Rank(3, 0.8123),
                                                new ScoredChunk.Rank(1, 17.25))), List.of(), 1, 1, 0, false, List.of()))
                .outcome(FileOutcome.builder().attempts(r.outcome().attempts()).build())
                .provenance(new FileProvenance(1, null, false, List.of()))
                .build();
        Path file = new JsonReportWriter(dir).writeReview(explained);
        assertEquals(asWritten(explained), JsonReportReader.readReview(file));
    }

    @Test
    void writingWhatWasReadWritesTheSameFiles(@TempDir Path dir) throws Exception {
        write(dir.resolve("a"), ReportWritersTest.run(false, ReportWritersTest.resolved(), everything()));
        write(dir.resolve("b"), JsonReportReader.read(dir.resolve("a")));
        for (String name : List.of("summary.json", ReportLayout.reviewFileName("src/main/java/a/B.java"),
                ReportLayout.reviewFileName("src/main/java/a/Big.java"))) {
            assertEquals(Files.readString(dir.resolve("a").resolve(name)), Files.readString(dir.resolve("b").resolve(name)),
                    name);
        }
    }

    @Test
    void theReportOfWhatWasReadRoundsSimilaritiesAsTheRunsOwnReport(@TempDir Path dir) throws Exception {
        FileReview r = ReportWritersTest.unresolved();
        List<ScoredChunk> awkward = Stream.of(0.68149, 0.63449999, 0.12345, 0.99995)
                .map(score -> new ScoredChunk(new Chunk(DocumentKind.PRD, 0, "text", null, 0), score, null, null))
                .toList();
        RunReport run = ReportWritersTest.run(false,
                FileReview.builder()
                        .file(r.file())
                        .fileBytes(r.fileBytes())
                        .input(new FileInput(awkward, List.of(), 1, 1, 0, false, List.of()))
                        .outcome(FileOutcome.builder().attempts(r.outcome().attempts()).build())
                        .provenance(new FileProvenance(1, null, false, List.of()))
                        .build());
        write(dir, run);
        assertEquals(MarkdownReportWriter.render(run), MarkdownReportWriter.render(JsonReportReader.read(dir)));
    }

    /** Writes a review, replaces {@code from} by {@code to} in its JSON, and returns why reading it failed. */
    private static String refusal(Path dir, String from, String to) throws IOException {
        Path file = new JsonReportWriter(dir).writeReview(ReportWritersTest.resolved());
        Files.writeString(file, Files.readString(file).replace(from, to));
        IOException e = assertThrows(IOException.class, () -> JsonReportReader.readReview(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e.getMessage().substring(file.toString().length());
    }

    @Test
    void aFieldMissingOrOfTheWrongTypeIsNamedWithWhereItIs(@TempDir Path dir) throws Exception {
        assertEquals(": field 'escalated_to_model' is missing", refusal(dir, "\"escalated_to_model\"", "\"escalated\""));
        assertEquals(" attempts_history[1]: field 'n' is not a whole number: \"two\"",
                refusal(dir, "\"n\": 2,", "\"n\": \"two\","));
        assertEquals(" attempts_history[1]: field 'status' is 'fine', none of [accepted, thin, malformed, ungrounded, "
                + "truncated, error, skipped]", refusal(dir, "\"accepted\"", "\"fine\""));
        assertEquals(" top_prd_chunks[0]: field 'length' is 799 but the passage's text has 800 characters",
                refusal(dir, "\"length\": 800", "\"length\": 799"));
    }

    @Test
    void aMissingReviewFileIsNamed(@TempDir Path dir) throws Exception {
        write(dir, ReportWritersTest.run(false, ReportWritersTest.resolved()));
        Path review = dir.resolve(ReportLayout.reviewFileName("src/main/java/a/B.java"));
        Files.delete(review);
        IOException e = assertThrows(IOException.class, () -> JsonReportReader.read(dir));
        assertEquals(review + " does not exist", e.getMessage());
    }

    @Test
    void aReviewFileHoldingAnotherFilesReviewIsRefused(@TempDir Path dir) throws Exception {
        write(dir, ReportWritersTest.run(false, ReportWritersTest.resolved()));
        Path review = dir.resolve(ReportLayout.reviewFileName("src/main/java/a/B.java"));
        Files.writeString(review, Files.readString(review).replace("\"src/main/java/a/B.java\"", "\"src/main/java_a/B.java\""));
        IOException e = assertThrows(IOException.class, () -> JsonReportReader.read(dir));
        assertEquals(review + ", the review file of src/main/java/a/B.java in " + dir.resolve("summary.json")
                + ", holds the review of src/main/java_a/B.java: the summary and its review files do not belong"
                + " together (copied from another run, or written by a plugin version whose file names could"
                + " collide); run mvn scrum:review again to write them afresh", e.getMessage());
    }
}
