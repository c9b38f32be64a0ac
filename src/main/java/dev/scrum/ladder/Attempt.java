package dev.scrum.ladder;

import java.util.Objects;

/**
 * One rung's attempt at one file.
 *
 * @param n the attempt's number, counting from 1 (skipped rungs are numbered too)
 * @param rungId {@code provider/model}
 * @param model the model's name
 * @param status how it ended
 * @param chars characters of the answer (0 when there was none)
 * @param error what went wrong, in words a person understands, or {@code null} when accepted
 * @param durationMs wall time of the call
 * @param promptTokens prompt tokens the server counted, or {@code null}
 * @param completionTokens answer tokens the server counted, or {@code null}
 * @param answer the answer's text, or {@code ""}
 * @param tokensEstimated whether the token counts were estimated with a tokenizer because the server gave none
 * @param retries retries within the call (429/502/503/504 answers, reset connections) before it ended
 */
public record Attempt(
        int n,
        String rungId,
        String model,
        AttemptStatus status,
        int chars,
        String error,
        long durationMs,
        Integer promptTokens,
        Integer completionTokens,
        String answer,
        boolean tokensEstimated,
        int retries) {
    public Attempt {
        Objects.requireNonNull(rungId, "rungId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(status, "status");
        answer = answer == null ? "" : answer;
    }

    /** An attempt that took no retry. */
    public Attempt(int n, String rungId, String model, AttemptStatus status, int chars, String error, long durationMs,
            Integer promptTokens, Integer completionTokens, String answer, boolean tokensEstimated) {
        this(n, rungId, model, status, chars, error, durationMs, promptTokens, completionTokens, answer,
                tokensEstimated, 0);
    }

    /** An attempt whose token counts, if any, are the server's. */
    public Attempt(int n, String rungId, String model, AttemptStatus status, int chars, String error, long durationMs,
            Integer promptTokens, Integer completionTokens, String answer) {
        this(n, rungId, model, status, chars, error, durationMs, promptTokens, completionTokens, answer, false);
    }

    /** This attempt, having taken {@code count} retries within its call. */
    public Attempt withRetries(int count) {
        return new Attempt(n, rungId, model, status, chars, error, durationMs, promptTokens, completionTokens, answer,
                tokensEstimated, count);
    }

    /** Whether a call was made (skipped rungs are listed, not counted). */
    public boolean called() {
        return status != AttemptStatus.SKIPPED;
    }
}
