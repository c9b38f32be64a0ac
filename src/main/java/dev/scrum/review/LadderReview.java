package dev.scrum.review;

import dev.scrum.ladder.LadderOutcome;
import dev.scrum.report.FilePart;
import dev.scrum.retrieve.ScoredChunk;
import java.util.List;

/**
 * What the ladder made of a file (whole, or in parts and consolidated), with what it was given.
 *
 * @param outcome the accepted answer, or none, and every attempt
 * @param prd the PRD passages sent
 * @param proposal the proposal passages sent
 * @param queryPassages passages of the file the retrieval queries were built from
 * @param parts the parts it was reviewed in; empty when whole
 * @param secretsMasked secrets masked in what was sent
 */
record LadderReview(LadderOutcome outcome, List<ScoredChunk> prd, List<ScoredChunk> proposal, int queryPassages,
        List<FilePart> parts, int secretsMasked) {}
