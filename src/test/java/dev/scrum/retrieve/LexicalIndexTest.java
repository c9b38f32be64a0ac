package dev.scrum.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;

class LexicalIndexTest {

    private final IdentifierAnalyzer analyzer = new IdentifierAnalyzer(false);

    @Test
    void identifiersSplitIntoStemmedWordsAndCodeKeywordsAreNoWords() {
        Map<String, Integer> terms = analyzer.termCounts("text",
                "public boolean verifyChainInOnePass(int MAX_FAILED_ATTEMPTS) { return refunds.refunded(); }");
        assertTrue(terms.keySet().containsAll(List.of("verifi", "chain", "on", "pass", "max", "fail", "attempt",
                "refund")), terms.toString());
        assertTrue(terms.containsKey("verifychaininonepass"), "the whole identifier is kept too: " + terms);
        assertEquals(2, terms.get("refund"), "refunds and refunded meet");
        for (String gone : List.of("public", "boolean", "int", "return", "in", "the")) {
            assertTrue(!terms.containsKey(gone), gone + " in " + terms);
        }
    }

    @Test
    void ranksThePassagesThatShareTheFilesRareWordsFirstWithTheirRanks() {
        Chunk get = new Chunk(DocumentKind.PRD, 0, "### Get invoice\nReturns one invoice by its number.", "Invoices > Get invoice", 1);
        Chunk delete = new Chunk(DocumentKind.PRD, 60, "### Delete invoice\nA draft invoice may be deleted; "
                + "an issued one is voided instead.", "Invoices > Delete invoice", 4);
        Chunk login = new Chunk(DocumentKind.PRD, 160, "## Sign-in\nUsers sign in with a password.", "Sign-in", 9);
        LexicalIndex index = LexicalIndex.build(List.of(get, delete, login));

        List<ScoredChunk> hits = index.search("""
                void deleteDraftInvoice(InvoiceNumber number) {
                    if (invoice.isIssued()) { voidInvoice(invoice); } else { invoices.delete(invoice); }
                }""", 5);

        assertEquals(List.of(delete, get), hits.stream().map(ScoredChunk::chunk).toList(), "no shared word: no hit");
        assertEquals(1, hits.get(0).lexical().rank());
        assertEquals(2, hits.get(1).lexical().rank());
        assertEquals(hits.get(0).score(), hits.get(0).lexical().score());
        assertTrue(hits.get(0).score() > hits.get(1).score());
        assertEquals(null, hits.get(0).dense());
        assertTrue(hits.get(0).foundBy().startsWith("BM25 #1 ("), hits.get(0).foundBy());
    }

    @Test
    void theHeadingPathIsSearchedToo() {
        Chunk window = new Chunk(DocumentKind.PRD, 900, "the rest of a long section, with no heading line",
                "Webhooks > Retries", 30);
        Chunk other = new Chunk(DocumentKind.PRD, 0, "another section about the rest of it", "Exports", 1);
        List<ScoredChunk> hits = LexicalIndex.build(List.of(other, window)).search("class WebhookRetryPolicy {}", 5);
        assertEquals(List.of(window), hits.stream().map(ScoredChunk::chunk).toList());
    }

    @Test
    void aHugeFileStaysWithinLucenesClauseLimit() {
        String vocabulary = IntStream.range(0, 3000).mapToObj(i -> "word" + Integer.toString(i, 26).replaceAll("\\d", "x"))
                .collect(Collectors.joining(" "));
        LexicalIndex index = LexicalIndex.build(List.of(new Chunk(DocumentKind.PRD, 0, vocabulary, null, 0)));
        assertTrue(index.query(vocabulary).clauses().size() <= IndexSearcher.getMaxClauseCount());
        assertEquals(1, index.search(vocabulary, 5).size());
    }

    @Test
    void anEmptyIndexOrQueryFindsNothing() {
        assertEquals(List.of(), LexicalIndex.build(List.of()).search("invoice", 5));
        assertEquals(List.of(), LexicalIndex.build(List.of(new Chunk(DocumentKind.PRD, 0, "invoice", null, 0))).search("{ }", 5));
    }
}
