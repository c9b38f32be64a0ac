package dev.scrum.retrieve;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How passages are ranked for a file: the {@code retrieval} parameter. */
public enum Ranker {
    /** BM25 over the file's words (Lucene, in memory): no model is loaded. */
    LEXICAL("lexical"),
    /** Cosine similarity of embeddings, each passage by its best match with any part of the file. */
    DENSE("dense"),
    /** Both, fused (see {@link Fusion}). */
    HYBRID("hybrid");

    /**
     * What a run uses unless told otherwise, chosen from the retrieval benchmark (see the README): BM25 over sections
     * found the labelled section of every ledgerly file, in Markdown and in AsciiDoc, first (recall@5 1.00, MRR
     * 1.00), in a tenth of a second and with no model; no dense model matched it, and hybrid retrieval only tied it
     * at a hundred times the CPU.
     */
    public static final Ranker DEFAULT = LEXICAL;

    private final String id;

    Ranker(String id) {
        this.id = id;
    }

    /** Its name in the {@code retrieval} parameter. */
    public String id() {
        return id;
    }

    /** Whether it needs an embedder. */
    public boolean usesEmbeddings() {
        return this != LEXICAL;
    }

    /** Whether it needs the lexical index. */
    public boolean usesLexical() {
        return this != DENSE;
    }

    /**
     * The ranker of that name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known ones
     */
    public static Ranker parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a retrieval: use "
                        + Arrays.stream(values()).map(Ranker::id).collect(Collectors.joining(", "))));
    }
}
