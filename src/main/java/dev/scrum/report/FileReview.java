package dev.scrum.report;

import dev.scrum.ladder.Attempt;
import dev.scrum.retrieve.ScoredChunk;
import java.util.List;

/**
 * Everything decided about one file: what it was given, what each rung said, what was accepted.
 *
 * @param file path relative to the base directory, with {@code /}
 * @param fileBytes the file's size
 * @param prdPassages the PRD passages sent, best first
 * @param proposalPassages the proposal passages sent, best first
 * @param attempts every attempt, skipped rungs included
 * @param acceptedOn the number of the accepted attempt (its rung), or {@code null}
 * @param escalatedTo {@code provider/model} of the accepted rung, or {@code ""}
 * @param suggestions the accepted answer as markdown, or {@code ""}
 * @param score the alignment score, or {@code null}
 * @param findings the accepted answer's suggestions and gaps
 * @param citationsValid citations naming a passage that was sent
 * @param citationsInvalid citations naming none
 * @param durationMs wall time of the file's review
 * @param promptChars characters of the first prompt (system and user message)
 * @param queryPassages passages of the file the retrieval query was built from
 */
public record FileReview(
        String file,
        long fileBytes,
        List<ScoredChunk> prdPassages,
        List<ScoredChunk> proposalPassages,
        List<Attempt> attempts,
        Integer acceptedOn,
        String escalatedTo,
        String suggestions,
        Integer score,
        List<Finding> findings,
        int citationsValid,
        int citationsInvalid,
        long durationMs,
        int promptChars,
        int queryPassages) {

    public FileReview {
        prdPassages = List.copyOf(prdPassages);
        proposalPassages = List.copyOf(proposalPassages);
        attempts = List.copyOf(attempts);
        findings = List.copyOf(findings);
        escalatedTo = escalatedTo == null ? "" : escalatedTo;
        suggestions = suggestions == null ? "" : suggestions;
    }

    public boolean resolved() {
        return acceptedOn != null;
    }

    /** Calls made (skipped rungs are listed, not counted). */
    public int attemptsMade() {
        return (int) attempts.stream().filter(Attempt::called).count();
    }

    /** The model of the accepted attempt, or {@code ""}. */
    public String acceptedModel() {
        return escalatedTo;
    }
}
