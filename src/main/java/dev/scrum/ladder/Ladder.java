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
import dev.scrum.llm.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The escalation ladder: asks the rungs in order, cheapest first, until one answer passes the rubric. An
 * error or a rejected answer moves to the next rung, whose prompt carries every earlier failure. Never
 * has more calls open to a rung than its {@code maxConcurrent}. Thread-safe: one ladder serves every file of
 * a run.
 */
public final class Ladder {

    private final List<Rung> rungs;
    private final List<ReplicaSet> servers;
    private final LongSupplier nanoClock;

    /**
     * @param rungs the rungs, in order
     * @param clientFor the chat client of each server of each usable rung, given the rung on that one server
     *     (not called for rungs that are skipped)
     */
    public Ladder(List<Rung> rungs, Function<Rung, ChatClient> clientFor) {
        this(rungs, clientFor, System::nanoTime);
    }

    Ladder(List<Rung> rungs, Function<Rung, ChatClient> clientFor, LongSupplier nanoClock) {
        if (rungs.isEmpty()) {
            throw new IllegalArgumentException("the ladder has no rung");
        }
        this.rungs = List.copyOf(rungs);
        this.servers = new ArrayList<>();
        for (Rung rung : this.rungs) {
            servers.add(rung.usable()
                    ? new ReplicaSet(rung, r -> Objects.requireNonNull(clientFor.apply(r), r.id()))
                    : null);
        }
        this.nanoClock = nanoClock;
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
                return new LadderOutcome(attempts, result.attempt(), result.verdict().score(),
                        result.verdict().markdown(), result.verdict().structured());
            }
        }
        return new LadderOutcome(attempts, null, null, "", null);
    }

    private record AttemptAndVerdict(Attempt attempt, Verdict verdict) {}

    private AttemptAndVerdict call(int n, Rung rung, ReplicaSet replicas, ChatRequest request, AnswerCheck check) {
        long start = nanoClock.getAsLong();
        ChatResponse response = null;
        String refused = null;
        while (response == null) {
            ReplicaSet.Replica replica;
            try {
                replica = replicas.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new AttemptAndVerdict(failed(n, rung, "interrupted while waiting for the rung",
                        millisSince(start)), null);
            }
            if (replica == null) {
                String why = refused != null
                        ? refused + "; the rung is left out for the rest of the run"
                        : "every server of the rung refused connections earlier in this run: " + replicas.downServers();
                return new AttemptAndVerdict(failed(n, rung, "network: " + why, millisSince(start)), null);
            }
            try {
                response = replica.client.chat(request);
            } catch (ChatException e) {
                if (e.connectionRefused()) {
                    replicas.markDown(replica);
                    refused = e.getMessage();
                    continue;
                }
                String kind = e.kind().name().toLowerCase(Locale.ROOT);
                return new AttemptAndVerdict(failed(n, rung, kind + ": " + e.getMessage(), millisSince(start))
                        .withRetries(e.retries()), null);
            } finally {
                replicas.release(replica);
            }
        }
        long ms = millisSince(start);
        response = withTokenCounts(response, request);
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
                r.contextTokens(), r.promptTruncated(), true, r.retries());
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

    /** The most calls that were ever in flight to one server of rung {@code index} (0-based). */
    int mostInFlight(int index) {
        return servers.get(index) == null ? 0 : servers.get(index).mostInFlight();
    }

    private long millisSince(long start) {
        return (nanoClock.getAsLong() - start) / 1_000_000;
    }
}
