package dev.scrum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptStatus;
import dev.scrum.ladder.Rung;
import dev.scrum.provider.Provider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class UnansweredCauseTest {

    private static final String LOCAL_REFUSED = "network: connection refused by http://localhost:11434 (is the server "
            + "running there?); the rung is left out for the rest of the run";
    private static final String NO_KEY = "no API key: set OLLAMA_API_KEY or give the rung a serverId or apiKeyEnv";

    private static Attempt error(int n, String rungId, String error) {
        return Attempt.failed(n, rungId, rungId.substring(rungId.indexOf('/') + 1), error, 3);
    }

    private static Attempt skipped(int n, String model) {
        return Attempt.skipped(n, Rung.of(Provider.OLLAMA_CLOUD, model, URI.create("https://ollama.com")), NO_KEY);
    }

    private static FileReview unresolved(String file, Attempt... attempts) {
        return FileReview.builder().file(file).outcome(FileOutcome.unresolved(List.of(attempts))).build();
    }

    /** The bundled example without Ollama: three local rungs refused, three cloud rungs without a key. */
    private static FileReview noOllama(String file) {
        return unresolved(file, error(1, "ollama/qwen3.5:latest", LOCAL_REFUSED),
                error(2, "ollama/qwen3:latest", LOCAL_REFUSED), error(3, "ollama/gpt-oss:20b", LOCAL_REFUSED),
                skipped(4, "gpt-oss:120b"), skipped(5, "devstral-2:123b"), skipped(6, "mistral-large-3:675b"));
    }

    @Test
    void noOllamaRunningIsNamedOnceForEveryFileWithTheAdvice() {
        List<FileReview> six = Stream.of("A", "B", "C", "D", "E", "F").map(f -> noOllama("src/" + f + ".java")).toList();

        assertEquals(Optional.of("6 file(s) unanswered: connection refused at http://localhost:11434 (rungs "
                + "ollama/qwen3.5:latest, ollama/qwen3:latest, ollama/gpt-oss:20b) — start Ollama (`ollama serve`) or "
                + "run with -Dscrum.dryRun or -Dscrum.skip; 6 file(s) unanswered: rungs ollama-cloud/gpt-oss:120b, "
                + "ollama-cloud/devstral-2:123b, ollama-cloud/mistral-large-3:675b not called: " + NO_KEY),
                UnansweredCause.message(six));
    }

    @Test
    void eachCauseNamesTheFilesItHitWhenItDidNotHitThemAll() {
        String timeout = "timeout: no answer within 180 s from http://gpu.internal:11434/api/chat";
        String missing = "http: HTTP 404 from http://localhost:11434/api/chat: model \"qwen3:latest\" not found, try "
                + "pulling it first (model 'qwen3:latest' is missing on that server: pull it there or fix the rung's "
                + "<model>; or the base URL is wrong)";
        String key = "http: HTTP 401 from https://api.example.test/v1/chat/completions: invalid key (check the API key "
                + "from environment variable OPENAI_API_KEY)";
        String crash = "http: HTTP 500 from http://localhost:11434/api/chat: llama runner process has terminated";
        List<FileReview> files = List.of(
                unresolved("src/A.java", error(1, "ollama/qwen3:latest", missing), error(2, "ollama/big", timeout)),
                unresolved("src/B.java", error(1, "ollama/qwen3:latest", missing), error(2, "openai/gpt-4o-mini", key)),
                unresolved("src/C.java", error(1, "ollama/qwen3:latest", crash + " (after 2 retries)")));

        assertEquals(Optional.of("2 file(s) unanswered (src/A.java, src/B.java): HTTP 404, model qwen3:latest not found at "
                + "http://localhost:11434 (rung ollama/qwen3:latest) — pull it there (`ollama pull qwen3:latest`) or "
                + "fix the rung's <model> or <baseUrl>; "
                + "1 file(s) unanswered (src/A.java): no answer within the rung's timeout from http://gpu.internal:11434 "
                + "(rung ollama/big) — raise the rung's <timeoutSeconds>, lower <threads> (scrum.threads) or use a "
                + "smaller model; "
                + "1 file(s) unanswered (src/B.java): HTTP 401, the API key was refused by https://api.example.test "
                + "(rung openai/gpt-4o-mini) — give the rung a valid key through <serverId> (settings.xml) or "
                + "<apiKeyEnv>; "
                + "1 file(s) unanswered (src/C.java): " + crash.substring("http: ".length())
                + " (rung ollama/qwen3:latest)"),
                UnansweredCause.message(files));
    }

    @Test
    void aRefusedServerThatIsNotOllamaIsToldToStartOrFixTheBaseUrl() {
        String refused = "network: every server of the rung refused connections earlier in this run: "
                + "[http://localhost:8080/v1]";
        assertEquals(Optional.of("1 file(s) unanswered: connection refused at http://localhost:8080 (rung openai/local)"
                + " — start the server there or fix the rung's <baseUrl> or run with -Dscrum.dryRun or -Dscrum.skip"),
                UnansweredCause.message(List.of(unresolved("src/A.java", error(1, "openai/local", refused)))));
    }

    @Test
    void answersThatWereRejectedAreNoCause() {
        Attempt thin = Attempt.builder().n(1).rungId("ollama/m").model("m").status(AttemptStatus.THIN).chars(9)
                .error("too short").build();
        assertEquals(Optional.empty(), UnansweredCause.message(List.of(unresolved("src/A.java", thin))));
    }

    @Test
    void pastSixCausesTheRestAreCounted() {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            attempts.add(error(i, "openai/m" + i, "http: HTTP 500 from http://h" + i + ":1/v1: boom"));
        }
        String message = UnansweredCause.message(List.of(unresolved("src/A.java", attempts.toArray(Attempt[]::new))))
                .orElseThrow();
        assertEquals(7, message.split("; ").length, message);
        assertEquals(true, message.endsWith("; 2 other cause(s) in the report's attempts"), message);
    }
}
