package dev.scrum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scrum.embed.LocalEmbedder;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.provider.EmbeddingSettings;
import dev.scrum.provider.Provider;
import dev.scrum.retrieve.SourceQuery;
import dev.scrum.review.HttpModelServices;
import dev.scrum.review.Progress;
import dev.scrum.review.ReviewRequest;
import dev.scrum.review.ReviewResult;
import dev.scrum.review.Reviewer;
import dev.scrum.testing.FakeModelServer;
import dev.scrum.testing.RecordedRequest;
import dev.scrum.testing.Reply;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's scale benchmark: the real review library over real HTTP against an in-process stub server with a
 * fixed latency per call. Prints a table and writes it to {@code target/benchmark-scale.md}. A benchmark, not a
 * timed test: it asserts only counts (calls made, lines sent), never a time. Run with
 * {@code mvn -B test -Pbenchmark -Dtest=ScaleBenchmark}.
 */
@Tag("benchmark")
class ScaleBenchmark {

    private static final String ANSWER = """
            Alignment score: 7/10

            1. `handle0`: record each event with its amount in the audit trail [PRD @0].
            2. `handle1`: reject amounts of zero or less before they are recorded [PRD @0].
            3. `handle2`: keep the policy version with each entry, as the PRD asks [PRD @0].

            - partial: events are recorded, but nothing is sent back to the payment provider [PRD @0].
            """;

    private static final String[] TOPICS = {"invoice", "refund", "shipping", "catalog", "search", "login",
        "password", "audit", "notification", "payment", "coupon", "inventory", "warehouse", "tax", "report",
        "export", "import", "schedule", "booking", "rating"};

    @TempDir
    Path dir;

    private final StringBuilder table = new StringBuilder();

    @Test
    void scale() throws Exception {
        row("| scenario | figure |", "|---|---|");
        Path prd = dir.resolve("PRD.md");
        Files.writeString(prd, prd(100_000));
        List<String> files48 = sources(dir.resolve("p48"), 48, 2_000);
        try (FakeModelServer server = FakeModelServer.start()) {
            Path cache = dir.resolve("cache");
            // 0. the first run of a project: nothing cached, threads 8
            server.script("cold", Reply.delay(1000, Reply.content(ANSWER)));
            long cold = timed(() -> run(dir.resolve("p48"), files48, prd, List.of(rung(server, "cold", 8)), 8, cache));
            row(String.format(Locale.ROOT, "| 48 files, 1 s a call, threads 8, first run (nothing cached) | %.1f s |",
                    cold / 1000.0));
            // 1. threads 1, 4, 8 against one rung that takes 8 calls at once, 1 s per call; vectors cached by the
            // run above, reviews not (each run asks another model name, so no review of it is cached)
            Map<Integer, Long> wall = new HashMap<>();
            for (int threads : new int[] {1, 4, 8}) {
                String model = "bench-t" + threads;
                server.script(model, Reply.delay(1000, Reply.content(ANSWER)));
                int before = chats(server);
                long t = timed(() -> run(dir.resolve("p48"), files48, prd, List.of(rung(server, model, 8)), threads,
                        cache));
                assertEquals(48, chats(server) - before);
                wall.put(threads, t);
                row(String.format(Locale.ROOT, "| 48 files, 1 s a call, threads %d | %.1f s (%.2fx) |", threads,
                        t / 1000.0, (double) wall.get(1) / t));
            }
            row(String.format(Locale.ROOT, "| ideal at threads 8: ceil(48/8) x 1 s | 6.0 s; measured %.2fx of it |",
                    wall.get(8) / 6000.0));
            // 2. the same run again, unchanged
            int before = chats(server);
            long again = timed(() -> run(dir.resolve("p48"), files48, prd, List.of(rung(server, "bench-t8", 8)), 8,
                    cache));
            row(String.format(Locale.ROOT, "| the same 48 files again, unchanged | %d chat calls, %.1f s |",
                    chats(server) - before, again / 1000.0));
            // 3. one server capped at 2 against two replicas capped at 2 each
            try (FakeModelServer second = FakeModelServer.start()) {
                for (FakeModelServer s : List.of(server, second)) {
                    s.script("one", Reply.delay(1000, Reply.content(ANSWER)));
                    s.script("two", Reply.delay(1000, Reply.content(ANSWER)));
                }
                List<String> files16 = files48.subList(0, 16);
                long one = timed(() -> run(dir.resolve("p48"), files16, prd, List.of(rung(server, "one", 2)), 8, cache));
                long two = timed(() -> run(dir.resolve("p48"), files16, prd,
                        List.of(replicas(server, second, "two", 2)), 8, cache));
                row(String.format(Locale.ROOT, "| 16 files, one server capped at 2 | %.1f s |", one / 1000.0));
                row(String.format(Locale.ROOT, "| 16 files, two replicas capped at 2 each | %.1f s (%.2fx) |",
                        two / 1000.0, (double) one / two));
            }
            // 5. a 200 KB file: parts, and every line sent
            Path big = dir.resolve("big");
            Files.createDirectories(big.resolve("src"));
            String bigText = bigFile(200_000);
            Files.writeString(big.resolve("src/Big.java"), bigText);
            server.script("big", Reply.content(ANSWER));
            int first = server.requests("/api/chat").size();
            ReviewResult result = run(big, List.of("src/Big.java"), prd, List.of(rung(server, "big", 8)), 1, null);
            List<RecordedRequest> sent = server.requests("/api/chat").subList(first, server.requests("/api/chat").size());
            int parts = result.run().reviews().get(0).provenance().parts().size();
            row(String.format(Locale.ROOT, "| a %,d-byte file, default Ollama window (32K) | %d parts + 1 consolidation; "
                    + "%s of %d lines sent |", bigText.length(), parts, linesSent(sent, bigText), bigText.split("\n").length));
        }
        // 4. 1,000 files of about 5 KB against a 100 KB PRD, default embedder, dry run
        List<String> files1000 = sources(dir.resolve("p1000"), 1000, 5_000);
        resetPeaks();
        long dry = timed(() -> run(dir.resolve("p1000"), files1000, prd, List.of(), 4, null, true));
        long peak = heapPeak();
        int passages = 0;
        List<String> sample = new ArrayList<>();
        for (String f : files1000) {
            List<String> p = SourceQuery.passages(Files.readString(dir.resolve("p1000").resolve(f)),
                    LocalEmbedder.MAX_INPUT_CHARS);
            passages += p.size();
            if (sample.size() < 500) {
                sample.addAll(p);
            }
        }
        LocalEmbedder raw = new LocalEmbedder();
        raw.embed(List.of("warm up"));
        List<String> measured = sample.subList(0, 500);
        long embedMs = timed(() -> raw.embed(measured));
        double perSecond = measured.size() * 1000.0 / embedMs;
        double embedding = (passages + 134) / perSecond;
        row(String.format(Locale.ROOT, "| 1,000 files x 5 KB, 100 KB PRD, dry run, nothing cached | %.1f s: "
                + "%,d query passages + 134 PRD passages |", dry / 1000.0, passages));
        row(String.format(Locale.ROOT, "| the embedder alone on the same passages | %.1f passages/s, so %.1f s of "
                + "that run is embedding |", perSecond, embedding));
        row(String.format(Locale.ROOT, "| the plugin's own time beside the embedder | %.1f ms a file |",
                Math.max(0, dry - embedding * 1000) / 1000.0));
        row(String.format(Locale.ROOT, "| peak heap of that dry run | %,d MB |", peak / (1024 * 1024)));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmark-scale.md"), table);
        System.out.println(table);
    }

    /**
     * Issue 19: the learned concurrency limit against servers 1, 3 and 8 calls wide (a stub that queues beyond
     * its width), 30 files at 1 s a call, threads 8, a 5 s rung timeout: the default (no {@code maxConcurrent})
     * against the best fixed {@code maxConcurrent} for that server (the oracle, the better of its width and its
     * width plus one) and against {@code maxConcurrent} = threads; then 16 files at 3 s a call on a server of
     * any width, threads 8, against the sequential run. Prints and writes {@code target/benchmark-concurrency.md}.
     */
    @Test
    void serverWidths() throws Exception {
        row("| server | configuration | wall time | vs oracle | timed-out attempts | peak in flight | limit at the end |",
                "|---|---|---|---|---|---|---|");
        Path prd = dir.resolve("PRD.md");
        Files.writeString(prd, prd(20_000));
        List<String> files30 = sources(dir.resolve("p30"), 30, 2_000);
        int[] counter = {0};
        for (int width : new int[] {1, 3, 8}) {
            Map<String, Measured> measured = new java.util.LinkedHashMap<>();
            for (int fixed : width == 8 ? new int[] {8} : new int[] {width, width + 1}) {
                measured.put("maxConcurrent " + fixed, measure(width, files30, prd, fixed, 8, 1000, counter));
            }
            Measured oracle = measured.values().stream().min(java.util.Comparator.comparingLong(Measured::wallMs))
                    .orElseThrow();
            if (width < 8) {
                measured.put("maxConcurrent 8 (= threads)", measure(width, files30, prd, 8, 8, 1000, counter));
            }
            measured.put("default (learned)", measure(width, files30, prd, Rung.LEARNED, 8, 1000, counter));
            for (Map.Entry<String, Measured> e : measured.entrySet()) {
                Measured m = e.getValue();
                row(String.format(Locale.ROOT, "| %d wide | %s%s | %.1f s | %.2fx | %d | %d | %d |", width, e.getKey(),
                        m == oracle ? " (oracle)" : "", m.wallMs() / 1000.0, (double) m.wallMs() / oracle.wallMs(),
                        m.timeouts(), m.peak(), m.finalLimit()));
            }
        }
        List<String> files16 = files30.subList(0, 16);
        Measured sequential = measure(1000, files16, prd, 1, 1, 3000, counter);
        Measured learned = measure(1000, files16, prd, Rung.LEARNED, 8, 3000, counter);
        row(String.format(Locale.ROOT, "| any width | 16 files, 3 s a call, threads 1 (sequential) | %.1f s | | %d | %d | %d |",
                sequential.wallMs() / 1000.0, sequential.timeouts(), sequential.peak(), sequential.finalLimit()));
        row(String.format(Locale.ROOT, "| any width | 16 files, 3 s a call, threads 8, default | %.1f s (%.2fx the "
                + "sequential run, %.2fx the original script's 49.6 s) | | %d | %d | %d |", learned.wallMs() / 1000.0,
                (double) sequential.wallMs() / learned.wallMs(), 49_600.0 / learned.wallMs(), learned.timeouts(),
                learned.peak(), learned.finalLimit()));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmark-concurrency.md"), table);
    }

    private record Measured(long wallMs, int timeouts, int peak, int finalLimit) {}

    /**
     * One review of {@code files} against a fresh server {@code width} calls wide (so that no call abandoned by
     * an earlier run still holds its queue), each call taking {@code callMs}.
     */
    private Measured measure(int width, List<String> files, Path prd, int maxConcurrent, int threads,
            long callMs, int[] counter) throws Exception {
        try (FakeModelServer server = FakeModelServer.start()) {
            server.width(width);
            return measure(server, files, prd, maxConcurrent, threads, callMs, counter);
        }
    }

    private Measured measure(FakeModelServer server, List<String> files, Path prd, int maxConcurrent, int threads,
            long callMs, int[] counter) throws Exception {
        String model = "width-" + (counter[0]++);
        server.script(model, Reply.delay(callMs, Reply.content(ANSWER)));
        Rung rung = rung(server, model, 1).toBuilder().maxConcurrent(maxConcurrent)
                .timeout(Duration.ofMillis(callMs * 5)).build();
        long t = System.nanoTime();
        ReviewResult result = run(dir.resolve("p30"), files, prd, List.of(rung), threads, null);
        long wall = (System.nanoTime() - t) / 1_000_000;
        dev.scrum.ladder.ServerLoad load = result.run().servers().get(0);
        int timedOut = (int) result.run().reviews().stream().flatMap(r -> r.outcome().attempts().stream())
                .filter(a -> a.error() != null && a.error().startsWith("timeout")).count();
        assertEquals(load.timeouts(), timedOut, "the server's timeouts are the attempts that timed out");
        return new Measured(wall, timedOut, load.peakInFlight(), load.finalLimit());
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private static <T> long timed(Work<T> work) throws Exception {
        long t = System.nanoTime();
        work.run();
        return (System.nanoTime() - t) / 1_000_000;
    }

    private void row(String... lines) {
        for (String l : lines) {
            table.append(l).append('\n');
            System.out.println(l);
        }
    }

    private static int chats(FakeModelServer server) {
        return server.requests("/api/chat").size();
    }

    private static Rung rung(FakeModelServer server, String model, int maxConcurrent) {
        return Rung.builder()
                .provider(Provider.OLLAMA)
                .model(model)
                .baseUrl(server.url())
                .format(AnswerFormat.MARKDOWN)
                .maxTokens(500)
                .timeout(Duration.ofSeconds(60))
                .maxConcurrent(maxConcurrent)
                .contextTokens(Provider.OLLAMA.defaultContextTokens())
                .build();
    }

    private static Rung replicas(FakeModelServer a, FakeModelServer b, String model, int capEach) {
        return Rung.builder()
                .provider(Provider.OLLAMA)
                .model(model)
                .baseUrl(a.url())
                .format(AnswerFormat.MARKDOWN)
                .maxTokens(500)
                .timeout(Duration.ofSeconds(60))
                .maxConcurrent(capEach)
                .contextTokens(Provider.OLLAMA.defaultContextTokens())
                .baseUrls(List.of(a.url(), b.url()))
                .build();
    }

    private ReviewResult run(Path base, List<String> files, Path prd, List<Rung> ladder, int threads, Path cache)
            throws Exception {
        return run(base, files, prd, ladder, threads, cache, false);
    }

    private ReviewResult run(Path base, List<String> files, Path prd, List<Rung> ladder, int threads, Path cache,
            boolean dryRun) throws Exception {
        ReviewRequest request = ReviewRequest.builder()
                .baseDir(base)
                .files(files)
                .prd(prd)
                .ladder(ladder)
                .chunkSize(800)
                .chunkOverlap(120)
                .topK(5)
                .minAnswerChars(100)
                .threads(threads)
                .outputDirectory(base.resolve("target"))
                .dryRun(dryRun)
                .maxFileBytes(1 << 20)
                .cacheDirectory(cache)
                .reuseCached(cache != null)
                .build();
        try (HttpModelServices services = new HttpModelServices()) {
            return new Reviewer(services, Progress.SILENT).run(request);
        }
    }

    /** {@code count} Java files of about {@code bytes} each, on varied topics. */
    private static List<String> sources(Path base, int count, int bytes) throws Exception {
        List<String> out = new ArrayList<>();
        Random random = new Random(count);
        for (int i = 0; i < count; i++) {
            String topic = TOPICS[i % TOPICS.length];
            String name = Character.toUpperCase(topic.charAt(0)) + topic.substring(1) + "Service" + i;
            StringBuilder b = new StringBuilder("package bench;\n\n/** Handles " + topic + " events. */\npublic class "
                    + name + " {\n\n    private long total;\n\n");
            for (int m = 0; b.length() < bytes; m++) {
                b.append("    /** Handles a ").append(topic).append(" event of kind ").append(random.nextInt(1000))
                        .append(". */\n    public long handle").append(m).append("(long amount) {\n")
                        .append("        total += amount * ").append(random.nextInt(97)).append(";\n")
                        .append("        return total;\n    }\n\n");
            }
            b.append("}\n");
            String path = "src/" + name + ".java";
            Files.createDirectories(base.resolve("src"));
            Files.writeString(base.resolve(path), b);
            out.add(path);
        }
        return out;
    }

    private static String prd(int bytes) {
        StringBuilder b = new StringBuilder("# Product requirements\n\n");
        Random random = new Random(7);
        for (int s = 0; b.length() < bytes; s++) {
            String topic = TOPICS[s % TOPICS.length];
            b.append("## ").append(topic).append(" requirements, part ").append(s / TOPICS.length + 1).append("\n\n");
            for (int r = 1; r <= 6; r++) {
                b.append("REQ-").append(s).append('-').append(r).append(". The ").append(topic)
                        .append(" service records every ").append(topic).append(" event with its amount within ")
                        .append(random.nextInt(60) + 1).append(" seconds, and the audit trail keeps it for ")
                        .append(random.nextInt(10) + 1).append(" years.\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String bigFile(int bytes) {
        StringBuilder b = new StringBuilder("package bench;\n\n/** A large ledger. */\npublic class Big {\n\n");
        for (int m = 0; b.length() < bytes; m++) {
            b.append("    /** Records ledger event ").append(m).append(". */\n    public long handle").append(m)
                    .append("(long amount) {\n        long total = amount * ").append(m + 1).append(";\n")
                    .append("        return total % 1_000_003L;\n    }\n\n");
        }
        return b.append("}\n").toString();
    }

    private static final Pattern NUMBERED = Pattern.compile("(?m)^\\s*(\\d+)\\| (.*)$");

    /** How many lines of {@code text} the requests carried, each with its own line number. */
    private static int linesSent(List<RecordedRequest> requests, String text) {
        Map<Integer, String> seen = new HashMap<>();
        for (RecordedRequest r : requests) {
            String user = r.json().getAsJsonArray("messages").get(1).getAsJsonObject().get("content").getAsString();
            Matcher m = NUMBERED.matcher(user);
            while (m.find()) {
                seen.put(Integer.parseInt(m.group(1)), m.group(2));
            }
        }
        String[] lines = text.split("\n");
        int sent = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals(seen.get(i + 1))) {
                sent++;
            }
        }
        return sent;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }
}
