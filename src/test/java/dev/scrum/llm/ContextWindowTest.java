package dev.scrum.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContextWindowTest {

    @Test
    void estimatesThreeCharactersATokenRoundingUp() {
        assertEquals(0, ContextWindow.estimateTokens(0));
        assertEquals(1, ContextWindow.estimateTokens(1));
        assertEquals(1, ContextWindow.estimateTokens(3));
        assertEquals(2, ContextWindow.estimateTokens(4));
        assertEquals(13_334, ContextWindow.estimateTokens(40_000));
    }

    @Test
    void smallPromptsGetTheMinimumWindow() {
        assertEquals(4096, ContextWindow.numCtxFor(100, 500, 0));
    }

    @Test
    void largePromptsGetTheirTokensPlusTheAnswerRoundedUpToAKilotoken() {
        // 13,334 + 1,500 + 256 = 15,090 -> 15,360
        assertEquals(15_360, ContextWindow.numCtxFor(40_000, 1_500, 0));
        assertEquals(0, ContextWindow.numCtxFor(40_000, 1_500, 0) % 1024);
    }

    @Test
    void theCapWinsWhenPositive() {
        assertEquals(8192, ContextWindow.numCtxFor(40_000, 1_500, 8192));
        assertEquals(2048, ContextWindow.numCtxFor(100, 500, 2048));
        assertEquals(4096, ContextWindow.numCtxFor(100, 500, 32_768));
    }

    @Test
    void aPromptFillingMoreThanTheWindowLeavesBesideTheAnswerWasCut() {
        assertTrue(ContextWindow.promptWasCut(4096, 4096, 500));
        assertTrue(ContextWindow.promptWasCut(3597, 4096, 500));
        assertFalse(ContextWindow.promptWasCut(3596, 4096, 500));
        assertFalse(ContextWindow.promptWasCut(null, 4096, 500));
    }
}
