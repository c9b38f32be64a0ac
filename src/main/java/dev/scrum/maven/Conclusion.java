package dev.scrum.maven;

import dev.scrum.report.Baseline;
import dev.scrum.report.BaselineFile;
import dev.scrum.report.BaselineState;
import dev.scrum.report.ConsoleSummary;
import dev.scrum.report.RunReport;
import dev.scrum.report.WrittenReport;
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
 * and after it (the reports written, the step summary among them when the CI sets
 * {@code $GITHUB_STEP_SUMMARY}) logging the summary table and the reports' paths, and the {@link Gate}.
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

    /**
     * The file {@code $GITHUB_STEP_SUMMARY} names, or {@code null} when the CI sets none (or a path this system
     * cannot take, which is logged).
     */
    static Path stepSummary(Map<String, String> environment, Log log) {
        String summary = environment == null ? null : environment.get(STEP_SUMMARY);
        if (summary == null || summary.isBlank()) {
            return null;
        }
        try {
            return Path.of(summary);
        } catch (InvalidPathException e) {
            log.warn("Not appending the summary to " + STEP_SUMMARY + " (" + summary + "): " + e.getMessage());
            return null;
        }
    }

    /** Logs the run and the reports written, then gates ({@code gate} null: {@code scrum:aggregate} will). */
    static void conclude(ReviewResult result, Baseline baseline, Gate gate, Map<String, String> environment, Log log)
            throws MojoFailureException {
        RunReport run = result.run();
        ConsoleSummary.lines(run).forEach(log::info);
        for (WrittenReport written : result.reports()) {
            if (written.problem() == null) {
                log.info(written.name() + ": " + written.path());
            } else {
                log.warn("Could not write the " + written.name().toLowerCase(java.util.Locale.ROOT) + " to "
                        + written.path() + ": " + written.problem());
            }
        }
        if (baseline.active()) {
            String marks = BaselineState.describe(run.reviews().stream().flatMap(r -> r.outcome().findings().stream())
                    .toList());
            log.info("Baseline " + baseline.file() + ": " + (marks == null ? "no finding" : marks + " finding(s)"));
        }
        if (gate == null) {
            log.info("The gate is left to scrum:aggregate, which decides once for the whole reactor");
            return;
        }
        gate.apply(run, result.reportFile());
    }
}
