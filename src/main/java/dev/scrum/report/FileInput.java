package dev.scrum.report;

import dev.scrum.retrieve.ScoredChunk;
import java.util.List;

/**
 * What a file's review was given: the passages sent, how large the prompt was, and what was found of the file
 * on the way (secrets masked, bytes that were not UTF-8).
 *
 * @param prdPassages the PRD passages sent, best first
 * @param proposalPassages the proposal passages sent, best first
 * @param promptChars characters of the first prompt (system and user message)
 * @param queryPassages passages of the file the retrieval query was built from
 * @param secretsMasked secrets masked in the file before it was sent to a rung that masks them
 *     ({@code redactSecrets}); 0 when none was, or no such rung was called
 * @param malformedUtf8 whether the file was not valid UTF-8 (malformed bytes were replaced before review)
 * @param injections prompt injections in what was sent: the file's own, and those in the passages it was sent
 */
public record FileInput(
        List<ScoredChunk> prdPassages,
        List<ScoredChunk> proposalPassages,
        int promptChars,
        int queryPassages,
        int secretsMasked,
        boolean malformedUtf8,
        List<Injection> injections) {

    /** Nothing was sent (a review that failed before its prompt was made). */
    public static final FileInput NONE = new FileInput(List.of(), List.of(), 0, 0, 0, false, List.of());

    public FileInput {
        prdPassages = Masked.passages(prdPassages);
        proposalPassages = Masked.passages(proposalPassages);
        injections = injections == null ? List.of() : List.copyOf(injections);
    }

    /** Whether what was sent carried a prompt injection, so that the answer cannot be trusted. */
    public boolean untrusted() {
        return !injections.isEmpty();
    }

    /** This input with other injections (the same, marked against a baseline, or seen from a reactor's root). */
    public FileInput withInjections(List<Injection> marked) {
        return new FileInput(prdPassages, proposalPassages, promptChars, queryPassages, secretsMasked, malformedUtf8,
                marked);
    }
}
