package dev.scrum.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scrum.ladder.Attempt;
import dev.scrum.report.FileOutcome;
import dev.scrum.report.FileReview;
import dev.scrum.report.GateDecision;
import dev.scrum.report.RunReport;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** With failOnUnresolved=false the warning names each cause once, as the failure message does (issue 21). */
class GatePolicyUnresolvedTest {

    private static final String REFUSED = "network: connection refused by http://localhost:11434 (is the server "
            + "running there?); the rung is left out for the rest of the run";
    private static final String TIMEOUT = "timeout: no answer within 180 s from http://gpu.internal:11434/api/chat";
    private static final String CAUSES = "2 file(s) unanswered: connection refused at http://localhost:11434 (rung "
            + "ollama/qwen3:latest) — start Ollama (`ollama serve`) or run with -Dscrum.dryRun or -Dscrum.skip; "
            + "1 file(s) unanswered (src/B.java): no answer within the rung's timeout from http://gpu.internal:11434 "
            + "(rung ollama/big) — raise the rung's <timeoutSeconds>, lower <threads> (scrum.threads) or use a "
            + "smaller model";

    private static FileReview unresolved(String file, Attempt... attempts) {
        return FileReview.builder().file(file).outcome(FileOutcome.unresolved(List.of(attempts))).build();
    }

    private static RunReport run() {
        return RunReport.builder().reviews(List.of(
                unresolved("src/A.java", Attempt.failed(1, "ollama/qwen3:latest", "qwen3:latest", REFUSED, 3)),
                unresolved("src/B.java", Attempt.failed(1, "ollama/qwen3:latest", "qwen3:latest", REFUSED, 3),
                        Attempt.failed(2, "ollama/big", "big", TIMEOUT, 180_000)))).build();
    }

    @Test
    void theWarningNamesEachCauseOnceLikeTheFailure() {
        GateDecision warned = new GatePolicy(false, 0, Set.of(), true).decide(run());
        assertEquals(GateDecision.Outcome.PASSED, warned.outcome());
        assertEquals(List.of("2 of 2 file(s) unresolved (no rung's answer was accepted): src/A.java, src/B.java; "
                + "not failing the build (failOnUnresolved=false)", CAUSES), warned.warnings());

        GateDecision failed = GatePolicy.DEFAULT.decide(run());
        assertEquals(List.of("2 of 2 file(s) unresolved (no rung's answer was accepted): src/A.java, src/B.java",
                CAUSES), failed.failures());
    }

    @Test
    void answersThatWereOnlyRejectedAddNoCause() {
        RunReport thin = RunReport.builder().reviews(List.of(dev.scrum.report.FindingFixtures.unresolved("src/C.java")))
                .build();
        assertEquals(List.of("1 of 1 file(s) unresolved (no rung's answer was accepted): src/C.java; "
                + "not failing the build (failOnUnresolved=false)"),
                new GatePolicy(false, 0, Set.of(), true).decide(thin).warnings());
    }
}
