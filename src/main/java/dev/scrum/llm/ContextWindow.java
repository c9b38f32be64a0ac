package dev.scrum.llm;

/**
 * Sizes Ollama's context window ({@code options.num_ctx}) and tells when a prompt did not fit it.
 *
 * <p>Ollama does not reject a prompt longer than its window: by default it silently drops the front of the
 * prompt and evaluates the rest, and its default window is small (2048–4096 tokens on small servers). A
 * review prompt cut that way loses its instructions and passages, and the answer looks plausible anyway. So
 * every request asks for a window big enough for the prompt plus the answer, and the answer's
 * {@code prompt_eval_count} is checked: when the prompt was cut it fills the window.
 */
final class ContextWindow {
    private static final int MIN_WINDOW = 4096;
    private static final int STEP = 1024;
    private static final int SLACK_TOKENS = 256;

    private ContextWindow() {}

    /**
     * Tokens of a text, estimated high: three characters a token (English prose averages about four, code and
     * non-Latin text fewer), so a window sized on it is rarely too small.
     */
    public static int estimateTokens(int chars) {
        return (int) Math.ceil(chars / 3.0);
    }

    /**
     * The window to ask for: the prompt's estimated tokens plus the answer's {@code maxTokens} plus a little
     * slack for the chat template, rounded up to a multiple of 1024, at least 4096, and at most
     * {@code capOrZero} when that is positive (the rung's {@code contextTokens}, what its server can hold).
     */
    public static int numCtxFor(int promptChars, int maxTokens, int capOrZero) {
        long needed = (long) estimateTokens(promptChars) + maxTokens + SLACK_TOKENS;
        long rounded = Math.max(MIN_WINDOW, (needed + STEP - 1) / STEP * STEP);
        if (capOrZero > 0) {
            rounded = Math.min(rounded, capOrZero);
        }
        return (int) Math.min(rounded, Integer.MAX_VALUE);
    }

    /**
     * Whether the server evaluated more prompt tokens than the window leaves beside the answer, which is
     * what a cut prompt looks like: Ollama keeps the tail that fits, so {@code prompt_eval_count} comes back
     * as (about) the whole window.
     *
     * @param promptEvalCount Ollama's {@code prompt_eval_count}, or {@code null} when it gave none
     */
    public static boolean promptWasCut(Integer promptEvalCount, int numCtx, int maxTokens) {
        return promptEvalCount != null && promptEvalCount > numCtx - maxTokens;
    }
}
