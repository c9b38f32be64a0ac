package dev.scrum.ladder;

import dev.scrum.check.StructuredAnswer;
import java.util.List;
import java.util.Optional;

/**
 * What the ladder made of one file.
 *
 * @param attempts every attempt, skipped rungs included, in order
 * @param accepted the accepted attempt, or {@code null} when no rung's answer passed
 * @param score the accepted answer's alignment score, or {@code null}
 * @param markdown the accepted answer as the report shows it, or {@code ""}
 * @param structured the accepted answer's parsed form when a JSON rung gave it, or {@code null}
 */
public record LadderOutcome(
        List<Attempt> attempts, Attempt accepted, Integer score, String markdown, StructuredAnswer structured) {
    public LadderOutcome {
        attempts = List.copyOf(attempts);
        markdown = markdown == null ? "" : markdown;
    }

    public boolean resolved() {
        return accepted != null;
    }

    public Optional<Attempt> acceptedAttempt() {
        return Optional.ofNullable(accepted);
    }

    /** Calls made (skipped rungs are listed, not counted). */
    public int callsMade() {
        return (int) attempts.stream().filter(Attempt::called).count();
    }
}
