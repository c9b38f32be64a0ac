package dev.scrum.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.check.Rubric;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.ChatClient;
import dev.scrum.llm.ChatException;
import dev.scrum.llm.ChatRequest;
import dev.scrum.llm.ChatResponse;
import dev.scrum.llm.FinishReason;
import dev.scrum.provider.Provider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LadderTest {

    static final String GOOD = """
            Alignment score: 8/10

            1. `refund` (line 9): audit the amount [PRD @0].
            2. `ship` (line 20): store the carrier [PRD @0].
            3. `cancel` (line 31): release stock [PRD @0].
            - missing: refunds within five business days.
            """;

    /** A client that answers from a script and remembers the prompts it was sent. */
    static final class ScriptedClient implements ChatClient {
        final List<ChatRequest> requests = new ArrayList<>();
        private final Object reply;

        ScriptedClient(Object reply) {
            this.reply = reply;
        }

        @Override
        public synchronized ChatResponse chat(ChatRequest request) throws ChatException {
            requests.add(request);
            if (reply instanceof ChatException e) {
                throw e;
            }
            if (reply instanceof ChatResponse r) {
                return r;
            }
            return new ChatResponse((String) reply, FinishReason.STOP, 100, 50, 0, false, false, 0);
        }
    }

    /** Prompts that list the earlier attempts, so tests can see the learning context. */
    static final class ListingPrompts implements Prompts {
        @Override
        public String system(AnswerFormat format) {
            return "system";
        }

        @Override
        public String user(AnswerFormat format, List<Attempt> earlier) {
            StringBuilder b = new StringBuilder("review");
            for (Attempt a : earlier) {
                b.append("\nattempt ").append(a.n()).append(' ').append(a.rungId()).append(' ')
                        .append(a.status().id()).append(' ').append(a.chars()).append(' ').append(a.error());
            }
            return b.toString();
        }
    }

    private static Rung rung(String model) {
        return Rung.of(Provider.OLLAMA, model, URI.create("http://localhost:11434")).withFormat(AnswerFormat.MARKDOWN);
    }

    @Test
    void escalatesThroughErrorThinAndUnstructuredToAnAcceptingRung() {
        Map<String, ScriptedClient> clients = Map.of(
                "a", new ScriptedClient(new ChatException(ChatException.Kind.HTTP, 500, "HTTP 500 from http://x/api/chat: boom", null)),
                "b", new ScriptedClient("Looks fine."),
                "c", new ScriptedClient("The class is reasonable. ".repeat(12)),
                "d", new ScriptedClient(GOOD));
        Ladder ladder = new Ladder(List.of(rung("a"), rung("b"), rung("c"), rung("d")), r -> clients.get(r.model()));

        LadderOutcome out = ladder.climb(new ListingPrompts(), new Rubric(200), AttemptListener.NONE);

        assertTrue(out.resolved());
        assertEquals(4, out.accepted().n());
        assertEquals(8, out.score());
        assertEquals(List.of(AttemptStatus.ERROR, AttemptStatus.THIN, AttemptStatus.THIN, AttemptStatus.ACCEPTED),
                out.attempts().stream().map(Attempt::status).toList());
        assertEquals("http: HTTP 500 from http://x/api/chat: boom", out.attempts().get(0).error());
        String last = clients.get("d").requests.get(0).user();
        assertTrue(last.contains("attempt 1 ollama/a error 0 http: HTTP 500"), last);
        assertTrue(last.contains("attempt 2 ollama/b thin 11 the answer had 11 characters"), last);
        assertTrue(last.contains("attempt 3 ollama/c thin 300 the answer was unstructured"), last);
        assertFalse(clients.get("a").requests.get(0).user().contains("attempt"));
    }

    @Test
    void stopsAtTheFirstAcceptedAnswer() {
        ScriptedClient first = new ScriptedClient(GOOD);
        ScriptedClient second = new ScriptedClient(GOOD);
        Ladder ladder = new Ladder(List.of(rung("a"), rung("b")), r -> r.model().equals("a") ? first : second);
        LadderOutcome out = ladder.climb(new ListingPrompts(), new Rubric(200), AttemptListener.NONE);
        assertEquals(1, out.accepted().n());
        assertEquals(1, out.callsMade());
        assertTrue(second.requests.isEmpty());
    }

    @Test
    void skippedRungsAreListedNotCalledNotCounted() {
        ScriptedClient good = new ScriptedClient(GOOD);
        Rung noKey = Rung.of(Provider.OPENAI, "gpt", URI.create("https://api.openai.com/v1"))
                .withSkipReason("no API key: set OPENAI_API_KEY");
        Ladder ladder = new Ladder(List.of(noKey, rung("b")), r -> {
            assertEquals("b", r.model(), "no client may be made for a skipped rung");
            return good;
        });
        LadderOutcome out = ladder.climb(new ListingPrompts(), new Rubric(200), AttemptListener.NONE);
        assertEquals(AttemptStatus.SKIPPED, out.attempts().get(0).status());
        assertEquals("no API key: set OPENAI_API_KEY", out.attempts().get(0).error());
        assertEquals(2, out.accepted().n());
        assertEquals(1, out.callsMade());
    }

    @Test
    void aCutPromptOrAnswerIsTruncatedNotAccepted() {
        ScriptedClient cutPrompt = new ScriptedClient(new ChatResponse(GOOD, FinishReason.STOP, 4096, 10, 4096, true, false, 0));
        ScriptedClient cutAnswer = new ScriptedClient(new ChatResponse(GOOD, FinishReason.LENGTH, 100, 1500, 8192, false, false, 0));
        Ladder ladder = new Ladder(List.of(rung("a"), rung("b")), r -> r.model().equals("a") ? cutPrompt : cutAnswer);
        LadderOutcome out = ladder.climb(new ListingPrompts(), new Rubric(200), AttemptListener.NONE);
        assertFalse(out.resolved());
        assertNull(out.score());
        assertEquals(AttemptStatus.TRUNCATED, out.attempts().get(0).status());
        assertTrue(out.attempts().get(0).error().contains("4096 prompt tokens in a context window of 4096"));
        assertEquals(AttemptStatus.TRUNCATED, out.attempts().get(1).status());
        assertTrue(out.attempts().get(1).error().contains("maxTokens 1500"));
    }

    @Test
    void theListenerHearsEveryAttempt() {
        List<String> heard = new ArrayList<>();
        Ladder ladder = new Ladder(List.of(rung("a"), rung("b")),
                r -> new ScriptedClient(r.model().equals("a") ? "thin" : GOOD));
        ladder.climb(new ListingPrompts(), new Rubric(200), new AttemptListener() {
            @Override
            public void starting(int n, int total, Rung rung) {
                heard.add("start " + n + "/" + total + " " + rung.id());
            }

            @Override
            public void finished(Attempt attempt, int total) {
                heard.add("end " + attempt.n() + " " + attempt.status().id());
            }
        });
        assertEquals(List.of("start 1/2 ollama/a", "end 1 thin", "start 2/2 ollama/b", "end 2 accepted"), heard);
    }

    @Test
    void neverHasMoreCallsOpenToARungThanItsMaxConcurrent() throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ChatClient slow = request -> {
            int now = open.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            open.decrementAndGet();
            return new ChatResponse(GOOD, FinishReason.STOP, 1, 1, 0, false, false, 0);
        };
        Rung two = Rung.builder()
                .provider(Provider.OLLAMA)
                .model("m")
                .baseUrl(URI.create("http://localhost:11434"))
                .format(AnswerFormat.MARKDOWN)
                .maxTokens(100)
                .timeout(Rung.DEFAULT_TIMEOUT)
                .maxConcurrent(2)
                .build();
        Ladder ladder = new Ladder(List.of(two), r -> slow);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch done = new CountDownLatch(12);
        Map<Integer, Boolean> resolved = new ConcurrentHashMap<>();
        for (int i = 0; i < 12; i++) {
            int id = i;
            pool.submit(() -> {
                resolved.put(id, ladder.climb(new ListingPrompts(), new Rubric(200), AttemptListener.NONE).resolved());
                done.countDown();
            });
        }
        assertTrue(done.await(20, TimeUnit.SECONDS));
        pool.shutdown();
        assertEquals(12, resolved.values().stream().filter(b -> b).count());
        assertEquals(2, most.get());
    }

    @Test
    void tokensAreEstimatedWithATokenizerWhereTheServerGivesNone() {
        ScriptedClient silent = new ScriptedClient(new ChatResponse(GOOD, FinishReason.STOP, null, null, 0, false, false, 0));
        ScriptedClient counting = new ScriptedClient(GOOD);
        Attempt estimated = new Ladder(List.of(rung("a")), r -> silent)
                .climb(new ListingPrompts(), new Rubric(200), AttemptListener.NONE).accepted();
        assertTrue(estimated.tokensEstimated());
        assertEquals(2, estimated.promptTokens(), "'system' and 'review' are one token each in cl100k_base");
        assertTrue(estimated.completionTokens() > 40 && estimated.completionTokens() < GOOD.length() / 2,
                "about a token per 4 characters: " + estimated.completionTokens());
        Attempt counted = new Ladder(List.of(rung("a")), r -> counting)
                .climb(new ListingPrompts(), new Rubric(200), AttemptListener.NONE).accepted();
        assertFalse(counted.tokensEstimated());
        assertEquals(100, counted.promptTokens());
    }

    private static Rung replicated(int capEach, String... urls) {
        List<URI> servers = java.util.Arrays.stream(urls).map(URI::create).toList();
        return Rung.builder()
                .provider(Provider.OLLAMA)
                .model("m")
                .baseUrl(servers.get(0))
                .format(AnswerFormat.MARKDOWN)
                .maxTokens(100)
                .timeout(Rung.DEFAULT_TIMEOUT)
                .maxConcurrent(capEach)
                .baseUrls(servers)
                .build();
    }

    /** Runs {@code files} climbs on a pool of {@code threads}; returns how many were resolved. */
    private static long climbAll(Ladder ladder, int files, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger resolved = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(files);
        for (int i = 0; i < files; i++) {
            pool.submit(() -> {
                if (ladder.climb(new ListingPrompts(), new Rubric(200), AttemptListener.NONE).resolved()) {
                    resolved.incrementAndGet();
                }
                done.countDown();
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        pool.shutdown();
        return resolved.get();
    }

    @Test
    void callsSpreadOverReplicasEachWithinItsOwnCap() throws Exception {
        Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> most = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
        Ladder ladder = new Ladder(List.of(replicated(2, "http://gpu1:11434", "http://gpu2:11434")), r -> request -> {
            String server = r.baseUrl().getHost();
            int now = open.computeIfAbsent(server, k -> new AtomicInteger()).incrementAndGet();
            most.computeIfAbsent(server, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            served.computeIfAbsent(server, k -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            open.get(server).decrementAndGet();
            return new ChatResponse(GOOD, FinishReason.STOP, 1, 1, 0, false, false, 0);
        });
        assertEquals(16, climbAll(ladder, 16, 8));
        assertEquals(2, most.get("gpu1").get());
        assertEquals(2, most.get("gpu2").get());
        assertEquals(2, ladder.mostInFlight(0));
        assertTrue(served.get("gpu1").get() >= 4 && served.get("gpu2").get() >= 4, "both replicas served: " + served);
    }

    @Test
    void aReplicaRefusingConnectionsIsLeftOutForTheRestOfTheRun() throws Exception {
        AtomicInteger refusals = new AtomicInteger();
        Ladder ladder = new Ladder(List.of(replicated(1, "http://down:11434", "http://up:11434")), r -> request -> {
            if (r.baseUrl().getHost().equals("down")) {
                refusals.incrementAndGet();
                throw new ChatException(ChatException.Kind.NETWORK, 0, "connection refused by http://down:11434",
                        new java.net.ConnectException("Connection refused"));
            }
            return new ChatResponse(GOOD, FinishReason.STOP, 1, 1, 0, false, false, 0);
        });
        assertEquals(10, climbAll(ladder, 10, 1));
        assertEquals(1, refusals.get(), "tried once, then never again");
    }

    @Test
    void aRungWhoseEveryServerRefusedIsAnErrorAtOnceForLaterFiles() throws Exception {
        AtomicInteger refusals = new AtomicInteger();
        Ladder ladder = new Ladder(List.of(rung("a"), rung("b")), r -> request -> {
            if (r.model().equals("a")) {
                refusals.incrementAndGet();
                throw new ChatException(ChatException.Kind.NETWORK, 0, "connection refused",
                        new java.net.ConnectException("Connection refused"));
            }
            return new ChatResponse(GOOD, FinishReason.STOP, 1, 1, 0, false, false, 0);
        });
        LadderOutcome first = ladder.climb(new ListingPrompts(), new Rubric(200), AttemptListener.NONE);
        LadderOutcome second = ladder.climb(new ListingPrompts(), new Rubric(200), AttemptListener.NONE);
        assertEquals(2, first.accepted().n());
        assertEquals(AttemptStatus.ERROR, second.attempts().get(0).status());
        assertTrue(second.attempts().get(0).error().contains("refused connections earlier in this run"));
        assertEquals(1, refusals.get());
    }

    @Test
    void eachFaultIsItsOwnStatusAndReasonAndTheNextRungIsToldWhich() {
        Map<String, ScriptedClient> clients = new java.util.LinkedHashMap<>();
        clients.put("empty", new ScriptedClient(new ChatResponse("", FinishReason.STOP, 100, 0, 0, false, false, 0)));
        clients.put("refused", new ScriptedClient(new ChatResponse("", FinishReason.CONTENT_FILTER, 100, 0, 0, false, false, 0)));
        clients.put("cut", new ScriptedClient(new ChatResponse("Alignment score: 7/10\n1. `refund` (line", FinishReason.LENGTH, 100, 1500, 0, false, false, 0)));
        clients.put("garbage", new ScriptedClient(new ChatException(ChatException.Kind.PROTOCOL, 0,
                "the answer (HTTP 200 from http://x/api/chat) is not JSON: <html>Bad Gateway</html>", null)));
        clients.put("fieldless", new ScriptedClient(new ChatException(ChatException.Kind.PROTOCOL, 0,
                "the answer (HTTP 200 from http://x/api/chat) is JSON that lacks \"message\": {\"done\":true}", null)));
        clients.put("busy", new ScriptedClient(new ChatException(ChatException.Kind.HTTP, 503,
                "HTTP 503 from http://x/api/chat: busy (the server is overloaded or its queue is full, still after "
                        + "2 retries)", null, 2)));
        clients.put("good", new ScriptedClient(new ChatResponse(GOOD, FinishReason.STOP, 100, 50, 0, false, false, 1)));
        List<Rung> rungs = clients.keySet().stream().map(LadderTest::rung).toList();
        Ladder ladder = new Ladder(rungs, r -> clients.get(r.model()));

        LadderOutcome out = ladder.climb(new ListingPrompts(), new Rubric(200), AttemptListener.NONE);

        assertEquals(List.of(AttemptStatus.THIN, AttemptStatus.THIN, AttemptStatus.TRUNCATED, AttemptStatus.ERROR,
                AttemptStatus.ERROR, AttemptStatus.ERROR, AttemptStatus.ACCEPTED),
                out.attempts().stream().map(Attempt::status).toList());
        assertEquals(List.of(0, 0, 0, 0, 0, 2, 1), out.attempts().stream().map(Attempt::retries).toList());
        String told = clients.get("good").requests.get(0).user();
        for (String line : List.of(
                "attempt 1 ollama/empty thin 0 the answer was empty: the server sent no text",
                "attempt 2 ollama/refused thin 0 the model declined to answer (a refusal or its content filter)",
                "attempt 3 ollama/cut truncated 39 the answer was cut at the token limit (maxTokens 1500) after 39 "
                        + "characters",
                "attempt 4 ollama/garbage error 0 protocol: the answer (HTTP 200 from http://x/api/chat) is not JSON",
                "attempt 5 ollama/fieldless error 0 protocol: the answer (HTTP 200 from http://x/api/chat) is JSON that "
                        + "lacks \"message\"",
                "attempt 6 ollama/busy error 0 http: HTTP 503 from http://x/api/chat: busy (the server is overloaded "
                        + "or its queue is full, still after 2 retries)")) {
            assertTrue(told.contains(line), "missing <" + line + "> in\n" + told);
        }
    }

    @Test
    void anEmptyLadderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Ladder(List.of(), r -> null));
    }
}
