package dev.scrum.retrieve;

import dev.scrum.chunk.Chunk;
import dev.scrum.embed.Embedder;
import java.util.List;
import java.util.Objects;

/**
 * Finds the passages of the PRD and of the proposal most relevant to a source file. The query is the whole file
 * without licence header, package and imports ({@link SourceQuery}): for BM25 as one bag of words, for the dense
 * ranker cut into passages the embedder reads whole, each document passage scoring by its best match with any of
 * them; hybrid retrieval fuses the two rankings. Of the ranking, each section's best passage comes first
 * ({@link DistinctSections}). Thread-safe when the embedder is.
 */
public final class Retriever {

    /**
     * How {@link Ranker#HYBRID} fuses its two rankings: a convex combination giving BM25 0.3, the only fusion the
     * retrieval benchmark never measured below another (plain reciprocal rank fusion fell below BM25 alone).
     */
    public static final Fusion DEFAULT_FUSION = Fusion.convex(0.3);

    /** A document made searchable by the rankers a run uses. */
    private record Indexes(DocumentIndex dense, LexicalIndex lexical) {}

    private final Ranker ranker;
    private final Embedder embedder;
    private final Fusion fusion;
    private final Indexes prd;
    private final Indexes proposal;
    private final int topK;

    private Retriever(Ranker ranker, Embedder embedder, Fusion fusion, Indexes prd, Indexes proposal, int topK) {
        this.ranker = Objects.requireNonNull(ranker, "ranker");
        if (ranker.usesEmbeddings()) {
            Objects.requireNonNull(embedder, "embedder");
        }
        if (topK <= 0) {
            throw new IllegalArgumentException("topK must be greater than 0, was " + topK);
        }
        this.embedder = embedder;
        this.fusion = Objects.requireNonNull(fusion, "fusion");
        this.prd = Objects.requireNonNull(prd, "prd");
        this.proposal = proposal;
        this.topK = topK;
    }

    /**
     * Dense retrieval over indexes already built.
     *
     * @param embedder the embedder the indexes were built with
     * @param prd      the PRD's index
     * @param proposal the proposal's index, or {@code null} when there is no proposal
     * @param topK     passages retrieved from each document, greater than 0
     * @throws IllegalArgumentException when {@code topK} is not positive
     */
    public Retriever(Embedder embedder, DocumentIndex prd, DocumentIndex proposal, int topK) {
        this(Ranker.DENSE, embedder, DEFAULT_FUSION, new Indexes(Objects.requireNonNull(prd, "prd"), null),
                proposal == null ? null : new Indexes(proposal, null), topK);
    }

    /** {@link #build(Ranker, Embedder, Fusion, List, List, int)} with the default fusion. */
    public static Retriever build(Ranker ranker, Embedder embedder, List<Chunk> prd, List<Chunk> proposal, int topK) {
        return build(ranker, embedder, DEFAULT_FUSION, prd, proposal, topK);
    }

    /**
     * Indexes the documents' passages for {@code ranker}: embeds them unless it is {@link Ranker#LEXICAL}, puts them
     * in a BM25 index unless it is {@link Ranker#DENSE}.
     *
     * @param embedder the embedder; may be {@code null} for {@link Ranker#LEXICAL}, which never embeds
     * @param proposal the proposal's passages, or {@code null} when there is no proposal
     * @throws dev.scrum.embed.EmbeddingException when the embedder fails
     */
    public static Retriever build(Ranker ranker, Embedder embedder, Fusion fusion, List<Chunk> prd,
            List<Chunk> proposal, int topK) {
        return build(ranker, embedder, fusion, LexicalScoring.DEFAULT, prd, proposal, topK);
    }

    /** As {@link #build(Ranker, Embedder, Fusion, List, List, int)}, BM25 scoring as {@code scoring} says. */
    public static Retriever build(Ranker ranker, Embedder embedder, Fusion fusion, LexicalScoring scoring,
            List<Chunk> prd, List<Chunk> proposal, int topK) {
        Embedder e = ranker.usesEmbeddings() ? Objects.requireNonNull(embedder, "embedder") : null;
        return new Retriever(ranker, e, fusion, indexes(ranker, e, scoring, prd),
                proposal == null ? null : indexes(ranker, e, scoring, proposal), topK);
    }

    private static Indexes indexes(Ranker ranker, Embedder embedder, LexicalScoring scoring, List<Chunk> chunks) {
        return new Indexes(ranker.usesEmbeddings() ? DocumentIndex.build(chunks, embedder) : null,
                ranker.usesLexical() ? LexicalIndex.build(chunks, scoring) : null);
    }

    /** How passages are ranked. */
    public Ranker ranker() {
        return ranker;
    }

    /**
     * Retrieves the passages for one source file. A file with no query text (only a header and imports, say)
     * gets empty lists.
     *
     * @throws dev.scrum.embed.EmbeddingException when the embedder fails
     */
    public Retrieval retrieve(String sourceText) {
        return retrieve(null, sourceText);
    }

    /**
     * As {@link #retrieve(String)}, the file's name a clue too: the name of its main type
     * ({@link SourceQuery#primaryName}) is matched against heading paths.
     *
     * @param path the file's path as the review names it, or {@code null}
     */
    public Retrieval retrieve(String path, String sourceText) {
        String body = SourceQuery.body(sourceText);
        if (body.isBlank()) {
            return new Retrieval(List.of(), List.of(), 0);
        }
        List<float[]> vectors = List.of();
        int queryPassages = 1;
        if (ranker.usesEmbeddings()) {
            String prefix = embedder.queryPrefix();
            List<String> passages = SourceQuery.cut(body, Math.max(1, embedder.maxInputChars() - prefix.length()));
            vectors = embedder.embed(passages.stream().map(p -> prefix + p).toList());
            queryPassages = passages.size();
        }
        String name = SourceQuery.primaryName(path, sourceText);
        List<ScoredChunk> fromProposal = proposal == null ? List.of() : search(proposal, body, name, vectors);
        return new Retrieval(search(prd, body, name, vectors), fromProposal, queryPassages);
    }

    private List<ScoredChunk> search(Indexes doc, String body, String name, List<float[]> vectors) {
        List<ScoredChunk> ranked = switch (ranker) {
            case LEXICAL -> doc.lexical().search(body, name, doc.lexical().size());
            case DENSE -> doc.dense().ranked(vectors);
            case HYBRID -> fusion.fuse(doc.dense().ranked(vectors),
                    doc.lexical().search(body, name, doc.lexical().size()));
        };
        return DistinctSections.first(ranked, topK);
    }
}
