package dev.scrum.retrieve;

import dev.scrum.embed.Embedder;
import java.util.List;
import java.util.Objects;

/**
 * Finds the passages of the PRD and of the proposal most relevant to a source file. The query is the whole file
 * (without licence header, package and imports), cut into passages the embedder reads whole; each document passage
 * scores by its best match with any of them. Thread-safe when the embedder is.
 */
public final class Retriever {

    private final Embedder embedder;
    private final DocumentIndex prd;
    private final DocumentIndex proposal;
    private final int topK;

    /**
     * @param embedder the embedder the indexes were built with
     * @param prd      the PRD's index
     * @param proposal the proposal's index, or {@code null} when there is no proposal
     * @param topK     passages retrieved from each document, greater than 0
     * @throws IllegalArgumentException when {@code topK} is not positive
     */
    public Retriever(Embedder embedder, DocumentIndex prd, DocumentIndex proposal, int topK) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.prd = Objects.requireNonNull(prd, "prd");
        this.proposal = proposal;
        if (topK <= 0) {
            throw new IllegalArgumentException("topK must be greater than 0, was " + topK);
        }
        this.topK = topK;
    }

    /**
     * Retrieves the passages for one source file. A file with no query text (only a header and imports, say)
     * gets empty lists.
     *
     * @throws dev.scrum.embed.EmbeddingException when the embedder fails
     */
    public Retrieval retrieve(String sourceText) {
        List<String> passages = SourceQuery.passages(sourceText, embedder.maxInputChars());
        if (passages.isEmpty()) {
            return new Retrieval(List.of(), List.of(), 0);
        }
        List<float[]> queries = embedder.embed(passages);
        List<ScoredChunk> fromProposal = proposal == null ? List.of() : proposal.topK(queries, topK);
        return new Retrieval(prd.topK(queries, topK), fromProposal, passages.size());
    }
}
