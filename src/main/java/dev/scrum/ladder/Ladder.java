package dev.scrum.ladder;

import dev.scrum.check.AnswerCheck;
import dev.scrum.check.AnswerSchema;
import dev.scrum.check.Verdict;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.ChatClient;
import dev.scrum.llm.ChatException;
import dev.scrum.llm.ChatRequest;
import dev.scrum.llm.ChatResponse;
import dev.scrum.llm.FinishReason;
import dev.scrum.llm.Pushback;
import dev.scrum.llm.TokenCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The escalation ladder: asks the rungs in order, cheapest first, until one answer passes the rubric. An
 * error or a rejected answer moves to the next rung, whose prompt carries every earlier failure. Never
 * has more calls open to a server than its concurrency limit: the rung's {@code maxConcurrent}, or else a limit
 * learned from the server's latency, timeouts and pushback (see {@link ReplicaSet}). The time a call waits for
 * a slot is not charged to it: the rung's timeout and the attempt's duration count the wire only. A call the
 * server refused for its load (429, 503) even after the HTTP client's retries goes back into the queue, behind
 * the now smaller limit, up to {@link #MAX_REQUEUES} times, before the attempt fails.
 * Thread-safe: one ladder serves every file of a run.
 */
public final class Ladder {

    private final List<Rung> rungs;
    private final List<ReplicaSet> servers;
    private final LongSupplier nanoClock;
    /** The learned limits' ceiling when the caller does not say how many files run at once. */
    static final int DEFAULT_THREADS = 4;
    /**
     * Times a call the server refused for its load (429, 503), after the HTTP client's own retries, goes back
     * into the plugin's queue for the same server before the attempt fails: by then the limit is smaller.
     */
    static final int MAX_REQUEUES = 3;

    /**
     * @param rungs the rungs, in order
     * @param clientFor the chat client of each server of each usable rung, given the rung on that one server
     *     (not called for rungs that are skipped)
     */
    public Ladder(List<Rung> rungs, Function<Rung, ChatClient> clientFor) {
        this(rungs, clientFor, DEFAULT_THREADS, LimitListener.NONE);
    }

    /**
     * @param rungs the rungs, in order
     * @param clientFor the chat client of each server of each usable rung, given the rung on that one server
     * @param threads the files reviewed at once: a learned limit never passes it
     * @param limits hears each change of a learned limit
     */
    public Ladder(List<Rung> rungs, Function<Rung, ChatClient> clientFor, int threads, LimitListener limits) {
        this(rungs, clientFor, threads, limits, System::nanoTime);
    }

    Ladder(List<Rung> rungs, Function<Rung, ChatClient> clientFor, int threads, LimitListener limits,
            LongSupplier nanoClock) {
        if (rungs.isEmpty()) {
            throw new IllegalArgumentException("the ladder has no rung");
        }
        this.rungs = List.copyOf(rungs);
        this.nanoClock = nanoClock;
        this.servers = new ArrayList<>();
        for (Rung rung : this.rungs) {
            servers.add(rung.usable()
                    ? new ReplicaSet(rung, r -> Objects.requireNonNull(clientFor.apply(r), r.id()), threads, limits,
                            nanoClock)
                    : null);
        }
    }

    public List<Rung> rungs() {
        return rungs;
    }

    /**
     * Reviews one file: climbs until an answer is accepted or the rungs run out.
     *
     * @param prompts the file's prompts
     * @param check the rubric
     * @param listener hears each attempt
     */
    public LadderOutcome climb(Prompts prompts, AnswerCheck check, AttemptListener listener) {
        List<Attempt> attempts = new ArrayList<>();
        int total = rungs.size();
        for (int i = 0; i < total; i++) {
            Rung rung = rungs.get(i);
            int n = i + 1;
            if (!rung.usable()) {
                Attempt skipped = Attempt.skipped(n, rung, rung.skipReason());
                attempts.add(skipped);
                listener.finished(skipped, total);
                continue;
            }
            listener.starting(n, total, rung);
            ChatRequest request = new ChatRequest(rung.model(), prompts.system(rung.format()),
                    prompts.user(rung, List.copyOf(attempts)), rung.maxTokens(), rung.temperature(),
                    rung.contextTokens(), rung.format(),
                    rung.format() == AnswerFormat.JSON ? AnswerSchema.JSON : null);
            AttemptAndVerdict result = call(n, rung, servers.get(i), request, check);
            attempts.add(result.attempt());
            listener.finished(result.attempt(), total);
            if (result.attempt().status() == AttemptStatus.ACCEPTED) {
                listener.done();
                return new LadderOutcome(attempts, result.attempt(), result.verdict().score(),
                        result.verdict().markdown(), result.verdict().structured());
            }
        }
        listener.done();
        return new LadderOutcome(attempts, null, null, "", null);
    }

    private record AttemptAndVerdict(Attempt attempt, Verdict verdict) {}

    private AttemptAndVerdict call(int n, Rung rung, ReplicaSet replicas, ChatRequest request, AnswerCheck check) {
        long wire = 0;
        int earlierRetries = 0;
        int requeued = 0;
        ChatResponse response = null;
        String refused = null;
        while (response == null) {
            ReplicaSet.Slot slot;
            try {
                slot = replicas.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new AttemptAndVerdict(failed(n, rung, "interrupted while waiting for the rung", wire / 1_000_000),
                        null);
            }
            if (slot == null) {
                String why = refused != null
                        ? refused + "; the rung is left out for the rest of the run"
                        : "every server of the rung refused connections earlier in this run: " + replicas.downServers();
                return new AttemptAndVerdict(failed(n, rung, "network: " + why, wire / 1_000_000), null);
            }
            long sent = nanoClock.getAsLong();
            try {
                response = slot.replica().client.chat(request);
                long took = nanoClock.getAsLong() - sent;
                wire += took;
                replicas.answered(slot, Duration.ofNanos(took), response.pushback());
            } catch (ChatException e) {
                wire += nanoClock.getAsLong() - sent;
                if (e.connectionRefused()) {
                    replicas.markDown(slot);
                    refused = e.getMessage();
                    continue;
                }
                replicas.failed(slot, e.kind() == ChatException.Kind.TIMEOUT, e.pushback());
                earlierRetries += e.retries();
                if (refusedForLoad(e) && requeued < MAX_REQUEUES) {
                    // never worked on: back into the plugin's own queue, behind the smaller limit and any pause
                    requeued++;
                    earlierRetries++;
                    continue;
                }
                String kind = e.kind().name().toLowerCase(Locale.ROOT);
                String again = requeued == 0 ? "" : "; queued again " + requeued + " time(s) behind a smaller limit";
                return new AttemptAndVerdict(failed(n, rung, kind + ": " + e.getMessage() + again, wire / 1_000_000)
                        .withRetries(earlierRetries), null);
            } catch (RuntimeException e) {
                replicas.failed(slot, false, Pushback.NONE);
                throw e;
            }
        }
        long ms = wire / 1_000_000;
        response = withTokenCounts(response, request);
        if (earlierRetries > 0) {
            response = new ChatResponse(response.content(), response.finishReason(), response.promptTokens(),
                    response.completionTokens(), response.contextTokens(), response.promptTruncated(),
                    response.tokensEstimated(), response.retries() + earlierRetries, response.pushback());
        }
        String content = response.content();
        Rejected rejected = rejected(response, rung);
        if (rejected != null) {
            return new AttemptAndVerdict(answered(n, rung, response, ms).status(rejected.status())
                    .error(rejected.reason()).build(), null);
        }
        Verdict verdict = check.check(content, rung.format());
        AttemptStatus status = verdict.isAccepted()
                ? AttemptStatus.ACCEPTED
                : AttemptStatus.valueOf(verdict.rejection().name());
        return new AttemptAndVerdict(answered(n, rung, response, ms).status(status).error(verdict.reason()).build(),
                verdict);
    }

    /** Whether the server refused the call for its load (429 or 503, its retries spent): it never worked on it. */
    private static boolean refusedForLoad(ChatException e) {
        return e.kind() == ChatException.Kind.HTTP && (e.status() == 429 || e.status() == 503) && e.pushback().any();
    }

    private record Rejected(AttemptStatus status, String reason) {}

    /** Why an answer is rejected before the rubric reads it (cut, declined, empty), or {@code null}. */
    private static Rejected rejected(ChatResponse response, Rung rung) {
        String content = response.content();
        if (response.promptTruncated()) {
            return new Rejected(AttemptStatus.TRUNCATED, "the prompt was cut: the server evaluated "
                    + response.promptTokens() + " prompt tokens in a context window of " + response.contextTokens()
                    + ", so the front of the prompt was dropped");
        }
        if (response.finishReason() == FinishReason.LENGTH) {
            return new Rejected(AttemptStatus.TRUNCATED, "the answer was cut at the token limit (maxTokens "
                    + rung.maxTokens() + ") after " + content.length() + " characters"
                    + (content.isBlank() ? ", before any text" : ""));
        }
        if (response.finishReason() == FinishReason.CONTENT_FILTER) {
            return new Rejected(AttemptStatus.THIN, "the model declined to answer (a refusal or its content filter)");
        }
        if (content.isBlank()) {
            return new Rejected(AttemptStatus.THIN, "the answer was empty: the server sent no text");
        }
        return null;
    }

    /** The server's token counts, or counts estimated with a tokenizer where it gave none. */
    private static ChatResponse withTokenCounts(ChatResponse r, ChatRequest request) {
        if (r.promptTokens() != null && r.completionTokens() != null) {
            return r;
        }
        return new ChatResponse(r.content(), r.finishReason(),
                r.promptTokens() != null ? r.promptTokens()
                        : TokenCounter.count(request.system()) + TokenCounter.count(request.user()),
                r.completionTokens() != null ? r.completionTokens() : TokenCounter.count(r.content()),
                r.contextTokens(), r.promptTruncated(), true, r.retries(), r.pushback());
    }

    private static Attempt failed(int n, Rung rung, String error, long ms) {
        return Attempt.failed(n, rung.id(), rung.model(), error, ms);
    }

    /** An attempt that got an answer: its text, size, time, token counts and retries. */
    private static Attempt.Builder answered(int n, Rung rung, ChatResponse response, long ms) {
        return Attempt.builder().n(n).rung(rung).answer(response.content()).chars(response.content().length())
                .durationMs(ms).promptTokens(response.promptTokens()).completionTokens(response.completionTokens())
                .tokensEstimated(response.tokensEstimated()).retries(response.retries());
    }

    /** How each server of each usable rung was loaded so far: its limit and the calls in flight to it. */
    public List<ServerLoad> loads() {
        return servers.stream().filter(Objects::nonNull).flatMap(s -> s.loads().stream()).toList();
    }

    /** The most calls that were ever in flight to one server of rung {@code index} (0-based). */
    int mostInFlight(int index) {
        return servers.get(index) == null ? 0 : servers.get(index).mostInFlight();
    }

}
