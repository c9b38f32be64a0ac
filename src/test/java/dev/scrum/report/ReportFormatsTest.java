package dev.scrum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatsTest {

    @Test
    void everyFormatIsWrittenWhereTheLayoutSaysTheStepSummaryOnlyWhenTheCiAsksForOne(@TempDir Path dir)
            throws Exception {
        ReportLayout layout = new ReportLayout(dir.resolve("target"));
        RunReport run = ReportFixtures.run();
        List<WrittenReport> outside = ReportFormats.writeAll(run, new ReportContext(layout, ReportFixtures.documents(),
                dir, null));
        assertEquals(List.of("JSON", "Report", "HTML report", "SARIF", "GitLab Code Quality"),
                outside.stream().map(WrittenReport::name).toList());
        assertEquals(List.of(layout.summary(), layout.markdown(), layout.html(), layout.sarif(),
                layout.gitlabCodeQuality()), outside.stream().map(WrittenReport::path).toList());
        for (WrittenReport w : outside) {
            assertTrue(Files.size(w.path()) > 0, w.name());
            assertNull(w.problem());
        }
        for (FileReview r : run.reviews()) {
            assertTrue(Files.isRegularFile(layout.review(r.file())), r.file());
        }

        Path summary = dir.resolve("ci/step-summary.md");
        List<WrittenReport> inCi = ReportFormats.writeAll(run, new ReportContext(layout, ReportFixtures.documents(),
                dir, summary));
        assertEquals(new WrittenReport("Step summary", summary, null), inCi.get(inCi.size() - 1));
        assertTrue(Files.readString(summary).startsWith("## Scrum review"));
    }

    @Test
    void aStepSummaryThatCannotBeWrittenIsAProblemNamedNotAFailedRun(@TempDir Path dir) throws Exception {
        Path blocked = Files.writeString(dir.resolve("a-file"), "x").resolve("summary.md");
        List<WrittenReport> written = ReportFormats.writeAll(ReportFixtures.run(),
                new ReportContext(new ReportLayout(dir.resolve("target")), ReportDocuments.none(), dir, blocked));
        WrittenReport last = written.get(written.size() - 1);
        assertEquals("Step summary", last.name());
        assertTrue(last.problem() != null && !last.problem().isBlank(), String.valueOf(last.problem()));
    }

    @Test
    void aReportThatCannotBeWrittenFailsTheRun(@TempDir Path dir) throws Exception {
        Path blocked = Files.writeString(dir.resolve("target"), "not a directory");
        assertThrows(IOException.class, () -> ReportFormats.writeAll(ReportFixtures.run(),
                new ReportContext(new ReportLayout(blocked), ReportDocuments.none(), dir, null)));
    }
}
