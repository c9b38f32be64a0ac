package dev.scrum.llm;

/**
 * A model's answer.
 *
 * @param content the answer's text (for a JSON answer, the JSON)
 * @param finishReason why generation stopped
 * @param promptTokens prompt tokens the server counted, or {@code null} when it did not say
 * @param completionTokens answer tokens the server counted, or {@code null}
 * @param contextTokens the context window the request asked for (Ollama's {@code num_ctx}), 0 if none
 * @param promptTruncated the server evaluated less of the prompt than was sent (it cut the front)
 * @param tokensEstimated the token counts were estimated with a tokenizer, the server gave none
 * @param retries the retries the call took (429/502/503/504 answers, reset connections) before this answer
 * @param pushback the server's 429 and 503 answers before this answer (see {@link Pushback})
 */
public record ChatResponse(
        String content,
        FinishReason finishReason,
        Integer promptTokens,
        Integer completionTokens,
        int contextTokens,
        boolean promptTruncated,
        boolean tokensEstimated,
        int retries,
        Pushback pushback) {
    public ChatResponse {
        content = content == null ? "" : content;
        finishReason = finishReason == null ? FinishReason.OTHER : finishReason;
        pushback = pushback == null ? Pushback.NONE : pushback;
    }

    /** An answer the server took at once, without pushback. */
    public ChatResponse(String content, FinishReason finishReason, Integer promptTokens, Integer completionTokens,
            int contextTokens, boolean promptTruncated, boolean tokensEstimated, int retries) {
        this(content, finishReason, promptTokens, completionTokens, contextTokens, promptTruncated,
                tokensEstimated, retries, Pushback.NONE);
    }
}
