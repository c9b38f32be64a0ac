package dev.scrum.maven;

import dev.scrum.report.FileReview;
import dev.scrum.report.RunReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * SPEC.md's build outcome for a finished run, shared by {@code scrum:review} and {@code scrum:merge}: fails
 * on unresolved files (when {@code failOnUnresolved}) and on accepted reviews scored below {@code minScore}
 * (when above 0), naming the files and the report. A dry run is never failed. Decides from the run alone:
 * nothing is reviewed again.
 */
final class Gate {

    private final boolean failOnUnresolved;
    private final int minScore;
    private final Log log;

    /**
     * @param minScore scores below it fail the build; 0 turns the check off
     */
    Gate(boolean failOnUnresolved, int minScore, Log log) {
        this.failOnUnresolved = failOnUnresolved;
        this.minScore = minScore;
        this.log = log;
    }

    void apply(RunReport run, Path reportFile) throws MojoFailureException {
        if (run.dryRun()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        List<FileReview> unresolved = run.unresolved();
        if (!unresolved.isEmpty() && failOnUnresolved) {
            failures.add(unresolved.size() + " of " + run.reviews().size()
                    + " file(s) unresolved (no rung's answer was accepted): "
                    + unresolved.stream().map(FileReview::file).collect(Collectors.joining(", ")));
        } else if (!unresolved.isEmpty()) {
            log.warn(unresolved.size() + " file(s) unresolved; not failing the build (failOnUnresolved=false)");
        }
        List<FileReview> low = run.belowScore(minScore);
        if (!low.isEmpty()) {
            failures.add(low.size() + " file(s) scored below minScore " + minScore + ": "
                    + low.stream().map(r -> r.file() + " (" + r.score() + "/10)").collect(Collectors.joining(", ")));
        } else if (minScore > 0) {
            log.info("Every scored file is at or above minScore " + minScore);
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException(String.join(". ", failures) + ". See " + reportFile);
        }
    }
}
