package dev.scrum.review;

import dev.scrum.report.ReportLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.scrum.cache.CacheKeySource;
import dev.scrum.embed.Embedder;
import dev.scrum.gate.GatePolicy;
import dev.scrum.report.FileReview;
import dev.scrum.report.GateDecision;
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
import java.util.Set;
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

    /** A progress that keeps its warnings. */
    private static Progress warningsTo(List<String> warnings) {
        return new Progress() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
    }

    /** The one review entry under {@code cache}. */
    private static Path onlyEntry(Path cache) throws java.io.IOException {
        try (var walk = Files.walk(cache.resolve("reviews"))) {
            List<Path> entries = walk.filter(p -> p.toString().endsWith(".json")).toList();
            assertEquals(1, entries.size(), entries.toString());
            return entries.get(0);
        }
    }

    @Test
    void anEntryEditedToScoreTenWithNoGapsIsReviewedAgainWithAWarningAndTheGateStillFails() throws Exception {
        Path cache = base.resolve("cache");
        String failing = GOOD.replace("8/10", "3/10");
        AtomicInteger calls = new AtomicInteger();
        ChatClient client = request -> {
            calls.incrementAndGet();
            return new ChatResponse(failing, FinishReason.STOP, 100, 50, 0, false, false, 0);
        };
        ReviewRequest one = request(cache).toBuilder().files(List.of("src/A.java"))
                .gate(new GatePolicy(true, 6, Set.of("missing"), true)).build();
        ReviewResult first = new Reviewer(services(client), Progress.SILENT).run(one);
        assertEquals(1, calls.get());
        assertEquals(GateDecision.Outcome.FAILED, first.run().gate().outcome());

        Path entry = onlyEntry(cache);
        String sealed = Files.readString(entry);
        JsonObject o = JsonParser.parseString(sealed).getAsJsonObject();
        JsonObject outcome = o.getAsJsonObject("review").getAsJsonObject("outcome");
        assertEquals(3, outcome.get("score").getAsInt());
        assertTrue(outcome.getAsJsonArray("findings").asList().stream()
                .anyMatch(f -> "gap".equals(f.getAsJsonObject().get("kind").getAsString())), sealed);
        outcome.addProperty("score", 10);
        JsonArray noGaps = new JsonArray();
        outcome.getAsJsonArray("findings").forEach(f -> {
            if (!"gap".equals(f.getAsJsonObject().get("kind").getAsString())) {
                noGaps.add(f);
            }
        });
        outcome.add("findings", noGaps);
        outcome.addProperty("acceptedMarkdown", outcome.get("acceptedMarkdown").getAsString()
                .replace("3/10", "10/10").replace("- missing: due dates.\n", ""));
        Files.writeString(entry, new Gson().toJson(o));

        List<String> warnings = new ArrayList<>();
        ReviewResult again = new Reviewer(services(client), warningsTo(warnings)).run(one);
        assertEquals(2, calls.get(), "the edited entry was not trusted: the model was asked again");
        assertEquals(1, again.run().callsThisRun());
        FileReview review = again.run().reviews().get(0);
        assertEquals(3, review.outcome().score());
        assertFalse(review.provenance().cached());
        assertEquals(GateDecision.Outcome.FAILED, again.run().gate().outcome(), "the edit did not turn the run green");
        assertEquals(List.of("Review cache entry " + entry + " does not match its MAC (edited, sealed with another "
                + "cache key, or not written by this cache) and was ignored: the file is reviewed again"), warnings);
        assertTrue(Files.readString(entry).contains("\"score\":3"), "the entry was rewritten by the new review");

        ReviewResult third = new Reviewer(services(client), Progress.SILENT).run(one);
        assertEquals(2, calls.get(), "the rewritten entry is trusted again");
        assertTrue(third.run().reviews().get(0).provenance().cached());
    }

    @Test
    void aKeyFileThatCannotBeReadTurnsTheCacheOffWithOneWarningAndEveryFileIsReviewed() throws Exception {
        Path cache = base.resolve("cache");
        Path key = Files.writeString(base.resolve("key"), "not a key");
        AtomicInteger calls = new AtomicInteger();
        ChatClient client = request -> {
            calls.incrementAndGet();
            return new ChatResponse(GOOD, FinishReason.STOP, 100, 50, 0, false, false, 0);
        };
        ReviewRequest sealedBy = request(cache).toBuilder().cacheKey(CacheKeySource.ofFile(key)).build();
        List<String> warnings = new ArrayList<>();
        ReviewResult result = new Reviewer(services(client), warningsTo(warnings)).run(sealedBy);
        new Reviewer(services(client), Progress.SILENT).run(sealedBy);
        assertEquals(6, calls.get(), "nothing came from the cache");
        assertEquals(3, result.run().resolvedCount());
        assertFalse(Files.exists(cache.resolve("reviews")), "nothing was written to it either");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("The cache is off for this run: no key from the key file " + key
                + " (the cache key file " + key + " does not hold 64 hexadecimal digits"), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("Set SCRUM_CACHE_KEY or point cacheKeyFile at a file this build can "
                + "read and write."), warnings.get(0));
    }

    @Test
    void theDefaultKeyFileIsBesideTheCacheAndARunWithNothingToReviewMakesNone() throws Exception {
        Path cache = base.resolve("cache");
        ReviewRequest nothing = request(cache).toBuilder().files(List.of()).build();
        assertEquals(CacheKeySource.ofFile(base.resolve("cache-key")), nothing.cacheKey());
        new Reviewer(services(request -> {
            throw new AssertionError("nothing to review");
        }), Progress.SILENT).run(nothing);
        assertFalse(Files.exists(base.resolve("cache-key")));

        ChatClient client = request -> new ChatResponse(GOOD, FinishReason.STOP, 100, 50, 0, false, false, 0);
        new Reviewer(services(client), Progress.SILENT).run(request(cache));
        assertTrue(Files.exists(base.resolve("cache-key")), "made on first use, outside the cache");
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
