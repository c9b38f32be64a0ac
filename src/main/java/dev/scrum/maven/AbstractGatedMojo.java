package dev.scrum.maven;

import dev.scrum.gate.GatePolicy;
import dev.scrum.report.Baseline;
import dev.scrum.report.BaselineFile;
import dev.scrum.report.BaselineState;
import dev.scrum.report.ConsoleSummary;
import dev.scrum.report.GateDecision;
import dev.scrum.report.RunReport;
import dev.scrum.report.ScrumRule;
import dev.scrum.report.WrittenReport;
import dev.scrum.review.ReviewResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that writes a run's reports and gates the build on them ({@code scrum:review}, {@code scrum:merge},
 * {@code scrum:aggregate}), shaped like maven-pmd-plugin's {@code AbstractPmdViolationCheckMojo}: {@code skip}
 * and the gate's parameters are declared and validated here once, and {@link #execute()} is final: skip, validate
 * the gate, {@link #run()} the goal's own work (its reports written, the CI step summary among them), then log
 * the run and the reports and decide with the {@link Gate}.
 */
abstract class AbstractGatedMojo extends AbstractMojo {

    /** The environment variable GitHub Actions sets to the file a step's markdown summary is appended to. */
    private static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    /** Do nothing, log one line. */
    @Parameter(property = "scrum.skip", defaultValue = "false")
    boolean skip;

    /**
     * The master switch, as maven-pmd-plugin's {@code failOnViolation}: {@code false} logs what the gate decided,
     * failures as errors, and lets the build pass; the reports still say the gate failed.
     */
    @Parameter(property = "scrum.failOnViolation", defaultValue = "true")
    boolean failOnViolation = true;

    /** Fail the build when a file has no accepted review. */
    @Parameter(property = "scrum.failOnUnresolved", defaultValue = "true")
    boolean failOnUnresolved;

    /**
     * Fail the build when an accepted review's alignment score (1–10) is below this; 0 turns the gate off.
     * Files without a score do not fail it (see {@code scrum:review}'s {@code requireScore}).
     */
    @Parameter(property = "scrum.minScore", defaultValue = "0")
    int minScore;

    /**
     * Gap kinds ({@code missing}, {@code partial}, {@code contradicts}, {@code unrequested}; comma-separated in
     * the property) whose new gaps fail the build, each named with its file, line and text. Gaps the
     * {@code baseline} marks {@code known} are not new. Empty: off.
     */
    @Parameter(property = "scrum.failOnGaps")
    List<String> failOnGaps;

    /**
     * A baseline file written by {@code scrum:baseline} (e.g. {@code scrum-baseline.json}): findings already in
     * it are marked {@code known} in the JSON, the report and the SARIF ({@code baselineState}), and never fail
     * {@code failOnGaps}. Unset: no baseline; {@code scrum:merge} and {@code scrum:aggregate} keep the marks the
     * shards' or modules' reviews made.
     */
    @Parameter(property = "scrum.baseline")
    File baseline;

    /**
     * Fail the build when text in a reviewed file, the PRD or the proposal addresses the reviewer or tries to change
     * its task, format, score or findings, or hides what it says with invisible or bidirectional-control characters
     * (a prompt injection), unless the {@code baseline} accepted it. A review that read one is untrusted either way.
     */
    @Parameter(property = "scrum.failOnInjection", defaultValue = "true")
    boolean failOnInjection = true;

    /**
     * Fail the build when a selected file was not reviewed: binary (a NUL byte), larger than {@code maxFileBytes},
     * or unreadable. Each is named with its reason; an empty file has nothing to review and does not count. Leave
     * a file out on purpose with {@code excludes}. Off, it is a warning.
     */
    @Parameter(property = "scrum.failOnSkipped", defaultValue = "true")
    boolean failOnSkipped = true;

    /** The process environment ({@code GITHUB_STEP_SUMMARY}, API keys); tests hand in their own. */
    Map<String, String> environment = System.getenv();

    private final String work;
    /** The gate, from the parameters, once {@link #execute()} has validated them. */
    private Gate gate;

    /** @param work what the goal does, for the skip line: {@code the review} */
    AbstractGatedMojo(String work) {
        this.work = work;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping " + work + " (scrum.skip=true)");
            List<String> configured = GatePolicy.beyondDefaults(minScore, failOnGaps);
            if (!configured.isEmpty()) {
                getLog().warn("scrum.skip is set, so the gate (" + String.join(", ", configured)
                        + ") is not applied: this build is not gated");
            }
            return;
        }
        gate = new Gate(failOnUnresolved, checkMinScore(minScore), gapKinds(failOnGaps), failOnInjection,
                failOnSkipped);
        if (dryRun() && decidesGate() && !gate.policy().beyondDefaults().isEmpty()) {
            getLog().warn("scrum.dryRun is set, so the gate (" + String.join(", ", gate.policy().beyondDefaults())
                    + ") is not applied: this build is not gated");
        }
        Optional<ReviewResult> result = run();
        if (result.isPresent()) {
            conclude(result.get(), gate);
        }
    }

    /**
     * The goal's own work: the run, its reports written; empty when there was nothing to do (nothing is gated).
     *
     * @throws MojoExecutionException for a configuration mistake, naming the parameter and the fix
     */
    abstract Optional<ReviewResult> run() throws MojoExecutionException, MojoFailureException;

    /** Whether this run calls no model ({@code scrum:review}'s {@code dryRun}), so no gate applies. */
    boolean dryRun() {
        return false;
    }

    /** Whether this goal makes the gate decision; {@code scrum:review} leaves it to a {@code scrum:aggregate}. */
    boolean decidesGate() {
        return true;
    }

    /** The gate's policy, for the reports to open with its decision; {@code null} when another goal decides. */
    final GatePolicy gatePolicy() {
        return decidesGate() ? gate.policy() : null;
    }

    /** {@code run} with the gate's decision, which the reports open with. */
    final RunReport decided(RunReport run) {
        return run.toBuilder().gate(gate.decide(run)).build();
    }

    /**
     * The {@code baseline} parameter's baseline; {@link Baseline#NONE} when it is not set.
     *
     * @throws MojoExecutionException naming the parameter, when the file is missing or not a baseline
     */
    final Baseline readBaseline() throws MojoExecutionException {
        if (baseline == null) {
            return Baseline.NONE;
        }
        try {
            return BaselineFile.read(baseline.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("<baseline> (scrum.baseline) cannot be read: " + e.getMessage()
                    + ". Write it with mvn scrum:baseline after a review, or leave <baseline> unset.", e);
        }
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

    /**
     * The {@code minScore} parameter.
     *
     * @throws MojoExecutionException naming the parameter, outside 0 (off) to 10
     */
    static int checkMinScore(int minScore) throws MojoExecutionException {
        if (minScore < 0 || minScore > 10) {
            throw new MojoExecutionException("<minScore> (scrum.minScore) is " + minScore
                    + ": use 0 (off) to 10; scores run from 1 to 10");
        }
        return minScore;
    }

    /**
     * The file {@code $GITHUB_STEP_SUMMARY} names, for the run's step summary; {@code null} when the CI sets none
     * (or a path this system cannot take, which is logged).
     */
    final Path stepSummary() {
        String summary = environment == null ? null : environment.get(STEP_SUMMARY);
        if (summary == null || summary.isBlank()) {
            return null;
        }
        try {
            return Path.of(summary);
        } catch (InvalidPathException e) {
            getLog().warn("Not appending the summary to " + STEP_SUMMARY + " (" + summary + "): " + e.getMessage());
            return null;
        }
    }

    /**
     * Logs the gate's decision first, then the run and the reports it wrote, then gates (unless
     * {@link #decidesGate()} says not).
     */
    private void conclude(ReviewResult result, Gate gate) throws MojoFailureException {
        RunReport run = result.run();
        if (decidesGate()) {
            GateDecision decision = gate.decide(run);
            if (decision.failed()) {
                getLog().error(decision.headline());
            } else {
                getLog().info(decision.headline());
            }
        }
        ConsoleSummary.lines(run).forEach(getLog()::info);
        for (WrittenReport written : result.reports()) {
            if (written.problem() == null) {
                getLog().info(written.name() + ": " + written.path());
            } else {
                getLog().warn("Could not write the " + written.name().toLowerCase(Locale.ROOT) + " to "
                        + written.path() + ": " + written.problem());
            }
        }
        if (baseline != null) {
            String marks = BaselineState.describe(run.reviews().stream()
                    .flatMap(r -> r.outcome().findings().stream()).toList());
            getLog().info("Baseline " + baseline.toPath() + ": " + (marks == null ? "no finding" : marks
                    + " finding(s)"));
        }
        if (!decidesGate()) {
            getLog().info("The gate is left to scrum:aggregate, which decides once for the whole reactor");
            return;
        }
        try {
            gate.apply(run, result.reportFile(), getLog());
        } catch (MojoFailureException e) {
            if (failOnViolation) {
                throw e;
            }
            getLog().error(e.getMessage());
            getLog().warn("Not failing the build: failOnViolation=false");
        }
    }
}
