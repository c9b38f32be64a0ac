package dev.scrum.report;

import java.util.List;

/**
 * What the gate decided for a run, and why: the first thing every output says.
 *
 * @param outcome passed, failed, or not applied (a dry run)
 * @param failures why it failed, one sentence each, most serious first (prompt injections, unanswered files,
 *     files left unreviewed, scores, gaps); empty unless it failed
 * @param warnings what would have failed the build but was let through by configuration
 *     ({@code failOnUnresolved=false}, {@code failOnInjection=false}, {@code failOnSkipped=false})
 * @param notes what was checked and passed ({@code Every scored file is at or above minScore 6})
 */
public record GateDecision(Outcome outcome, List<String> failures, List<String> warnings, List<String> notes) {

    /** What became of the build. */
    public enum Outcome {
        PASSED, FAILED, NOT_APPLIED;

        /** Its name in the JSON: {@code passed}, {@code failed}, {@code not_applied}. */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public GateDecision {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
        if ((outcome == Outcome.FAILED) == failures.isEmpty()) {
            throw new IllegalArgumentException("a gate fails with reasons, and only then: " + outcome + ", " + failures);
        }
    }

    /**
     * A dry run: no model was called, so there is nothing to decide on. Its one note, the top line of every report,
     * says what was not applied and that the build is not gated.
     *
     * @param what why, and what is not applied: {@code dry run: no model was called, so the gate (minScore 6)}
     */
    public static GateDecision notApplied(String what) {
        return new GateDecision(Outcome.NOT_APPLIED, List.of(), List.of(),
                List.of(what + " is not applied: this build is not gated"));
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /**
     * One line for the top of a report or the console: {@code Gate failed: 1 file(s) scored below minScore 6:
     * src/A.java (5/10).}, {@code Gate passed.} (with what let it through, if anything), {@code Gate not applied:
     * dry run…}.
     */
    public String headline() {
        return switch (outcome) {
            case FAILED -> "Gate failed: " + String.join(". ", failures) + ".";
            case PASSED -> warnings.isEmpty() ? "Gate passed." : "Gate passed, with warnings: "
                    + String.join(". ", warnings) + ".";
            case NOT_APPLIED -> "Gate not applied: " + String.join(". ", notes) + ".";
        };
    }
}
