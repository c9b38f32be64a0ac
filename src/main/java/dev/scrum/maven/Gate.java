package dev.scrum.maven;

import dev.scrum.report.BaselineState;
import dev.scrum.report.FileReview;
import dev.scrum.report.Finding;
import dev.scrum.report.Injection;
import dev.scrum.report.RunReport;
import dev.scrum.report.ScrumRule;
import dev.scrum.report.UnansweredCause;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * SPEC.md's build outcome for a finished run, the one decision of {@code scrum:review}, {@code scrum:merge} and
 * {@code scrum:aggregate} (their {@link AbstractGatedMojo} validates the parameters): fails on unresolved files
 * (when {@code failOnUnresolved}; each cause that left files unanswered, such as a refused connection, is named
 * once with its files and what to do), on accepted reviews scored below {@code minScore} (when above 0) and on new
 * gaps of the {@code failOnGaps} kinds (gaps marked {@code known} by the baseline never fail it), naming the
 * files and the report, in one message. A dry run is never failed. Decides from the run alone: nothing is
 * reviewed again.
 *
 * @param minScore scores below it fail the build; 0 turns the check off
 * @param failOnGaps gap kinds whose new gaps fail the build, in {@link ScrumRule#gapKinds()} order; empty turns
 *     it off
 */
record Gate(boolean failOnUnresolved, int minScore, Set<String> failOnGaps, boolean failOnInjection) {

    Gate {
        failOnGaps = Collections.unmodifiableSet(new LinkedHashSet<>(failOnGaps));
    }

    /**
     * Fails the build when the run does not pass, naming every failure in one message that ends with the report.
     *
     * @param reportFile the {@code scrum-report.md} the message points at
     * @param log where what passed (and unresolved files that do not fail the build) is said
     */
    void apply(RunReport run, Path reportFile, Log log) throws MojoFailureException {
        if (run.dryRun()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        injections(run, log).ifPresent(failures::add);
        List<FileReview> unresolved = run.unresolved();
        if (!unresolved.isEmpty() && failOnUnresolved) {
            failures.add(unresolved.size() + " of " + run.reviews().size()
                    + " file(s) unresolved (no rung's answer was accepted): "
                    + unresolved.stream().map(FileReview::file).collect(Collectors.joining(", ")));
            UnansweredCause.message(unresolved).ifPresent(failures::add);
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
        List<FileReview> untrusted = minScore <= 0 ? List.of() : run.reviews().stream()
                .filter(r -> r.input().injections().stream().anyMatch(i -> !i.known()) && !low.contains(r))
                .toList();
        if (!untrusted.isEmpty()) {
            failures.add(untrusted.size() + " file(s) cannot pass minScore " + minScore + " on the score of a review "
                    + "that read a prompt injection: " + untrusted.stream()
                            .map(r -> r.file() + " (" + (r.outcome().score() == null ? "no score" : r.outcome().score()
                                    + "/10") + ", untrusted)")
                            .collect(Collectors.joining(", ")));
        }
        newGaps(run, log).ifPresent(failures::add);
        if (!failures.isEmpty()) {
            throw new MojoFailureException(String.join(". ", failures) + ". See " + reportFile);
        }
    }

    /** The failure naming every new prompt injection, if there is one and {@code failOnInjection}. */
    private Optional<String> injections(RunReport run, Log log) {
        List<Injection> fresh = run.newInjections();
        long known = run.injections().size() - fresh.size();
        String inBaseline = known == 0 ? "" : " (" + known + " known one(s) are in the baseline)";
        if (fresh.isEmpty()) {
            if (known > 0) {
                log.info("No new prompt injection" + inBaseline);
            }
            return Optional.empty();
        }
        String list = fresh.stream().map(i -> i.location() + " " + i.kind() + " «" + i.quoted() + "»")
                .collect(Collectors.joining("; "));
        if (!failOnInjection) {
            log.warn(fresh.size() + " prompt injection(s) in what the models were sent; not failing the build "
                    + "(failOnInjection=false): " + list);
            return Optional.empty();
        }
        return Optional.of(fresh.size() + " prompt injection(s) in what the models were sent (failOnInjection)"
                + inBaseline + ": " + list);
    }

    /** The failure naming every new gap of the {@code failOnGaps} kinds, if there is one. */
    private Optional<String> newGaps(RunReport run, Log log) {
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
