package dev.scrum.review;

import dev.scrum.ladder.Rung;
import dev.scrum.llm.TokenCounter;
import java.util.List;

/**
 * How many prompt tokens every usable rung of the ladder can take: the smallest context window less the answer's
 * room, less a safety share (other models' tokenizers count differently). A prompt must also leave room for the
 * learning context later rungs are told.
 *
 * @param tokens the budget; {@link Integer#MAX_VALUE} when no rung says its window
 */
record PromptBudget(int tokens) {

    /** Room kept in a prompt for the learning context of later rungs, in tokens. */
    static final int LEARNING_RESERVE_TOKENS = 1500;
    /** The share of a context window a prompt may fill. */
    private static final double SAFETY = 0.9;

    static PromptBudget of(List<Rung> ladder) {
        return new PromptBudget(ladder.stream()
                .filter(r -> r.usable() && r.contextTokens() > 0)
                .mapToInt(r -> (int) ((r.contextTokens() - r.maxTokens()) * SAFETY))
                .min()
                .orElse(Integer.MAX_VALUE));
    }

    boolean unlimited() {
        return tokens == Integer.MAX_VALUE;
    }

    /** Whether a prompt of these two messages, with the learning reserve, fits. */
    boolean fits(String system, String user) {
        return unlimited()
                || TokenCounter.count(system) + TokenCounter.count(user) + LEARNING_RESERVE_TOKENS <= tokens;
    }
}
