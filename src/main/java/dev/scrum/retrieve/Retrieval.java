package dev.scrum.retrieve;

import java.util.List;

/**
 * The passages retrieved for one source file, best first.
 *
 * @param prd            the PRD's passages
 * @param proposal       the proposal's passages; empty when there is no proposal
 * @param queryPassages  how many passages of the source file were embedded as queries (0 for a file with no text
 *                       left once its header, package and imports are removed)
 */
public record Retrieval(List<ScoredChunk> prd, List<ScoredChunk> proposal, int queryPassages) {
    public Retrieval {
        prd = List.copyOf(prd);
        proposal = List.copyOf(proposal);
    }
}
