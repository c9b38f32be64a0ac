package dev.scrum.report;

import dev.scrum.ladder.Attempt;
import dev.scrum.retrieve.ScoredChunk;
import java.time.Instant;
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
 * @param reviewedAt when the accepted review was made (an earlier run's time for a cached one), or {@code null}
 * @param cached whether the review was reused from the review cache instead of asking a model
 * @param parts the parts a file too large for a rung's context was reviewed in; empty when reviewed whole
 * @param redactions secrets masked in the file before it was sent to a rung that masks them
 *     ({@code redactSecrets}); 0 when none was, or no such rung was called
 * @param malformedUtf8 whether the file was not valid UTF-8 (malformed bytes were replaced before review)
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
        int queryPassages,
        Instant reviewedAt,
        boolean cached,
        List<FilePart> parts,
        int redactions,
        boolean malformedUtf8) {

    public FileReview {
        prdPassages = List.copyOf(prdPassages);
        proposalPassages = List.copyOf(proposalPassages);
        attempts = List.copyOf(attempts);
        findings = List.copyOf(findings);
        escalatedTo = escalatedTo == null ? "" : escalatedTo;
        suggestions = suggestions == null ? "" : suggestions;
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** A review of a file that was valid UTF-8 and had no secret masked. */
    public FileReview(String file, long fileBytes, List<ScoredChunk> prdPassages, List<ScoredChunk> proposalPassages,
            List<Attempt> attempts, Integer acceptedOn, String escalatedTo, String suggestions, Integer score,
            List<Finding> findings, int citationsValid, int citationsInvalid, long durationMs, int promptChars,
            int queryPassages, Instant reviewedAt, boolean cached, List<FilePart> parts) {
        this(file, fileBytes, prdPassages, proposalPassages, attempts, acceptedOn, escalatedTo, suggestions, score,
                findings, citationsValid, citationsInvalid, durationMs, promptChars, queryPassages, reviewedAt, cached,
                parts, 0, false);
    }

    /** A review made now, of the whole file. */
    public FileReview(String file, long fileBytes, List<ScoredChunk> prdPassages, List<ScoredChunk> proposalPassages,
            List<Attempt> attempts, Integer acceptedOn, String escalatedTo, String suggestions, Integer score,
            List<Finding> findings, int citationsValid, int citationsInvalid, long durationMs, int promptChars,
            int queryPassages) {
        this(file, fileBytes, prdPassages, proposalPassages, attempts, acceptedOn, escalatedTo, suggestions, score,
                findings, citationsValid, citationsInvalid, durationMs, promptChars, queryPassages, null, false,
                List.of());
    }

    /** This review with its path seen from a reactor's root: {@code prefix} is the module's directory, with /. */
    public FileReview inModule(String prefix) {
        String path = prefix.isEmpty() ? file : prefix + "/" + file;
        return new FileReview(path, fileBytes, prdPassages, proposalPassages, attempts, acceptedOn, escalatedTo,
                suggestions, score, findings, citationsValid, citationsInvalid, durationMs, promptChars, queryPassages,
                reviewedAt, cached, parts);
    }

    /** This review as reused from the cache by a later run. */
    public FileReview asCached() {
        return new FileReview(file, fileBytes, prdPassages, proposalPassages, attempts, acceptedOn, escalatedTo,
                suggestions, score, findings, citationsValid, citationsInvalid, durationMs, promptChars, queryPassages,
                reviewedAt, true, parts, redactions, malformedUtf8);
    }

    /** This review, stamped with the time it was made. */
    public FileReview reviewedAt(Instant when) {
        return new FileReview(file, fileBytes, prdPassages, proposalPassages, attempts, acceptedOn, escalatedTo,
                suggestions, score, findings, citationsValid, citationsInvalid, durationMs, promptChars, queryPassages,
                when, cached, parts, redactions, malformedUtf8);
    }

    /** This review, with what was found of its input: secrets masked, and whether it was valid UTF-8. */
    public FileReview withInput(int secretsMasked, boolean notUtf8) {
        return new FileReview(file, fileBytes, prdPassages, proposalPassages, attempts, acceptedOn, escalatedTo,
                suggestions, score, findings, citationsValid, citationsInvalid, durationMs, promptChars, queryPassages,
                reviewedAt, cached, parts, secretsMasked, notUtf8);
    }

    /** This review with other findings (the same findings marked against a baseline). */
    public FileReview withFindings(List<Finding> marked) {
        return new FileReview(file, fileBytes, prdPassages, proposalPassages, attempts, acceptedOn, escalatedTo,
                suggestions, score, marked, citationsValid, citationsInvalid, durationMs, promptChars, queryPassages,
                reviewedAt, cached, parts);
    }

    /** Prompt tokens of every attempt, as the servers counted them (or estimated where they did not). */
    public long promptTokens() {
        return attempts.stream().mapToLong(a -> a.promptTokens() == null ? 0 : a.promptTokens()).sum();
    }

    /** Answer tokens of every attempt. */
    public long completionTokens() {
        return attempts.stream().mapToLong(a -> a.completionTokens() == null ? 0 : a.completionTokens()).sum();
    }

    public boolean resolved() {
        return acceptedOn != null;
    }

    /** Calls made, for every part too (skipped rungs are listed, not counted). */
    public int attemptsMade() {
        return (int) attempts.stream().filter(Attempt::called).count()
                + parts.stream().mapToInt(FilePart::attemptsMade).sum();
    }

    /** The model of the accepted attempt, or {@code ""}. */
    public String acceptedModel() {
        return escalatedTo;
    }
}
