package dev.scrum.retrieve;

/**
 * How {@link Ranker#LEXICAL} scores a passage for a file, all BM25 over words split at identifier boundaries:
 *
 * @param logTf weigh each of the file's terms {@code 1 + ln(count)} (else by its count: plain BM25 with the whole
 *     file as the query)
 * @param headingBoost how much a match in the passage's heading path adds, against its text's (0: the heading
 *     path is read as part of the text only)
 * @param sectionWeight how much the score of the passage's whole section (all its passages, one document) adds to
 *     the passage's own, each normalised to the best of its kind (0: passages alone)
 * @param nameWeight how much the words of the file's first type name ({@link SourceQuery#primaryName}) matched
 *     against the passage's heading path add, normalised to the best heading (0: the name is one more word)
 */
public record LexicalScoring(boolean logTf, double headingBoost, double sectionWeight, double nameWeight) {

    /**
     * What {@link Ranker#LEXICAL} uses unless told otherwise: each of the file's terms weighted by its count (plain
     * BM25 with the whole file as the query), and the file's type name matched against heading paths at half the
     * weight of the passage's own score. Of every lexical scoring the retrieval benchmark measures, the one whose
     * worst open set is best (MRR@10 0.80 on JavaPoet and on Micrometer without comments), the best or within 0.02
     * of the best recall@5 on every open set, in 0.2 s of CPU for 39 files and a 139 KB guide (README, "The open
     * sets").
     */
    public static final LexicalScoring DEFAULT = new LexicalScoring(false, 0, 0, 0.5);

    /** The scoring before the open sets: the whole file's words against each passage, nothing else. */
    public static final LexicalScoring PASSAGES_ONLY = new LexicalScoring(true, 0, 0, 0);

    public LexicalScoring(boolean logTf, double headingBoost, double sectionWeight) {
        this(logTf, headingBoost, sectionWeight, 0);
    }

    public LexicalScoring {
        if (headingBoost < 0 || sectionWeight < 0 || nameWeight < 0) {
            throw new IllegalArgumentException("weights must not be negative");
        }
    }

    /** For tables: {@code log tf, heading x2, section 0.5}. */
    public String name() {
        return (logTf ? "log tf" : "raw tf") + (headingBoost > 0 ? ", heading x" + fmt(headingBoost) : "")
                + (sectionWeight > 0 ? ", section " + fmt(sectionWeight) : "")
                + (nameWeight > 0 ? ", name " + fmt(nameWeight) : "");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
