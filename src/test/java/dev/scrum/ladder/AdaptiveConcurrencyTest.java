package dev.scrum.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.check.Rubric;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.ChatResponse;
import dev.scrum.llm.FinishReason;
import dev.scrum.llm.HttpTransport;
import dev.scrum.llm.Pushback;
import dev.scrum.provider.Provider;
import dev.scrum.testing.FakeModelServer;
import dev.scrum.testing.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ladder's concurrency limits over real HTTP against the fake server's real wire protocol: a learned
 * limit that finds a narrow server's width, pushback that shrinks it, a {@code Retry-After} that pauses the
 * server, and a rung timeout that counts only the wire, not the wait for a slot.
 */
class AdaptiveConcurrencyTest {

    private final HttpTransport transport = new HttpTransport(2, Duration.ofSeconds(5), Duration.ofMillis(100));
    private final FakeModelServer server = FakeModelServer.start();

    @AfterEach
    void close() {
        server.close();
        transport.close();
    }

    private Rung rung(String model, int maxConcurrent, Duration timeout) {
        return Rung.builder().provider(Provider.OLLAMA).model(model).baseUrl(server.url())
                .format(AnswerFormat.MARKDOWN).timeout(timeout).maxConcurrent(maxConcurrent).build();
    }

    private Ladder ladder(Rung rung, int threads, LimitListener limits) {
        return new Ladder(List.of(rung), r -> r.provider().chatClient(r.baseUrl(), r.apiKey(), r.timeout(), transport),
                threads, limits);
    }

    /** Climbs {@code files} times on {@code threads} threads; returns every outcome. */
    private static List<LadderOutcome> climbAll(Ladder ladder, int files, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<LadderOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                futures.add(pool.submit(() -> ladder.climb(new LadderTest.ListingPrompts(), new Rubric(100),
                        AttemptListener.NONE)));
            }
            List<LadderOutcome> out = new ArrayList<>();
            for (Future<LadderOutcome> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLearnedLimitFindsANarrowServersWidthWithoutPilingUpItsQueue() throws Exception {
        server.width(2).script("m", Reply.delay(300, Reply.content(LadderTest.GOOD)));
        List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
        Ladder ladder = ladder(rung("m", Rung.LEARNED, Duration.ofSeconds(30)), 6, (r, url, limit) -> heard.add(limit));
        List<LadderOutcome> outcomes = climbAll(ladder, 18, 6);
        assertTrue(outcomes.stream().allMatch(LadderOutcome::resolved), "every file accepted");
        ServerLoad load = ladder.loads().get(0);
        assertTrue(load.adaptive());
        assertEquals(6, load.cap(), "a learned limit never passes threads");
        assertEquals(18, load.calls());
        assertEquals(0, load.timeouts());
        int firstDrop = 1;
        while (firstDrop < heard.size() && heard.get(firstDrop) >= heard.get(firstDrop - 1)) {
            firstDrop++;
        }
        assertTrue(firstDrop < heard.size(), "the limit came down once the server queued: " + heard);
        assertTrue(heard.subList(firstDrop, heard.size()).stream().allMatch(l -> l <= 4),
                "after that it stays within the width (2) plus two waiting: " + heard);
        assertTrue(load.peakInFlight() <= 6 && load.peakInFlight() >= 3, "probed past the width: " + load);
        assertEquals(2, server.mostWorkedOn());
        assertTrue(!heard.isEmpty() && heard.get(heard.size() - 1) == load.finalLimit(), "every change heard: " + heard);
    }

    @Test
    void aFixedMaxConcurrentStaysAHardCap() throws Exception {
        server.script("m", Reply.delay(100, Reply.content(LadderTest.GOOD)));
        Ladder ladder = ladder(rung("m", 2, Duration.ofSeconds(30)), 8, LimitListener.NONE);
        assertTrue(climbAll(ladder, 12, 8).stream().allMatch(LadderOutcome::resolved));
        ServerLoad load = ladder.loads().get(0);
        assertEquals(false, load.adaptive());
        assertEquals(2, load.peakInFlight());
        assertEquals(2, load.limitReached());
        assertEquals(2, ladder.mostInFlight(0));
    }

    @Test
    void theWaitForASlotIsNotChargedToTheRungsTimeout() throws Exception {
        // one call at a time, 600 ms each, a 1 s timeout: the third call waits 1.2 s for its slot, then
        // spends 0.6 s on the wire, and must not time out
        server.script("m", Reply.delay(600, Reply.content(LadderTest.GOOD)));
        Ladder ladder = ladder(rung("m", 1, Duration.ofSeconds(1)), 3, LimitListener.NONE);
        long start = System.nanoTime();
        List<LadderOutcome> outcomes = climbAll(ladder, 3, 3);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(outcomes.stream().allMatch(LadderOutcome::resolved), "no call timed out: " + outcomes);
        assertTrue(wallMs >= 1700, "the calls ran one after another: " + wallMs + " ms");
        for (LadderOutcome o : outcomes) {
            long ms = o.accepted().durationMs();
            assertTrue(ms >= 550 && ms < 1000, "the attempt's time is its time on the wire: " + ms + " ms");
        }
    }

    @Test
    void aServerThatRefusesWithBusyShrinksTheLimitAndEveryFileStillGetsAnswered() throws Exception {
        // Ollama with OLLAMA_NUM_PARALLEL=1 and OLLAMA_MAX_QUEUE=1: a third call at once is refused with 503
        server.width(1, 1, 0).script("m", Reply.delay(200, Reply.content(LadderTest.GOOD)));
        Ladder ladder = ladder(rung("m", Rung.LEARNED, Duration.ofSeconds(30)), 4, LimitListener.NONE);
        List<LadderOutcome> outcomes = climbAll(ladder, 8, 4);
        ServerLoad load = ladder.loads().get(0);
        assertTrue(load.pushbacks() >= 1 || server.refusedBusy() == 0, "every 503 counted: " + load);
        assertEquals(server.refusedBusy(), load.pushbacks(), "each refusal seen as pushback");
        assertTrue(load.finalLimit() <= 2, "the limit came down to the server's width: " + load);
        long resolved = outcomes.stream().filter(LadderOutcome::resolved).count();
        assertEquals(8, resolved, "the refused calls were retried and answered: " + load);
    }

    @Test
    void aServerAskingForAnHourIsPausedAtMostThirtySeconds() {
        assertEquals(Duration.ofSeconds(30), ReplicaSet.pause(Duration.ofHours(1)));
        assertEquals(Duration.ofMillis(400), ReplicaSet.pause(Duration.ofMillis(400)));
        assertEquals(Duration.ZERO, ReplicaSet.pause(Duration.ofSeconds(-5)));
    }

    @Test
    void aRetryAfterPausesTheServerForEveryThread() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
        Rung rung = Rung.of(Provider.OLLAMA, "m", URI.create("http://localhost:11434")).withFormat(AnswerFormat.MARKDOWN);
        Ladder ladder = new Ladder(List.of(rung), r -> request -> {
            sentAt.add(System.nanoTime());
            Pushback pushback = calls.incrementAndGet() == 1 ? new Pushback(1, Duration.ofMillis(400)) : Pushback.NONE;
            return new ChatResponse(LadderTest.GOOD, FinishReason.STOP, 1, 1, 0, false, false, pushback.answers(),
                    pushback);
        }, 4, LimitListener.NONE);
        assertTrue(ladder.climb(new LadderTest.ListingPrompts(), new Rubric(100), AttemptListener.NONE).resolved());
        long pushedAt = System.nanoTime();
        assertTrue(ladder.climb(new LadderTest.ListingPrompts(), new Rubric(100), AttemptListener.NONE).resolved());
        long waitedMs = (sentAt.get(1) - pushedAt) / 1_000_000;
        assertTrue(waitedMs >= 350, "no new call before the Retry-After passed: " + waitedMs + " ms");
        ServerLoad load = ladder.loads().get(0);
        assertEquals(1, load.pushbacks());
        assertTrue(load.finalLimit() <= 2, "halved from its start of 2, then one more: " + load);
    }
}
