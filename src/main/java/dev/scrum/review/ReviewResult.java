package dev.scrum.review;

import dev.scrum.report.FileReview;
import dev.scrum.report.RunReport;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished run: what was decided and where it was written.
 *
 * @param run the run's reviews and facts
 * @param reportFile {@code scrum-report.md}
 * @param jsonDirectory {@code scrum/}
 */
public record ReviewResult(RunReport run, Path reportFile, Path jsonDirectory) {

    /** Files no rung's answer was accepted for (none in a dry run). */
    public List<FileReview> unresolved() {
        return run.unresolved();
    }

    /** Files scored below {@code minScore} (none when it is 0, none in a dry run). */
    public List<FileReview> belowScore(int minScore) {
        return run.belowScore(minScore);
    }
}
