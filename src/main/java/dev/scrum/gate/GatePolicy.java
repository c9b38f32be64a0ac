package dev.scrum.gate;

import dev.scrum.report.BaselineState;
import dev.scrum.report.FileReview;
import dev.scrum.report.GateDecision;
import dev.scrum.report.Finding;
import dev.scrum.report.Injection;
import dev.scrum.report.RunReport;
import dev.scrum.report.ScrumRule;
import dev.scrum.report.SkippedFile;
import dev.scrum.report.UnansweredCause;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SPEC.md's build outcome for a finished run, decided from the run alone (nothing is reviewed again), the one
 * decision of {@code scrum:review}, {@code scrum:check}, {@code scrum:merge} and {@code scrum:aggregate}: fails on
 * new prompt injections (when {@code failOnInjection}), on unanswered files (when {@code failOnUnresolved}), on
 * selected files that were not reviewed, binary, too large or unreadable (when {@code failOnSkipped}; an empty file
 * has nothing to review and does not count), on accepted reviews scored below {@code minScore} (when above 0), on reviews that read a new prompt injection
 * when a score is required, and on new gaps of the {@code failOnGaps} kinds (gaps marked {@code known} by the
 * baseline never fail it). A dry run is never failed: its decision says which checks it did not apply. Plain Java: the Maven goals turn a failed decision into a
 * {@code MojoFailureException}.
 *
 * @param minScore scores below it fail the build; 0 turns the check off
 * @param failOnGaps gap kinds whose new gaps fail the build, in {@link ScrumRule#gapKinds()} order; empty turns
 *     it off
 * @param failOnSkipped whether a selected file that was not reviewed (binary, too large, unreadable) fails the
 *     build; {@code excludes} is how a file is left out on purpose
 */
public record GatePolicy(boolean failOnUnresolved, int minScore, Set<String> failOnGaps, boolean failOnInjection,
        boolean failOnSkipped) {

    /**
     * SPEC.md's defaults: unanswered files, new prompt injections and selected files left unreviewed fail the
     * build; no score, no gap does.
     */
    public static final GatePolicy DEFAULT = new GatePolicy(true, 0, Set.of(), true, true);

    public GatePolicy {
        if (minScore < 0 || minScore > 10) {
            throw new IllegalArgumentException("minScore must be 0 (off) to 10, was " + minScore);
        }
        failOnGaps = Collections.unmodifiableSet(new LinkedHashSet<>(failOnGaps));
    }

    /** With {@code failOnSkipped} on, its default. */
    public GatePolicy(boolean failOnUnresolved, int minScore, Set<String> failOnGaps, boolean failOnInjection) {
        this(failOnUnresolved, minScore, failOnGaps, failOnInjection, true);
    }

    /**
     * The checks configured beyond the defaults, as a POM names them: {@code minScore 6}, {@code failOnGaps
     * missing, partial}; empty when there is none. A dry run or {@code skip} with any of them leaves a build
     * someone meant to gate ungated, which deserves a warning.
     */
    public List<String> beyondDefaults() {
        return beyondDefaults(minScore, failOnGaps);
    }

    /**
     * {@link #beyondDefaults()} for parameters not validated yet ({@code skip} validates nothing): any
     * {@code minScore} but 0, any non-blank {@code failOnGaps} word.
     */
    public static List<String> beyondDefaults(int minScore, Collection<String> failOnGaps) {
        List<String> out = new ArrayList<>();
        if (minScore != 0) {
            out.add("minScore " + minScore);
        }
        List<String> kinds = failOnGaps == null ? List.of() : failOnGaps.stream()
                .flatMap(g -> Arrays.stream(g.split(","))).map(String::strip).filter(g -> !g.isEmpty()).toList();
        if (!kinds.isEmpty()) {
            out.add("failOnGaps " + String.join(", ", kinds));
        }
        return out;
    }

    /**
     * What the gate checks, as a POM names it: the checks {@link #beyondDefaults() beyond the defaults} when there
     * are any ({@code minScore 6}), else the defaults that are on ({@code failOnInjection, failOnUnresolved,
     * failOnSkipped}); {@code nothing} when every check is off.
     */
    public String describe() {
        List<String> checks = beyondDefaults();
        if (checks.isEmpty()) {
            checks = new ArrayList<>();
            if (failOnInjection) {
                checks.add("failOnInjection");
            }
            if (failOnUnresolved) {
                checks.add("failOnUnresolved");
            }
            if (failOnSkipped) {
                checks.add("failOnSkipped");
            }
        }
        return checks.isEmpty() ? "nothing" : String.join(", ", checks);
    }

    /** The decision for {@code run}. */
    public GateDecision decide(RunReport run) {
        if (run.dryRun()) {
            return GateDecision.notApplied("dry run: no model was called, so the gate (" + describe() + ")");
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
                // the causes, once each, as the failure message names them: the warning is all such a build shows
                UnansweredCause.message(unresolved).ifPresent(warnings::add);
            }
        }
        skipped(run, failures, warnings, notes);
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

    /** Selected files left unreviewed: binary, too large, unreadable; empty ones are only noted. */
    private void skipped(RunReport run, List<String> failures, List<String> warnings, List<String> notes) {
        List<SkippedFile> empty = run.skipped().stream().filter(SkippedFile::empty).toList();
        List<SkippedFile> unreviewed = run.skipped().stream().filter(s -> !s.empty()).toList();
        if (!empty.isEmpty()) {
            notes.add(empty.size() + " empty file(s) not reviewed, as there is nothing in them to review: "
                    + empty.stream().map(SkippedFile::file).collect(Collectors.joining(", ")));
        }
        if (unreviewed.isEmpty()) {
            return;
        }
        String what = unreviewed.size() + " selected file(s) were not reviewed (failOnSkipped): "
                + SkippedFile.describe(unreviewed);
        if (failOnSkipped) {
            failures.add(what + "; list a file in <excludes> to leave it out of the review on purpose");
        } else {
            warnings.add(what + "; not failing the build (failOnSkipped=false)");
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
