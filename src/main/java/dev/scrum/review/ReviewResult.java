package dev.scrum.review;

import dev.scrum.report.FileReview;
import dev.scrum.report.ReportLayout;
import dev.scrum.report.RunReport;
import dev.scrum.report.WrittenReport;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished run: what was decided and where it was written.
 *
 * @param run the run's reviews and facts
 * @param layout where its files went
 * @param reports every report written (or, for an optional one, the problem that kept it from being written)
 */
public record ReviewResult(RunReport run, ReportLayout layout, List<WrittenReport> reports) {

    public ReviewResult {
        reports = List.copyOf(reports);
    }

    /** {@code scrum-report.md}. */
    public Path reportFile() {
        return layout.markdown();
    }

    /** {@code scrum/}. */
    public Path jsonDirectory() {
        return layout.jsonDirectory();
    }

    /** Files no rung's answer was accepted for (none in a dry run). */
    public List<FileReview> unresolved() {
        return run.unresolved();
    }
}
