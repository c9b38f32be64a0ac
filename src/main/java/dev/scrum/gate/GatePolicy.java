package dev.scrum.gate;

import dev.scrum.report.BaselineState;
import dev.scrum.report.FileReview;
import dev.scrum.report.GateDecision;
import dev.scrum.report.Finding;
import dev.scrum.report.Injection;
import dev.scrum.report.RunReport;
import dev.scrum.report.ScrumRule;
import dev.scrum.report.UnansweredCause;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SPEC.md's build outcome for a finished run, decided from the run alone (nothing is reviewed again), the one
 * decision of {@code scrum:review}, {@code scrum:check}, {@code scrum:merge} and {@code scrum:aggregate}: fails on
 * new prompt injections (when {@code failOnInjection}), on unanswered files (when {@code failOnUnresolved}), on
 * accepted reviews scored below {@code minScore} (when above 0), on reviews that read a new prompt injection
 * when a score is required, and on new gaps of the {@code failOnGaps} kinds (gaps marked {@code known} by the
 * baseline never fail it). A dry run is never failed. Plain Java: the Maven goals turn a failed decision into a
 * {@code MojoFailureException}.
 *
 * @param minScore scores below it fail the build; 0 turns the check off
 * @param failOnGaps gap kinds whose new gaps fail the build, in {@link ScrumRule#gapKinds()} order; empty turns
 *     it off
 */
public record GatePolicy(boolean failOnUnresolved, int minScore, Set<String> failOnGaps, boolean failOnInjection) {

    /** SPEC.md's defaults: unanswered files and new prompt injections fail the build; no score, no gap does. */
    public static final GatePolicy DEFAULT = new GatePolicy(true, 0, Set.of(), true);

    public GatePolicy {
        if (minScore < 0 || minScore > 10) {
            throw new IllegalArgumentException("minScore must be 0 (off) to 10, was " + minScore);
        }
        failOnGaps = Collections.unmodifiableSet(new LinkedHashSet<>(failOnGaps));
    }

    /** The decision for {@code run}. */
    public GateDecision decide(RunReport run) {
        if (run.dryRun()) {
            return GateDecision.notApplied();
        }
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        injections(run, failures, warnings, notes);
        List<FileReview> unresolved = run.unresolved();
        if (!unresolved.isEmpty()) {
            String what = unresolved.size() + " of " + run.reviews().size()
                    + " file(s) unresolved (no rung's answer was accepted): "
                    + unresolved.stream().map(FileReview::file).collect(Collectors.joining(", "));
            if (failOnUnresolved) {
                failures.add(what);
                // each cause that left files unanswered (a refused connection, a missing model), once, with the fix
                UnansweredCause.message(unresolved).ifPresent(failures::add);
            } else {
                warnings.add(what + "; not failing the build (failOnUnresolved=false)");
            }
        }
        List<FileReview> low = run.belowScore(minScore);
        if (!low.isEmpty()) {
            failures.add(low.size() + " file(s) scored below minScore " + minScore + ": "
                    + low.stream().map(r -> r.file() + " (" + r.outcome().score() + "/10)")
                    .collect(Collectors.joining(", ")));
        } else if (minScore > 0) {
            notes.add("Every scored file is at or above minScore " + minScore);
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
        newGaps(run, failures, notes);
        return new GateDecision(failures.isEmpty() ? GateDecision.Outcome.PASSED : GateDecision.Outcome.FAILED,
                failures, warnings, notes);
    }

    private void injections(RunReport run, List<String> failures, List<String> warnings, List<String> notes) {
        List<Injection> fresh = run.newInjections();
        long known = run.injections().size() - fresh.size();
        String inBaseline = known == 0 ? "" : " (" + known + " known one(s) are in the baseline)";
        if (fresh.isEmpty()) {
            if (known > 0) {
                notes.add("No new prompt injection" + inBaseline);
            }
            return;
        }
        String list = fresh.stream().map(i -> i.location() + " " + i.kind() + " «" + i.quoted() + "»")
                .collect(Collectors.joining("; "));
        if (failOnInjection) {
            failures.add(fresh.size() + " prompt injection(s) in what the models were sent (failOnInjection)"
                    + inBaseline + ": " + list);
        } else {
            warnings.add(fresh.size() + " prompt injection(s) in what the models were sent; not failing the build "
                    + "(failOnInjection=false): " + list);
        }
    }

    private void newGaps(RunReport run, List<String> failures, List<String> notes) {
        if (failOnGaps.isEmpty()) {
            return;
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
            notes.add("No new gap of kind " + kinds + " (failOnGaps)" + inBaseline);
        } else {
            failures.add(fresh.size() + " new gap(s) of kind " + kinds + " (failOnGaps)" + inBaseline + ": "
                    + String.join("; ", fresh));
        }
    }
}
