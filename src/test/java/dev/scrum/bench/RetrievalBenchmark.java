package dev.scrum.bench;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.Chunker;
import dev.scrum.chunk.SectionChunker;
import dev.scrum.chunk.WindowChunker;
import dev.scrum.embed.Embedder;
import dev.scrum.embed.LocalEmbedder;
import dev.scrum.embed.LocalModel;
import dev.scrum.retrieve.DocumentIndex;
import dev.scrum.retrieve.Fusion;
import dev.scrum.retrieve.LexicalScoring;
import dev.scrum.retrieve.Ranker;
import dev.scrum.retrieve.Retriever;
import dev.scrum.retrieve.ScoredChunk;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's retrieval benchmark: recall@5, MRR@10 and time of every way to pick a file's PRD passages, on the
 * labelled sets (ledgerly in Markdown, in AsciiDoc, and in Markdown with its files' comments removed; the bundled
 * example; the dry-run invoker project), each with character windows and with sections. Prints a table and writes it to {@code target/benchmark-retrieval.md}.
 * Time is indexing the PRD plus retrieving for every labelled file, the model already loaded, nothing cached: the
 * process's CPU time (what a build pays, whatever else runs on the machine) and the wall time.
 * Run with {@code mvn -B test -Pbenchmark -Dtest=RetrievalBenchmark}; {@code -Dbench.only=<regex>} keeps the ways
 * whose name it finds, {@code -Dbench.sets=<regex>} the sets, {@code -Dbench.chunkings=<text>} the chunkings
 * ({@code windows}, {@code sections}).
 */
@Tag("benchmark")
class RetrievalBenchmark {

    private static final int K = 10;
    /** The process's CPU time: unlike wall time, what other processes on the machine do does not count. */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One way to rank a document's passages for a file. */
    private record Way(String name, String model, Function<Run, Map<String, List<ScoredChunk>>> rank) {}

    /** What a way ranks: a set's files against its PRD's passages. */
    private record Run(LabelledSet set, List<Chunk> passages) {}

    private final Map<LocalModel, Embedder> embedders = new EnumMap<>(LocalModel.class);
    private boolean warmedLucene;

    @Test
    void benchmark() throws IOException {
        List<LabelledSet> sets = new ArrayList<>();
        for (String prd : List.of("PRD.md", "PRD.adoc")) {
            if (Files.isRegularFile(LabelledSet.ledgerlyDir().resolve("docs").resolve(prd))) {
                sets.add(LabelledSet.ledgerly(prd));
            }
        }
        if (!sets.isEmpty()) {
            sets.add(sets.get(0).withoutComments());
        }
        sets.addAll(LabelledSet.openSets());
        sets.add(LabelledSet.example());
        sets.add(LabelledSet.load("dry-run-no-server", LabelledSet.ROOT.resolve("src/it/dry-run-no-server"),
                "docs/PRD.md", "docs/PROPOSAL.md", "expected-sections.properties"));
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(System.getProperty("bench.only", ""));
        java.util.regex.Pattern setNames = java.util.regex.Pattern.compile(System.getProperty("bench.sets", ""));
        sets.removeIf(set -> !setNames.matcher(set.name()).find());
        // one row per way and chunking: recall@5 / MRR@10 on each set, and the time of the first set
        Map<String, List<String>> rows = new LinkedHashMap<>();
        StringBuilder detail = new StringBuilder("| set | passages | retrieval | recall@5 | MRR@10 | CPU time | wall time |\n"
                + "|---|---|---|---|---|---|---|\n");
        StringBuilder misses = new StringBuilder();
        for (LabelledSet set : sets) {
            for (Map.Entry<String, Chunker> chunking : chunkings().entrySet()) {
                if (!chunking.getKey().contains(System.getProperty("bench.chunkings", ""))) {
                    continue;
                }
                List<Chunk> passages = chunking.getValue().chunk(set.prd());
                for (Way way : ways()) {
                    if (!only.matcher(way.name()).find()) {
                        continue;
                    }
                    warm(way.model());
                    long start = System.nanoTime();
                    long cpuStart = CPU.getProcessCpuTime();
                    Map<String, List<ScoredChunk>> rankings = way.rank().apply(new Run(set, passages));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpu = (CPU.getProcessCpuTime() - cpuStart) / 1e9;
                    LabelledSet.Score score = set.score(rankings);
                    String line = String.format(Locale.ROOT, "| %s (%d files) | %s (%d) | %s | %.2f | %.2f | %.1f s | %.1f s |",
                            set.name(), set.labels().size(), chunking.getKey(), passages.size(), way.name(),
                            score.recallAt5(), score.mrr(), cpu, seconds);
                    System.out.println(line);
                    detail.append(line).append('\n');
                    List<String> row = rows.computeIfAbsent(way.name() + " | " + chunking.getKey(), k -> new ArrayList<>());
                    row.add(String.format(Locale.ROOT, "%.2f / %.2f", score.recallAt5(), score.mrr()));
                    if (set == sets.get(0)) {
                        row.add(0, String.format(Locale.ROOT, "%.1f s", cpu));
                    }
                    score.misses().forEach(m -> misses.append("- ").append(set.name()).append(", ")
                            .append(chunking.getKey()).append(", ").append(way.name()).append(": ").append(m)
                            .append('\n'));
                }
            }
        }
        StringBuilder table = new StringBuilder("| retrieval | passages | CPU time, " + sets.get(0).name() + " |");
        sets.forEach(set -> table.append(' ').append(set.name()).append(" (").append(set.labels().size())
                .append(" files) |"));
        table.append("\n|---|---|---|").append("---|".repeat(sets.size())).append('\n');
        rows.forEach((way, cells) -> {
            String time = cells.remove(0);
            table.append("| ").append(way).append(" | ").append(time).append(" | ").append(String.join(" | ", cells))
                    .append(" |\n");
        });
        String report = "Each cell: recall@5 / MRR@10 of the labelled files' PRD passages. CPU time: indexing the PRD "
                + "and retrieving for every labelled file of the first set, the model loaded, nothing cached.\n\n"
                + table + "\nEvery measurement (wall time too):\n\n" + detail
                + "\nMisses (files whose labelled sections were not in the top 5):\n\n" + misses;
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmark-retrieval.md"), report);
    }

    private static Map<String, Chunker> chunkings() {
        Map<String, Chunker> c = new LinkedHashMap<>();
        c.put("windows", WindowChunker.defaults());
        c.put("sections", new SectionChunker(WindowChunker.DEFAULT_SIZE, WindowChunker.DEFAULT_OVERLAP));
        return c;
    }

    private List<Way> ways() {
        String bge = LocalModel.BGE_SMALL_EN_V15_Q.id();
        List<Way> ways = new ArrayList<>();
        ways.add(new Way("first 800 characters, dense " + bge + " (the old way)", bge, this::firstChars));
        for (LocalModel m : LocalModel.values()) {
            ways.add(new Way("dense " + m.id(), m.id(), r -> retrieve(r, Ranker.DENSE, embedder(m), Retriever.DEFAULT_FUSION)));
        }
        ways.add(new Way("lexical (BM25), its default: " + LexicalScoring.DEFAULT.name(), "",
                r -> retrieve(r, Ranker.LEXICAL, null, Retriever.DEFAULT_FUSION)));
        for (LexicalScoring s : List.of(LexicalScoring.PASSAGES_ONLY, new LexicalScoring(true, 0, 0, 0.5), new LexicalScoring(false, 0, 0),
                new LexicalScoring(true, 1, 0),
                new LexicalScoring(true, 0.5, 0), new LexicalScoring(true, 0, 0.5), new LexicalScoring(true, 0, 1),
                new LexicalScoring(true, 0.5, 0.5), new LexicalScoring(false, 0.5, 0.5), new LexicalScoring(true, 1, 1),
                new LexicalScoring(true, 0, 0, 1), new LexicalScoring(true, 0, 0.5, 0.5),
                new LexicalScoring(true, 0, 1, 0.5), new LexicalScoring(false, 0, 0, 0.5), new LexicalScoring(true, 0, 0.5, 0.3))) {
            ways.add(new Way("lexical, " + s.name(), "", r -> retrieve(r, Ranker.LEXICAL, null, s)));
        }
        ways.add(new Way("hybrid: BM25 + dense " + bge + ", " + Retriever.DEFAULT_FUSION.name() + " (its default)", bge,
                r -> retrieve(r, Ranker.HYBRID, embedder(LocalModel.DEFAULT), Retriever.DEFAULT_FUSION)));
        for (Fusion f : List.of(Fusion.convex(0.5), Fusion.convex(0.7), Fusion.reciprocalRank(60, 1, 1),
                Fusion.reciprocalRank(60, 2, 1))) {
            ways.add(new Way("hybrid, " + f.name(), bge, r -> retrieve(r, Ranker.HYBRID, embedder(LocalModel.DEFAULT), f)));
        }
        return ways;
    }

    private Map<String, List<ScoredChunk>> retrieve(Run run, Ranker ranker, Embedder embedder, Fusion fusion) {
        return retrieve(run, ranker, embedder, fusion, LexicalScoring.DEFAULT);
    }

    private Map<String, List<ScoredChunk>> retrieve(Run run, Ranker ranker, Embedder embedder, LexicalScoring scoring) {
        return retrieve(run, ranker, embedder, Retriever.DEFAULT_FUSION, scoring);
    }

    private Map<String, List<ScoredChunk>> retrieve(Run run, Ranker ranker, Embedder embedder, Fusion fusion,
            LexicalScoring scoring) {
        Retriever retriever = Retriever.build(ranker, embedder, fusion, scoring, run.passages(), null, K);
        Map<String, List<ScoredChunk>> out = new LinkedHashMap<>();
        run.set().sources().forEach((file, text) -> out.put(file, retriever.retrieve(file, text).prd()));
        return out;
    }

    /** The original pipeline: the file's first 800 characters, licence header and all, as one query. */
    private Map<String, List<ScoredChunk>> firstChars(Run run) {
        Embedder e = embedder(LocalModel.DEFAULT);
        DocumentIndex index = DocumentIndex.build(run.passages(), e);
        Map<String, List<ScoredChunk>> out = new LinkedHashMap<>();
        run.set().sources().forEach((file, text) -> out.put(file,
                index.topK(e.embed(List.of(text.substring(0, Math.min(800, text.length())))), K)));
        return out;
    }

    private Embedder embedder(LocalModel m) {
        return embedders.computeIfAbsent(m, LocalEmbedder::new);
    }

    /** Loads the model, and Lucene's classes and their compiled code, before anything is timed. */
    private void warm(String model) {
        if (!model.isEmpty()) {
            embedder(LocalModel.named(model)).embed(List.of("warm up"));
        }
        if (!warmedLucene) {
            LabelledSet example = LabelledSet.example();
            for (int i = 0; i < 20; i++) {
                Retriever r = Retriever.build(Ranker.LEXICAL, null, WindowChunker.defaults().chunk(example.prd()), null, K);
                example.sources().values().forEach(r::retrieve);
            }
            warmedLucene = true;
        }
    }
}
