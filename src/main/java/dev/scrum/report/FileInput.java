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
 */
public record FileInput(
        List<ScoredChunk> prdPassages,
        List<ScoredChunk> proposalPassages,
        int promptChars,
        int queryPassages,
        int secretsMasked,
        boolean malformedUtf8) {

    /** Nothing was sent (a review that failed before its prompt was made). */
    public static final FileInput NONE = new FileInput(List.of(), List.of(), 0, 0, 0, false);

    public FileInput {
        prdPassages = List.copyOf(prdPassages);
        proposalPassages = List.copyOf(proposalPassages);
    }
}
