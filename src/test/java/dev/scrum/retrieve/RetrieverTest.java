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

    private final Chunk invoices = new Chunk(DocumentKind.PRD, 0, "Invoices are charged monthly; an invoice lists...");
    private final Chunk login = new Chunk(DocumentKind.PRD, 680, "Users login with a password; login attempts are...");
    private final Chunk search = new Chunk(DocumentKind.PROPOSAL, 0, "Search results are ranked; search must be fast.");
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
}
