package dev.scrum.retrieve;

import dev.scrum.chunk.Chunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A document's passages in an in-memory Lucene index, ranked by BM25 against the words of a source file. Each
 * passage is indexed with its heading path ({@link Chunk#searchText()}), analyzed by {@link IdentifierAnalyzer}.
 * The query is the whole file as one bag of words: every distinct term that occurs in some passage, weighted by
 * {@code 1 + ln(count in the file)}, at most {@link IndexSearcher#getMaxClauseCount()} of them (the ones BM25 can
 * weigh most: rare in the document, frequent in the file). {@link LexicalScoring} may add, each normalised to its
 * best: the words of the file's type name against each section's heading path (the default: in a code base with
 * one class per feature, {@code ParameterSpec} belongs under "Parameters"), the file's words against the heading
 * paths alone, and against whole sections. Immutable and thread-safe; needs no model.
 */
final class LexicalIndex {

    private static final String TEXT = "text";
    private static final String POSITION = "i";

    private final List<Chunk> chunks;
    private final LexicalScoring scoring;
    private final IndexSearcher searcher;
    /** The heading paths, one document each, for {@link LexicalScoring#headingBoost()}; else {@code null}. */
    private final IndexSearcher headings;
    /** The sections, one document of all their passages each, for {@link LexicalScoring#sectionWeight()}. */
    private final IndexSearcher sections;
    /** Which section (and heading) document each passage is in. */
    private final int[] sectionOf;
    private final IdentifierAnalyzer queryAnalyzer = new IdentifierAnalyzer(false);

    private LexicalIndex(List<Chunk> chunks, LexicalScoring scoring, IndexSearcher searcher, IndexSearcher headings,
            IndexSearcher sections, int[] sectionOf) {
        this.chunks = chunks;
        this.scoring = scoring;
        this.searcher = searcher;
        this.headings = headings;
        this.sections = sections;
        this.sectionOf = sectionOf;
    }

    /** Indexes {@code chunks} in memory, scored the {@link LexicalScoring#DEFAULT} way. */
    public static LexicalIndex build(List<Chunk> chunks) {
        return build(chunks, LexicalScoring.DEFAULT);
    }

    /** Indexes {@code chunks} in memory, scored as {@code scoring} says. */
    public static LexicalIndex build(List<Chunk> chunks, LexicalScoring scoring) {
        List<Chunk> copy = List.copyOf(chunks);
        List<String> texts = copy.stream().map(Chunk::searchText).toList();
        // consecutive passages with one heading path are one section
        int[] sectionOf = new int[copy.size()];
        List<StringBuilder> sectionTexts = new ArrayList<>();
        List<String> headingTexts = new ArrayList<>();
        for (int i = 0; i < copy.size(); i++) {
            String heading = copy.get(i).heading() == null ? "" : copy.get(i).heading();
            if (i == 0 || !heading.equals(headingTexts.get(headingTexts.size() - 1))) {
                headingTexts.add(heading);
                sectionTexts.add(new StringBuilder(heading));
            }
            sectionOf[i] = sectionTexts.size() - 1;
            sectionTexts.get(sectionTexts.size() - 1).append('\n').append(copy.get(i).text());
        }
        return new LexicalIndex(copy, scoring, open(texts),
                scoring.headingBoost() > 0 || scoring.nameWeight() > 0 ? open(headingTexts) : null,
                scoring.sectionWeight() > 0 ? open(sectionTexts.stream().map(StringBuilder::toString).toList()) : null,
                sectionOf);
    }

    private static IndexSearcher open(List<String> texts) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new IdentifierAnalyzer(true))
                .setSimilarity(new BM25Similarity())
                .setCommitOnClose(true);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < texts.size(); i++) {
                Document doc = new Document();
                doc.add(new TextField(TEXT, texts.get(i), Field.Store.NO));
                doc.add(new StoredField(POSITION, i));
                writer.addDocument(doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("indexing passages in memory failed", e);
        }
        try {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(new BM25Similarity());
            return searcher;
        } catch (IOException e) {
            throw new UncheckedIOException("opening the in-memory index failed", e);
        }
    }

    /** How many passages the index holds. */
    public int size() {
        return chunks.size();
    }

    /**
     * The passages BM25 ranks highest for {@code queryText}, best first, each with its rank; at most {@code n}.
     * Passages sharing no term with the query are not returned. Ties go to the earlier passage.
     */
    public List<ScoredChunk> search(String queryText, int n) {
        return search(queryText, SourceQuery.primaryName(null, queryText), n);
    }

    /**
     * As {@link #search(String, int)}, {@code name} (the file's main type, {@code ""} for none) matched against
     * heading paths as {@link LexicalScoring#nameWeight()} says.
     */
    public List<ScoredChunk> search(String queryText, String name, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be greater than 0, was " + n);
        }
        if (chunks.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> counts = queryAnalyzer.termCounts(TEXT, queryText);
        double[] passage = scores(searcher, counts, chunks.size());
        if (passage == null) {
            return List.of();
        }
        double[] total = passage.clone();
        if (headings != null && scoring.headingBoost() > 0) {
            double[] heading = scores(headings, counts, headings.getIndexReader().numDocs());
            double best = max(passage);
            double bestHeading = heading == null ? 0 : max(heading);
            for (int i = 0; i < total.length && bestHeading > 0; i++) {
                total[i] = passage[i] / best + scoring.headingBoost() * heading[sectionOf[i]] / bestHeading;
            }
        }
        if (sections != null) {
            double[] section = scores(sections, counts, sections.getIndexReader().numDocs());
            double best = max(total);
            double bestSection = section == null ? 0 : max(section);
            for (int i = 0; i < total.length && bestSection > 0; i++) {
                total[i] = total[i] / best + scoring.sectionWeight() * section[sectionOf[i]] / bestSection;
            }
        }
        if (scoring.nameWeight() > 0 && name != null && !name.isEmpty()) {
            Map<String, Integer> nameTerms = new java.util.HashMap<>(queryAnalyzer.termCounts(TEXT, name));
            nameTerms.replaceAll((term, count) -> 1);
            double[] named = scores(headings, nameTerms, headings.getIndexReader().numDocs());
            double best = max(total);
            double bestNamed = named == null ? 0 : max(named);
            for (int i = 0; i < total.length && bestNamed > 0; i++) {
                total[i] = total[i] / best + scoring.nameWeight() * named[sectionOf[i]] / bestNamed;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < total.length; i++) {
            if (passage[i] > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -total[i]).thenComparingInt(i -> chunks.get(i).offset()));
        List<ScoredChunk> ranked = new ArrayList<>(Math.min(n, order.size()));
        for (int r = 0; r < Math.min(n, order.size()); r++) {
            int i = order.get(r);
            float score = (float) total[i];
            ranked.add(new ScoredChunk(chunks.get(i), score, null, new ScoredChunk.Rank(r + 1, score)));
        }
        return ranked;
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m == 0 ? 1 : m;
    }

    /** Each document's BM25 score for the file's terms, by position; {@code null} when no term is known. */
    private double[] scores(IndexSearcher index, Map<String, Integer> counts, int size) {
        BooleanQuery query = query(index, counts);
        if (query.clauses().isEmpty()) {
            return null;
        }
        try {
            double[] out = new double[size];
            for (ScoreDoc hit : index.search(query, size).scoreDocs) {
                int i = index.storedFields().document(hit.doc).getField(POSITION).numericValue().intValue();
                out[i] = hit.score;
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory index failed", e);
        }
    }

    /** The file's words as one query: terms the index knows, weighted by how often the file uses them. */
    BooleanQuery query(String text) {
        return query(searcher, queryAnalyzer.termCounts(TEXT, text));
    }

    private BooleanQuery query(IndexSearcher index, Map<String, Integer> counts) {
        IndexReader reader = index.getIndexReader();
        record Weighted(Term term, float weight, double idf) {}
        List<Weighted> terms = new ArrayList<>();
        try {
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                Term term = new Term(TEXT, e.getKey());
                int df = reader.docFreq(term);
                if (df > 0) {
                    float weight = scoring.logTf() ? (float) (1 + Math.log(e.getValue())) : e.getValue();
                    terms.add(new Weighted(term, weight, Math.log(1 + (reader.numDocs() - df + 0.5) / (df + 0.5))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the in-memory index failed", e);
        }
        int max = IndexSearcher.getMaxClauseCount();
        if (terms.size() > max) {
            terms.sort(Comparator.comparingDouble((Weighted w) -> w.weight() * w.idf()).reversed());
            terms = terms.subList(0, max);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Weighted w : terms) {
            b.add(new BoostQuery(new TermQuery(w.term()), w.weight()), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }
}
