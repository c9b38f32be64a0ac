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
 * weigh most: rare in the document, frequent in the file). Immutable and thread-safe; needs no model.
 */
final class LexicalIndex {

    private static final String TEXT = "text";
    private static final String POSITION = "i";

    private final List<Chunk> chunks;
    private final IndexSearcher searcher;
    private final IdentifierAnalyzer queryAnalyzer = new IdentifierAnalyzer(false);

    private LexicalIndex(List<Chunk> chunks, IndexSearcher searcher) {
        this.chunks = chunks;
        this.searcher = searcher;
    }

    /** Indexes {@code chunks} in memory. */
    public static LexicalIndex build(List<Chunk> chunks) {
        List<Chunk> copy = List.copyOf(chunks);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new IdentifierAnalyzer(true))
                .setSimilarity(new BM25Similarity())
                .setCommitOnClose(true);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < copy.size(); i++) {
                Document doc = new Document();
                doc.add(new TextField(TEXT, copy.get(i).searchText(), Field.Store.NO));
                doc.add(new StoredField(POSITION, i));
                writer.addDocument(doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("indexing passages in memory failed", e);
        }
        try {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(new BM25Similarity());
            return new LexicalIndex(copy, searcher);
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
        if (n <= 0) {
            throw new IllegalArgumentException("n must be greater than 0, was " + n);
        }
        BooleanQuery query = query(queryText);
        if (query.clauses().isEmpty() || chunks.isEmpty()) {
            return List.of();
        }
        try {
            ScoreDoc[] hits = searcher.search(query, Math.min(n, chunks.size())).scoreDocs;
            List<ScoredChunk> out = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                int i = searcher.storedFields().document(hit.doc).getField(POSITION).numericValue().intValue();
                out.add(new ScoredChunk(chunks.get(i), hit.score, null, null));
            }
            out.sort(Comparator.comparingDouble(ScoredChunk::score).reversed()
                    .thenComparingInt(s -> s.chunk().offset()));
            List<ScoredChunk> ranked = new ArrayList<>(out.size());
            for (int r = 0; r < out.size(); r++) {
                ScoredChunk s = out.get(r);
                ranked.add(new ScoredChunk(s.chunk(), s.score(), null, new ScoredChunk.Rank(r + 1, s.score())));
            }
            return ranked;
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory index failed", e);
        }
    }

    /** The file's words as one query: terms the index knows, weighted by how often the file uses them. */
    BooleanQuery query(String text) {
        IndexReader reader = searcher.getIndexReader();
        record Weighted(Term term, float weight, double idf) {}
        List<Weighted> terms = new ArrayList<>();
        try {
            for (Map.Entry<String, Integer> e : queryAnalyzer.termCounts(TEXT, text).entrySet()) {
                Term term = new Term(TEXT, e.getKey());
                int df = reader.docFreq(term);
                if (df > 0) {
                    float weight = (float) (1 + Math.log(e.getValue()));
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
