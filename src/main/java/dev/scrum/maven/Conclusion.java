package dev.scrum.maven;

import dev.scrum.report.Baseline;
import dev.scrum.report.BaselineFile;
import dev.scrum.report.BaselineState;
import dev.scrum.report.ConsoleSummary;
import dev.scrum.report.ReportFiles;
import dev.scrum.report.GitLabCodeQualityWriter;
import dev.scrum.report.RunReport;
import dev.scrum.report.SarifWriter;
import dev.scrum.report.StepSummary;
import dev.scrum.review.ReviewResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * What {@code scrum:review} and {@code scrum:merge} share around a run: reading the {@code baseline} before it,
 * and after it (the reports written) logging the summary table and the reports' paths, appending the summary to
 * {@code $GITHUB_STEP_SUMMARY} when the CI sets it, and the {@link Gate}.
 */
final class Conclusion {

    /** The environment variable GitHub Actions sets to the file a step's markdown summary is appended to. */
    static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    private Conclusion() {}

    /**
     * The {@code baseline} parameter's baseline; {@link Baseline#NONE} when it is not set.
     *
     * @throws MojoExecutionException naming the parameter, when the file is missing or not a baseline
     */
    static Baseline baseline(File file) throws MojoExecutionException {
        if (file == null) {
            return Baseline.NONE;
        }
        try {
            return BaselineFile.read(file.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("<baseline> (scrum.baseline) cannot be read: " + e.getMessage()
                    + ". Write it with mvn scrum:baseline after a review, or leave <baseline> unset.", e);
        }
    }

    /** Logs the run, appends the step summary, then gates ({@code gate} null: {@code scrum:aggregate} will). */
    static void conclude(ReviewResult result, Baseline baseline, Gate gate, Map<String, String> environment, Log log)
            throws MojoFailureException {
        RunReport run = result.run();
        ConsoleSummary.lines(run).forEach(log::info);
        log.info("Report: " + result.reportFile());
        log.info("HTML report: " + ReportFiles.htmlFile(result.reportFile()));
        log.info("Code scanning: " + result.jsonDirectory().resolve(SarifWriter.FILE_NAME) + ", "
                + result.jsonDirectory().resolve(GitLabCodeQualityWriter.FILE_NAME));
        if (baseline.active()) {
            String marks = BaselineState.describe(run.reviews().stream().flatMap(r -> r.outcome().findings().stream())
                    .toList());
            log.info("Baseline " + baseline.file() + ": " + (marks == null ? "no finding" : marks + " finding(s)"));
        }
        String summary = environment == null ? null : environment.get(STEP_SUMMARY);
        if (summary != null && !summary.isBlank()) {
            try {
                StepSummary.append(Path.of(summary), run, result.reportFile());
                log.info("Summary appended to " + summary + " (" + STEP_SUMMARY + ")");
            } catch (IOException | InvalidPathException e) {
                log.warn("Could not append the summary to " + STEP_SUMMARY + " (" + summary + "): " + e.getMessage());
            }
        }
        if (gate == null) {
            log.info("The gate is left to scrum:aggregate, which decides once for the whole reactor");
            return;
        }
        gate.apply(run, result.reportFile());
    }
}
