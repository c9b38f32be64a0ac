package dev.scrum.maven;

import dev.scrum.gate.GatePolicy;
import dev.scrum.report.GateDecision;
import dev.scrum.report.RunReport;
import java.nio.file.Path;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The gate's decision ({@link GatePolicy}, plain Java) as a build outcome: the decision logged first, then what
 * was let through and what passed, and a {@link MojoFailureException} naming every failure in one message that
 * ends with the report. {@code scrum:review}, {@code scrum:check}, {@code scrum:merge} and {@code scrum:aggregate}
 * all decide here ({@link AbstractGatedMojo} validates the parameters).
 */
record Gate(GatePolicy policy) {

    Gate(boolean failOnUnresolved, int minScore, Set<String> failOnGaps, boolean failOnInjection) {
        this(new GatePolicy(failOnUnresolved, minScore, failOnGaps, failOnInjection));
    }

    Gate(boolean failOnUnresolved, int minScore, Set<String> failOnGaps, boolean failOnInjection,
            boolean failOnSkipped) {
        this(new GatePolicy(failOnUnresolved, minScore, failOnGaps, failOnInjection, failOnSkipped));
    }

    /** The decision for {@code run}. */
    GateDecision decide(RunReport run) {
        return policy.decide(run);
    }

    /**
     * Fails the build when the run does not pass, naming every failure in one message that ends with the report.
     *
     * @param reportFile the {@code scrum-report.md} the message points at
     * @param log where what was let through and what passed are said
     */
    void apply(RunReport run, Path reportFile, Log log) throws MojoFailureException {
        GateDecision decision = decide(run);
        if (decision.outcome() == GateDecision.Outcome.NOT_APPLIED) {
            return;
        }
        decision.warnings().forEach(log::warn);
        decision.notes().forEach(log::info);
        if (decision.failed()) {
            throw new MojoFailureException(String.join(". ", decision.failures()) + ". See " + reportFile);
        }
    }
}
