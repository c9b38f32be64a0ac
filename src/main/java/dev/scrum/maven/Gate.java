package dev.scrum.maven;

import dev.scrum.report.BaselineState;
import dev.scrum.report.FileReview;
import dev.scrum.report.Finding;
import dev.scrum.report.RunReport;
import dev.scrum.report.ScrumRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * SPEC.md's build outcome for a finished run, shared by {@code scrum:review} and {@code scrum:merge}: fails
 * on unresolved files (when {@code failOnUnresolved}), on accepted reviews scored below {@code minScore}
 * (when above 0) and on new gaps of the {@code failOnGaps} kinds (gaps marked {@code known} by the baseline
 * never fail it), naming the files and the report. A dry run is never failed. Decides from the run alone:
 * nothing is reviewed again.
 */
final class Gate {

    private final boolean failOnUnresolved;
    private final int minScore;
    private final Set<String> failOnGaps;
    private final Log log;

    /**
     * @param minScore scores below it fail the build; 0 turns the check off
     * @param failOnGaps gap kinds whose new gaps fail the build (see {@link #gapKinds}); empty turns it off
     */
    Gate(boolean failOnUnresolved, int minScore, Set<String> failOnGaps, Log log) {
        this.failOnUnresolved = failOnUnresolved;
        this.minScore = minScore;
        this.failOnGaps = Collections.unmodifiableSet(new LinkedHashSet<>(failOnGaps));
        this.log = log;
    }

    /**
     * The {@code failOnGaps} parameter's kinds (each item may itself be comma-separated), in
     * {@link ScrumRule#gapKinds()} order; empty when none is given.
     *
     * @throws MojoExecutionException naming the parameter and the valid kinds, for a word that is no gap kind
     */
    static Set<String> gapKinds(List<String> values) throws MojoExecutionException {
        Set<String> given = new HashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String word : value.split(",")) {
                String kind = word.strip().toLowerCase(Locale.ROOT);
                if (kind.isEmpty()) {
                    continue;
                }
                if (!ScrumRule.gapKinds().contains(kind)) {
                    throw new MojoExecutionException("<failOnGaps> (scrum.failOnGaps) names '" + word.strip()
                            + "', which is no gap kind: use any of " + String.join(", ", ScrumRule.gapKinds())
                            + " (comma-separated), or leave it empty to turn the check off");
                }
                given.add(kind);
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        ScrumRule.gapKinds().stream().filter(given::contains).forEach(ordered::add);
        return ordered;
    }

    /** Refuses a {@code minScore} outside 0 (off) to 10, naming the parameter. */
    static void checkMinScore(int minScore) throws MojoExecutionException {
        if (minScore < 0 || minScore > 10) {
            throw new MojoExecutionException("<minScore> (scrum.minScore) is " + minScore
                    + ": use 0 (off) to 10; scores run from 1 to 10");
        }
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
                    + low.stream().map(r -> r.file() + " (" + r.outcome().score() + "/10)")
                    .collect(Collectors.joining(", ")));
        } else if (minScore > 0) {
            log.info("Every scored file is at or above minScore " + minScore);
        }
        newGaps(run).ifPresent(failures::add);
        if (!failures.isEmpty()) {
            throw new MojoFailureException(String.join(". ", failures) + ". See " + reportFile);
        }
    }

    /** The failure naming every new gap of the {@code failOnGaps} kinds, if there is one. */
    private Optional<String> newGaps(RunReport run) {
        if (failOnGaps.isEmpty()) {
            return Optional.empty();
        }
        List<String> fresh = new ArrayList<>();
        int known = 0;
        for (FileReview r : run.reviews()) {
            for (Finding f : r.outcome().findings()) {
                if (!"gap".equals(f.kind()) || f.gapKind() == null || !failOnGaps.contains(f.gapKind())) {
                    continue;
                }
                if (f.baseline() == BaselineState.KNOWN) {
                    known++;
                } else {
                    String text = f.text().strip().replaceAll("[.\\s]+$", "");
                    fresh.add(r.file() + (f.line() == null ? ", no line, " : ", line " + f.line() + ", ") + f.gapKind()
                            + (f.symbol() == null ? "" : " `" + f.symbol() + "`") + ": " + text);
                }
            }
        }
        String kinds = String.join(", ", failOnGaps);
        String inBaseline = known == 0 ? "" : " (" + known + " known gap(s) of those kinds are in the baseline)";
        if (fresh.isEmpty()) {
            log.info("No new gap of kind " + kinds + " (failOnGaps)" + inBaseline);
            return Optional.empty();
        }
        return Optional.of(fresh.size() + " new gap(s) of kind " + kinds + " (failOnGaps)" + inBaseline + ": "
                + String.join("; ", fresh));
    }
}
