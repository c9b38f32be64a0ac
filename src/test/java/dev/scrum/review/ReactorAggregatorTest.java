package dev.scrum.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptStatus;
import dev.scrum.report.DocumentInfo;
import dev.scrum.report.FileInput;
import dev.scrum.report.FileOutcome;
import dev.scrum.report.FileProvenance;
import dev.scrum.report.FileReview;
import dev.scrum.report.RunReport;
import dev.scrum.report.SkippedFile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReactorAggregatorTest {

    private static FileReview review(String file, Integer acceptedOn) {
        return FileReview.builder()
                .file(file)
                .fileBytes(10)
                .input(new FileInput(List.of(), List.of(), 100, 1, 0, false, List.of()))
                .outcome(FileOutcome.builder()
                        .attempts(List.of(Attempt.builder()
                                        .n(1)
                                        .rungId("ollama/m")
                                        .model("m")
                                        .status(acceptedOn == null ? AttemptStatus.THIN : AttemptStatus.ACCEPTED)
                                        .chars(10)
                                        .error(acceptedOn == null ? "the answer was empty" : null)
                                        .durationMs(5)
                                        .promptTokens(1)
                                        .completionTokens(1)
                                        .build()))
                        .acceptedOn(acceptedOn)
                        .acceptedRung(acceptedOn == null ? "" : "ollama/m")
                        .score(acceptedOn == null ? null : 7)
                        .build())
                .provenance(new FileProvenance(5, null, false, List.of()))
                .build();
    }

    private static RunReport run(Instant at, FileReview... reviews) {
        return RunReport.builder()
                .ranAt(at)
                .reviews(List.of(reviews))
                .skipped(List.of(new SkippedFile("big.bin", "binary")))
                .ladder(List.of("ollama/m"))
                .embedder("local/bge-small-en-v1.5-q")
                .documents(List.of(new DocumentInfo("PRD", "docs/PRD.md", 100, 1)))
                .totalDurationMs(1000)
                .build();
    }

    @Test
    void everyModulesFilesUnderTheirModulesPathOneLadderOneDocumentList() {
        RunReport core = run(Instant.parse("2026-11-24T10:00:05Z"), review("src/A.java", 1), review("src/B.java", null));
        RunReport web = run(Instant.parse("2026-11-24T10:00:01Z"), review("src/C.java", 1));
        RunReport all = ReactorAggregator.aggregate(List.of(new ReactorAggregator.ModuleRun("core", core),
                new ReactorAggregator.ModuleRun("apps/web", web)));
        assertEquals(List.of("apps/web/src/C.java", "core/src/A.java", "core/src/B.java"),
                all.reviews().stream().map(FileReview::file).toList());
        assertEquals(List.of("apps/web/big.bin", "core/big.bin"), all.skipped().stream().map(SkippedFile::file).toList());
        assertEquals(List.of("core/src/B.java"), all.unresolved().stream().map(FileReview::file).toList());
        assertEquals(List.of("ollama/m"), all.ladder());
        assertEquals(1, all.documents().size());
        assertEquals(Instant.parse("2026-11-24T10:00:01Z"), all.ranAt());
        assertEquals(2000, all.totalDurationMs());
    }

    @Test
    void aReactorWithNoReviewIsAnError() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ReactorAggregator.aggregate(List.of()));
        assertEquals("No module of the reactor wrote a review: run scrum:review in the modules first, e.g. mvn verify "
                + "scrum:aggregate", e.getMessage());
    }
}
