package dev.scrum.review;

import dev.scrum.report.ReportLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.embed.Embedder;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.ChatClient;
import dev.scrum.llm.ChatResponse;
import dev.scrum.llm.FinishReason;
import dev.scrum.provider.EmbeddingSettings;
import dev.scrum.provider.Provider;
import dev.scrum.retrieve.Ranker;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewerTest {

    static final String GOOD = """
            Alignment score: 8/10

            1. `total` (line 3): round once at the end [PRD @0].
            2. `total` (line 4): keep the tax per line [PRD @0].
            3. `total` (line 5): name the currency [PRD @0].
            - missing: due dates.
            """;

    /** Bag-of-words vectors over a few words: enough for retrieval to run, no model needed. */
    static final class WordEmbedder implements Embedder {
        private static final List<String> WORDS = List.of("invoice", "tax", "refund", "ship", "order", "total");
        /** Every text embedded, in order. */
        final List<String> embedded = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "test/words";
        }

        @Override
        public int maxInputChars() {
            return 500;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            embedded.addAll(texts);
            List<float[]> out = new ArrayList<>();
            for (String t : texts) {
                float[] v = new float[WORDS.size() + 1];
                v[WORDS.size()] = 0.1f;
                for (int i = 0; i < WORDS.size(); i++) {
                    v[i] = t.toLowerCase().split(WORDS.get(i), -1).length - 1;
                }
                out.add(dev.scrum.retrieve.Vectors.normalize(v));
            }
            return out;
        }
    }

    /**
     * A request for the small projects of these tests: the PRD at {@code PRD.md}, passages of 200 characters, two
     * of them per file, answers of 100 characters, the reports under {@code target/}.
     */
    static ReviewRequest.Builder small(Path base, List<String> files, List<Rung> ladder) {
        return ReviewRequest.builder()
                .baseDir(base)
                .files(files)
                .prd(base.resolve("PRD.md"))
                .ladder(ladder)
                .chunkSize(200)
                .chunkOverlap(20)
                .topK(2)
                .minAnswerChars(100)
                .outputDirectory(base.resolve("target"));
    }

    /** Services whose chat client is whatever the test says. */
    static ModelServices services(ChatClient client) {
        return new ModelServices() {
            @Override
            public Embedder embedder(EmbeddingSettings settings) {
                return new WordEmbedder();
            }

            @Override
            public ChatClient chatClient(Rung rung) {
                return client;
            }

            @Override
            public void close() {}
        };
    }

    @TempDir
    Path base;

    @BeforeEach
    void project() throws Exception {
        Files.createDirectories(base.resolve("src"));
        Files.writeString(base.resolve("PRD.md"), "# PRD\n\nInvoices carry tax per line and a total. Refunds go back. "
                + "Orders ship in two days. ".repeat(10));
        for (String f : List.of("A", "B", "C")) {
            Files.writeString(base.resolve("src/" + f + ".java"),
                    "class " + f + " {\n  // invoice " + f + "\n  int total;\n  int tax;\n  int net;\n}\n");
        }
    }

    private ReviewRequest request(Path cache) {
        Rung rung = Rung.of(Provider.OLLAMA, "m", URI.create("http://localhost:11434")).withFormat(AnswerFormat.MARKDOWN);
        return ReviewRequest.builder()
                .baseDir(base)
                .files(List.of("src/A.java", "src/B.java", "src/C.java"))
                .prd(base.resolve("PRD.md"))
                .ladder(List.of(rung))
                .chunkSize(200)
                .chunkOverlap(20)
                .topK(2)
                .minAnswerChars(100)
                .threads(1)
                .outputDirectory(base.resolve("target"))
                .maxFileBytes(1 << 20)
                .cacheDirectory(cache)
                .reuseCached(true)
                .build();
    }

    @Test
    void aKilledRunResumesWithoutRedoingDecidedFiles() throws Exception {
        Path cache = base.resolve("cache");
        AtomicInteger calls = new AtomicInteger();
        ChatClient dyingOnTheThirdFile = request -> {
            if (calls.incrementAndGet() == 3) {
                throw new KilledError();
            }
            return new ChatResponse(GOOD, FinishReason.STOP, 100, 50, 0, false, false, 0);
        };
        assertThrows(KilledError.class, () -> {
            try {
                new Reviewer(services(dyingOnTheThirdFile), Progress.SILENT).run(request(cache));
            } catch (java.io.IOException e) {
                throw e.getCause();
            }
        });
        Path json = base.resolve("target/scrum");
        assertTrue(Files.exists(json.resolve(ReportLayout.reviewFileName("src/A.java"))), "A was written the moment it was decided");
        assertTrue(Files.exists(json.resolve(ReportLayout.reviewFileName("src/B.java"))));

        List<String> asked = new ArrayList<>();
        ChatClient healthy = request -> {
            asked.add(request.user().lines().findFirst().orElse(""));
            return new ChatResponse(GOOD, FinishReason.STOP, 100, 50, 0, false, false, 0);
        };
        ReviewResult again = new Reviewer(services(healthy), Progress.SILENT).run(request(cache));
        assertEquals(1, asked.size(), "only the file the killed run had not decided is reviewed again");
        assertTrue(asked.get(0).contains("src/C.java"), asked.get(0));
        assertEquals(3, again.run().resolvedCount());
        assertEquals(List.of(true, true, false), again.run().reviews().stream().map(r -> r.provenance().cached()).toList());
        assertEquals(1, again.run().callsThisRun());
    }

    /** Services that count how often an embedder is asked for, and what their one embedder embedded. */
    static final class CountingServices implements ModelServices {
        final AtomicInteger embedders = new AtomicInteger();
        final WordEmbedder words = new WordEmbedder();

        @Override
        public Embedder embedder(EmbeddingSettings settings) {
            embedders.incrementAndGet();
            return words;
        }

        @Override
        public ChatClient chatClient(Rung rung) {
            throw new AssertionError("a dry run calls no chat model");
        }

        @Override
        public void close() {}
    }

    private ReviewRequest dryRun(Path cache, Ranker ranker) {
        return request(cache).toBuilder().threads(2).dryRun(true).ranker(ranker).build();
    }

    @Test
    void aSecondRunOverUnchangedDocumentsAndFilesEmbedsNothing() throws Exception {
        for (Ranker ranker : List.of(Ranker.DENSE,
                Ranker.HYBRID)) {
            Path cache = base.resolve("cache-" + ranker.id());
            CountingServices first = new CountingServices();
            ReviewResult one = new Reviewer(first, Progress.SILENT).run(dryRun(cache, ranker));
            assertTrue(first.words.embedded.size() > 3, ranker + ": the PRD's passages and the files' queries");

            CountingServices second = new CountingServices();
            ReviewResult two = new Reviewer(second, Progress.SILENT).run(dryRun(cache, ranker));
            assertEquals(List.of(), second.words.embedded, ranker + ": every vector came from the cache");
            assertEquals(one.run().reviews().stream().map(r -> r.input().prdPassages()).toList(),
                    two.run().reviews().stream().map(r -> r.input().prdPassages()).toList(), ranker + ": the same passages");
            assertEquals(ranker.id(), two.run().retrieval());
        }
    }

    @Test
    void lexicalRetrievalLoadsNoEmbedder() throws Exception {
        CountingServices services = new CountingServices();
        ReviewResult result = new Reviewer(services, Progress.SILENT)
                .run(dryRun(base.resolve("cache"), Ranker.LEXICAL));
        assertEquals(0, services.embedders.get());
        assertEquals("", result.run().embedder());
        assertEquals("lexical", result.run().retrieval());
        assertTrue(result.run().reviews().stream().allMatch(r -> !r.input().prdPassages().isEmpty()
                && r.input().prdPassages().get(0).lexical() != null && "PRD".equals(r.input().prdPassages().get(0).chunk().heading())));
    }

    @Test
    void withoutReuseEveryFileIsReviewedAfresh() throws Exception {
        Path cache = base.resolve("cache");
        AtomicInteger calls = new AtomicInteger();
        ChatClient client = request -> {
            calls.incrementAndGet();
            return new ChatResponse(GOOD, FinishReason.STOP, 100, 50, 0, false, false, 0);
        };
        new Reviewer(services(client), Progress.SILENT).run(request(cache));
        new Reviewer(services(client), Progress.SILENT).run(request(cache));
        assertEquals(3, calls.get(), "the second run reused all three");
        ReviewRequest afresh = request(cache).toBuilder().reuseCached(false).build();
        new Reviewer(services(client), Progress.SILENT).run(afresh);
        assertEquals(6, calls.get());
    }

    @Test
    void filtersLeftOutByChangedSinceKeepTheirCachedReviewInTheReport() throws Exception {
        Path cache = base.resolve("cache");
        AtomicInteger calls = new AtomicInteger();
        ChatClient client = request -> {
            calls.incrementAndGet();
            return new ChatResponse(GOOD, FinishReason.STOP, 100, 50, 0, false, false, 0);
        };
        new Reviewer(services(client), Progress.SILENT).run(request(cache));
        Files.writeString(base.resolve("src/C.java"), "class C {\n  // invoice C, changed\n  int total;\n}\n");
        ReviewRequest changedOnly = request(cache).toBuilder().files(List.of("src/C.java"))
                .unchangedFiles(List.of("src/A.java", "src/B.java")).build();
        ReviewResult result = new Reviewer(services(client), Progress.SILENT).run(changedOnly);
        assertEquals(4, calls.get(), "only the changed file was asked about");
        assertEquals(List.of("src/C.java", "src/A.java", "src/B.java"),
                result.run().reviews().stream().map(x -> x.file()).toList());
        assertEquals(List.of(false, true, true), result.run().reviews().stream().map(x -> x.provenance().cached()).toList());
        assertTrue(Files.exists(base.resolve("target/scrum/" + ReportLayout.reviewFileName("src/A.java"))));
    }

    /** Stands for the JVM being killed half-way. */
    static final class KilledError extends Error {}
}
