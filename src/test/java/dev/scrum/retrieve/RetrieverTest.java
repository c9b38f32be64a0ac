package dev.scrum.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retriever's plumbing, with a keyword-counting embedder; {@link LocalModelRetrievalTest} runs the real model. */
class RetrieverTest {

    private final FakeEmbedder embedder = FakeEmbedder.keywords(60, "invoice", "login", "search");

    private final Chunk invoices = new Chunk(DocumentKind.PRD, 0, "Invoices are charged monthly; an invoice lists...", null, 0);
    private final Chunk login = new Chunk(DocumentKind.PRD, 680, "Users login with a password; login attempts are...", null, 0);
    private final Chunk search = new Chunk(DocumentKind.PROPOSAL, 0, "Search results are ranked; search must be fast.", null, 0);
    private final DocumentIndex prd = DocumentIndex.build(List.of(invoices, login), embedder);
    private final DocumentIndex proposal = DocumentIndex.build(List.of(search), embedder);

    private static final String FILE = SourceQueryTest.APACHE_HEADER + """
            package com.example.invoice;

            import com.example.login.Session;

            class InvoicePrinter {
                void print(Invoice invoice) { /* invoice layout */ }
            }
            """;

    @Test
    void queriesWithTheFileBodyCutToTheEmbeddersInputSize() {
        embedder.calls.clear();
        Retrieval retrieval = new Retriever(embedder, prd, proposal, 5).retrieve(FILE);

        assertEquals(1, embedder.calls.size());
        List<String> queries = embedder.calls.get(0);
        assertEquals(queries.size(), retrieval.queryPassages());
        assertTrue(queries.size() >= 2, queries.toString());
        assertTrue(queries.stream().allMatch(q -> q.length() <= 60), queries.toString());
        assertTrue(queries.stream().noneMatch(q -> q.contains("License") || q.contains("import")), queries.toString());

        assertEquals(invoices, retrieval.prd().get(0).chunk(), "the import of com.example.login does not count");
        assertEquals(List.of(invoices, login), retrieval.prd().stream().map(ScoredChunk::chunk).toList());
        assertEquals(List.of(search), retrieval.proposal().stream().map(ScoredChunk::chunk).toList());
    }

    @Test
    void topKLimitsEachDocument() {
        Retrieval retrieval = new Retriever(embedder, prd, proposal, 1).retrieve(FILE);
        assertEquals(1, retrieval.prd().size());
        assertEquals(1, retrieval.proposal().size());
    }

    @Test
    void withoutProposalOnlyThePrdIsSearched() {
        Retrieval retrieval = new Retriever(embedder, prd, null, 5).retrieve(FILE);
        assertEquals(2, retrieval.prd().size());
        assertEquals(List.of(), retrieval.proposal());
    }

    @Test
    void aFileWithNoQueryTextGetsEmptyListsWithoutCallingTheEmbedder() {
        embedder.calls.clear();
        String onlyImports = SourceQueryTest.APACHE_HEADER + "package a;\nimport b.C;\n";
        Retrieval retrieval = new Retriever(embedder, prd, proposal, 5).retrieve(onlyImports);

        assertEquals(new Retrieval(List.of(), List.of(), 0), retrieval);
        assertEquals(List.of(), embedder.calls);
    }

    @Test
    void topKMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Retriever(embedder, prd, proposal, 0));
        assertTrue(e.getMessage().contains("topK"), e.getMessage());
    }

    @Test
    void lexicalRetrievalNeedsNoEmbedderAndQueriesWithTheWholeBody() {
        Retriever retriever = Retriever.build(Ranker.LEXICAL, null, List.of(invoices, login), List.of(search), 5);
        Retrieval retrieval = retriever.retrieve(FILE);

        assertEquals(List.of(invoices), retrieval.prd().stream().map(ScoredChunk::chunk).toList(),
                "the login import is no query word");
        assertEquals(List.of(), retrieval.proposal());
        assertEquals(1, retrieval.queryPassages());
        assertEquals(1, retrieval.prd().get(0).lexical().rank());
    }

    @Test
    void hybridRetrievalFusesBothRankingsAndKeepsTheirRanks() {
        embedder.calls.clear();
        Retrieval retrieval = Retriever.build(Ranker.HYBRID, embedder, List.of(invoices, login), null, 5)
                .retrieve(FILE);

        assertEquals(List.of(invoices, login), retrieval.prd().stream().map(ScoredChunk::chunk).toList());
        ScoredChunk top = retrieval.prd().get(0);
        assertEquals(1, top.dense().rank());
        assertEquals(1, top.lexical().rank());
        assertEquals(null, retrieval.prd().get(1).lexical());
        assertEquals(2, embedder.calls.size(), "the PRD's passages once, the file's query passages once");
    }

    @Test
    void passagesAndQueriesCarryTheModelsPrefixesWithinItsInputSize() {
        List<List<String>> calls = new java.util.ArrayList<>();
        dev.scrum.embed.Embedder e5 = new dev.scrum.embed.Embedder() {
            @Override
            public String name() {
                return "fake/e5";
            }

            @Override
            public int maxInputChars() {
                return 70;
            }

            @Override
            public String queryPrefix() {
                return "query: ";
            }

            @Override
            public String passagePrefix() {
                return "passage: ";
            }

            @Override
            public List<float[]> embed(List<String> texts) {
                calls.add(texts);
                return embedder.embed(texts);
            }
        };
        Chunk headed = new Chunk(DocumentKind.PRD, 0, invoices.text(), "Billing > Invoices", 3);
        Retriever.build(Ranker.DENSE, e5, List.of(headed), null, 5).retrieve(FILE);

        assertTrue(calls.get(0).stream().allMatch(t -> t.startsWith("passage: ") && t.length() <= 70), calls.toString());
        assertTrue(calls.get(0).get(0).startsWith("passage: Billing > Invoices"), "the heading path is embedded too");
        assertTrue(calls.get(0).size() >= 2, "a passage longer than the model reads is embedded in pieces");
        assertTrue(calls.get(1).stream().allMatch(t -> t.startsWith("query: ") && t.length() <= 70), calls.toString());
    }
}
