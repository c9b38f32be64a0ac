package dev.scrum.retrieve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Words of prose and of code alike, for BM25: Lucene's {@link StandardTokenizer}, then
 * {@link WordDelimiterGraphFilter} splitting identifiers at case changes, digits and underscores
 * ({@code verifyChainInOnePass} gives {@code verify chain in one pass}, {@code MAX_FAILED_ATTEMPTS} gives
 * {@code max failed attempts}; the whole identifier is kept too), lower case, English stop words and the keywords
 * of Java-like languages removed ({@code public}, {@code return}, {@code void}: they say nothing of what a file is
 * about), and Porter stemming ({@code refunds}, {@code refunded} and {@code refund} meet).
 */
final class IdentifierAnalyzer extends Analyzer {

    private static final int SPLIT = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;

    /** The keywords and ubiquitous names of Java, Kotlin, Scala, Groovy, C#, TypeScript and Python code. */
    static final List<String> CODE_WORDS = List.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "def", "default", "do", "double", "elif", "else", "enum", "extends",
            "false", "final", "finally", "float", "for", "fun", "if", "implements", "import", "instanceof", "int",
            "interface", "internal", "lambda", "let", "long", "native", "new", "none", "null", "object", "override",
            "package", "private", "protected", "public", "readonly", "record", "return", "self", "short", "static",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "true", "try", "val", "var",
            "void", "volatile", "while", "string", "java", "util", "lang", "param", "code", "link", "see");

    private static final CharArraySet STOP_WORDS;

    static {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        words.addAll(CODE_WORDS);
        STOP_WORDS = CharArraySet.unmodifiableSet(words);
    }

    private final boolean indexing;

    /**
     * @param indexing {@code true} for the analyzer that writes an index (the graph of split identifiers is
     *     flattened, as an index needs); {@code false} for one that only reads terms
     */
    public IdentifierAnalyzer(boolean indexing) {
        this.indexing = indexing;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream words = new WordDelimiterGraphFilter(source, SPLIT, null);
        if (indexing) {
            words = new FlattenGraphFilter(words);
        }
        words = new LowerCaseFilter(words);
        words = new StopFilter(words, STOP_WORDS);
        return new TokenStreamComponents(source, new PorterStemFilter(words));
    }

    /** The terms of {@code text} and how often each occurs, in order of first occurrence. */
    public Map<String, Integer> termCounts(String field, String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (TokenStream ts = tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing text in memory failed", e);
        }
        return counts;
    }
}
