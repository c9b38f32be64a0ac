package dev.scrum.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.check.Rubric;
import dev.scrum.ladder.AttemptListener;
import dev.scrum.ladder.Ladder;
import dev.scrum.ladder.LadderOutcome;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.ChatRequest;
import dev.scrum.llm.ChatResponse;
import dev.scrum.llm.FinishReason;
import dev.scrum.provider.Provider;
import dev.scrum.symbols.SymbolTable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rejection kind, as the rubric words it and as the next rung's prompt shows it. */
class LearningContextTest {

    private static final String FILE = """
            package com.example.orders;

            public class Refunds {
                private final String refundPolicyVersion = "2026-1";

                public long refund(String orderId, long amountCents) {
                    return amountCents;
                }
            }
            """;

    private static String json(String firstSymbol, Integer firstLine, int suggestions, String gap) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < suggestions; i++) {
            s.add("""
                    {"title": "Audit %d", "symbol": "%s", "line": %s, "change": "Write the refunded amount to the audit trail.", "citations": []}"""
                    .formatted(i, i == 0 ? firstSymbol : "refund", i == 0 ? firstLine : "null"));
        }
        return """
                {"score": 6, "summary": "Refunds work; the audit trail and the policy version are not recorded anywhere.",
                 "suggestions": [%s], "gaps": [%s]}""".formatted(String.join(",", s), gap);
    }

    private static final String MARKDOWN = """
            Alignment score: 6/10

            1. `refund` (line 6): write the refunded amount to the audit trail with the policy version.
            2. `refund` (line 7): reject refunds of orders that shipped and were not returned to the shop.
            3. `refundPolicyVersion` (line 4): record it with every refund entry written to the trail.
            - missing: a refund notification to the customer.
            """;

    private static final Map<String, String> ANSWERS = Map.of(
            "prose", "The refunds look fine to me; nothing to change.",
            "two", json("refund", 6, 2, ""),
            "ghost", json("persist", 6, 3, ""),
            "declared", json("refund", 6, 3,
                    "{\"kind\": \"missing\", \"symbol\": \"refundPolicyVersion\", \"description\": \"No policy version.\", \"citations\": []}"),
            "far", json("refund", 900, 3, ""),
            "unscored", MARKDOWN.replace("Alignment score: 6/10", "Mostly aligned."),
            "good", MARKDOWN);

    private static Rung rung(String model, AnswerFormat format) {
        return Rung.of(Provider.OLLAMA, model, URI.create("http://localhost:11434")).withFormat(format);
    }

    @Test
    void theNextRungIsToldExactlyWhatWentWrongWithEachEarlierAnswer() {
        List<ChatRequest> sent = new ArrayList<>();
        Ladder ladder = new Ladder(List.of(rung("prose", AnswerFormat.JSON), rung("two", AnswerFormat.JSON),
                rung("ghost", AnswerFormat.JSON), rung("declared", AnswerFormat.JSON), rung("far", AnswerFormat.JSON),
                rung("unscored", AnswerFormat.MARKDOWN), rung("good", AnswerFormat.MARKDOWN)),
                r -> request -> {
                    sent.add(request);
                    return new ChatResponse(ANSWERS.get(request.model()), FinishReason.STOP, 10, 10, 0, false, false, 0);
                });
        String path = "src/main/java/com/example/orders/Refunds.java";
        Rubric rubric = new Rubric(100, true, SymbolTable.of(path, FILE));
        LadderOutcome outcome = ladder.climb(new ReviewPrompts(path, FILE, List.of(), List.of()), rubric,
                AttemptListener.NONE);

        assertEquals(List.of("malformed", "thin", "ungrounded", "ungrounded", "ungrounded", "thin", "accepted"),
                outcome.attempts().stream().map(a -> a.status().id()).toList());
        String last = sent.get(6).user();
        List<String> expected = List.of(
                "- attempt 1 (ollama/prose, model prose): malformed, 47 characters: the answer was not the asked JSON: "
                        + "not JSON: it begins \"The refunds look fine to me; nothing to …\" where the JSON object "
                        + "should begin; answer with the object alone\n",
                "- attempt 2 (ollama/two, model two): thin, " + ANSWERS.get("two").length()
                        + " characters: the answer had 2 suggestions with real text, at least 3 needed\n",
                "- attempt 3 (ollama/ghost, model ghost): ungrounded, " + ANSWERS.get("ghost").length()
                        + " characters: suggestion 1 names `persist`, which the file does not declare\n",
                "- attempt 4 (ollama/declared, model declared): ungrounded, " + ANSWERS.get("declared").length()
                        + " characters: gap 1 says `refundPolicyVersion` is missing, but line 4 declares it\n",
                "- attempt 5 (ollama/far, model far): ungrounded, " + ANSWERS.get("far").length()
                        + " characters: suggestion 1 points at line 900, but the file has 9 lines\n",
                "- attempt 6 (ollama/unscored, model unscored): thin, " + ANSWERS.get("unscored").length()
                        + " characters: the answer gives no alignment score\n");
        for (String line : expected) {
            assertTrue(last.contains(line), () -> "prompt lacks «" + line + "» in:\n" + last);
        }
        assertTrue(sent.get(3).user().contains("persist"), "each prompt carries every earlier failure");
    }
}
