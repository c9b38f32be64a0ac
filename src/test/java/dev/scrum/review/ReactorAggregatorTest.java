package dev.scrum.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptStatus;
import dev.scrum.report.DocumentInfo;
import dev.scrum.report.FileReview;
import dev.scrum.report.RunReport;
import dev.scrum.report.SkippedFile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReactorAggregatorTest {

    private static FileReview review(String file, Integer acceptedOn) {
        return new FileReview(file, 10, List.of(), List.of(),
                List.of(new Attempt(1, "ollama/m", "m", acceptedOn == null ? AttemptStatus.THIN : AttemptStatus.ACCEPTED,
                        10, acceptedOn == null ? "the answer was empty" : null, 5, 1, 1, "")),
                acceptedOn, acceptedOn == null ? "" : "ollama/m", "", acceptedOn == null ? null : 7, List.of(), 0, 0, 5,
                100, 1);
    }

    private static RunReport run(Instant at, FileReview... reviews) {
        return new RunReport(at, false, List.of(reviews), List.of(new SkippedFile("big.bin", "binary")),
                List.of("ollama/m"), "local/bge-small-en-v1.5-q", List.of(new DocumentInfo("PRD", "docs/PRD.md", 100, 1)),
                1000);
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
