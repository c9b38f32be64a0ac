package dev.scrum.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.provider.EmbeddingSettings;
import dev.scrum.provider.Provider;
import dev.scrum.report.FileReview;
import dev.scrum.testing.FakeModelServer;
import dev.scrum.testing.Reply;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run over real HTTP against a server that refuses connections and one that never answers in time:
 * every file still ends resolved, within the timeouts, and after the run not one thread it started is alive.
 */
class RunShutdownTest {

    @TempDir
    Path base;

    private static Rung rung(String model, URI url, int timeoutSeconds) {
        return Rung.builder()
                .provider(Provider.OLLAMA)
                .model(model)
                .baseUrl(url)
                .format(AnswerFormat.MARKDOWN)
                .maxTokens(1500)
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .maxConcurrent(4)
                .build();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void afterARunWithFaultsNoThreadItStartedIsAlive() throws Exception {
        Files.createDirectories(base.resolve("src"));
        Files.writeString(base.resolve("PRD.md"), "# PRD\n\nInvoices carry tax per line and a total. ".repeat(8));
        List<String> files = new ArrayList<>();
        for (String name : List.of("A", "B", "C", "D")) {
            Files.writeString(base.resolve("src/" + name + ".java"),
                    "class " + name + " {\n  // invoice\n  int total;\n  int tax;\n  int net;\n}\n");
            files.add("src/" + name + ".java");
        }
        try (FakeModelServer server = FakeModelServer.start()) {
            server.script("slow", Reply.delay(5_000, Reply.content("too late")));
            server.script("steady", Reply.content(ReviewerTest.GOOD));
            List<Rung> ladder = List.of(rung("down", URI.create("http://127.0.0.1:" + closedPort()), 5),
                    rung("slow", server.url(), 1), rung("steady", server.url(), 10));
            ReviewRequest request = ReviewRequest.builder()
                    .baseDir(base)
                    .files(files)
                    .prd(base.resolve("PRD.md"))
                    .ladder(ladder)
                    .embedding(new EmbeddingSettings(Provider.OLLAMA, "embed", server.url(), null))
                    .chunkSize(200)
                    .chunkOverlap(20)
                    .topK(2)
                    .minAnswerChars(100)
                    .threads(3)
                    .outputDirectory(base.resolve("target"))
                    .maxFileBytes(1 << 20)
                    .build();
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            long start = System.nanoTime();

            ReviewResult result;
            long ms;
            try (HttpModelServices services = new HttpModelServices()) {
                result = new Reviewer(services, Progress.SILENT).run(request);
                ms = (System.nanoTime() - start) / 1_000_000;
            }

            assertEquals(List.of(), startedAndAlive(before));
            assertEquals(4, result.run().resolvedCount());
            for (FileReview review : result.run().reviews()) {
                List<Attempt> a = review.outcome().attempts();
                assertTrue(a.get(0).error().startsWith("network: "), a.get(0).error());
                assertTrue(a.get(1).error().startsWith("timeout: no answer within 1 s"), a.get(1).error());
            }
            assertTrue(ms < 8_000, "the slow rung costs about its timeout per file, in parallel: " + ms + " ms");
        }
    }

    /** Threads started since {@code before} still alive a few seconds on, except the test server's own. */
    private static List<String> startedAndAlive(Set<Thread> before) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && !t.getName().startsWith("fake-model-server")) {
                started.add(t);
            }
        }
        for (Thread t : started) {
            t.join(5_000);
        }
        return started.stream().filter(Thread::isAlive).map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                .toList();
    }
}
