package dev.scrum.ladder;

import java.util.Objects;

/**
 * One rung's attempt at one file. Built with {@link #builder()}; {@link #toBuilder()} copies every field.
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

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().n(n).rungId(rungId).model(model).status(status).chars(chars).error(error)
                .durationMs(durationMs).promptTokens(promptTokens).completionTokens(completionTokens).answer(answer)
                .tokensEstimated(tokensEstimated).retries(retries);
    }

    /** A rung that was not called, numbered {@code n}, with the reason. */
    public static Attempt skipped(int n, Rung rung, String reason) {
        return builder().n(n).rung(rung).status(AttemptStatus.SKIPPED).error(reason).build();
    }

    /** A call that ended in an error before any answer: {@code error} says which. */
    public static Attempt failed(int n, String rungId, String model, String error, long durationMs) {
        return builder().n(n).rungId(rungId).model(model).status(AttemptStatus.ERROR).error(error)
                .durationMs(durationMs).build();
    }

    /** This attempt, having taken {@code count} retries within its call. */
    public Attempt withRetries(int count) {
        return toBuilder().retries(count).build();
    }

    /** Whether a call was made (skipped rungs are listed, not counted). */
    public boolean called() {
        return status != AttemptStatus.SKIPPED;
    }

    /** Builds an {@link Attempt}; unset numbers are 0, unset token counts {@code null}. */
    public static final class Builder {
        private int n;
        private String rungId;
        private String model;
        private AttemptStatus status;
        private int chars;
        private String error;
        private long durationMs;
        private Integer promptTokens;
        private Integer completionTokens;
        private String answer;
        private boolean tokensEstimated;
        private int retries;

        private Builder() {}

        public Builder n(int value) {
            n = value;
            return this;
        }

        public Builder rungId(String value) {
            rungId = value;
            return this;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        /** The rung's {@code provider/model} and model name. */
        public Builder rung(Rung rung) {
            return rungId(rung.id()).model(rung.model());
        }

        public Builder status(AttemptStatus value) {
            status = value;
            return this;
        }

        public Builder chars(int value) {
            chars = value;
            return this;
        }

        public Builder error(String value) {
            error = value;
            return this;
        }

        public Builder durationMs(long value) {
            durationMs = value;
            return this;
        }

        public Builder promptTokens(Integer value) {
            promptTokens = value;
            return this;
        }

        public Builder completionTokens(Integer value) {
            completionTokens = value;
            return this;
        }

        public Builder answer(String value) {
            answer = value;
            return this;
        }

        public Builder tokensEstimated(boolean value) {
            tokensEstimated = value;
            return this;
        }

        public Builder retries(int value) {
            retries = value;
            return this;
        }

        public Attempt build() {
            return new Attempt(n, rungId, model, status, chars, error, durationMs, promptTokens, completionTokens,
                    answer, tokensEstimated, retries);
        }
    }
}
