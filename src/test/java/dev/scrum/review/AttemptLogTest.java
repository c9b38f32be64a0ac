package dev.scrum.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptStatus;
import dev.scrum.ladder.Rung;
import dev.scrum.provider.Provider;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptLogTest {

    private static final URI LOCAL = URI.create("http://localhost:11434");
    private static final String REFUSED = "network: connection refused by http://localhost:11434 (is the server "
            + "running there?); the rung is left out for the rest of the run";
    private static final String NO_KEY = "no API key: set OLLAMA_API_KEY or give the rung a serverId or apiKeyEnv";

    private final ProgressLines progress = new ProgressLines();
    private final List<String> lines = progress.lines;
    private final AttemptLog log = new AttemptLog(progress, "[1/6] A.java");

    private void refused(int n, String model) {
        Rung rung = Rung.of(Provider.OLLAMA, model, LOCAL);
        log.starting(n, 6, rung);
        log.finished(Attempt.failed(n, rung.id(), model, REFUSED, 100), 6);
    }

    private void skipped(int n, String model) {
        log.finished(Attempt.skipped(n, Rung.of(Provider.OLLAMA_CLOUD, model, URI.create("https://ollama.com")),
                NO_KEY), 6);
    }

    @Test
    void attemptsFailingForTheCauseBeforeThemAreOneLine() {
        refused(1, "qwen3.5:latest");
        refused(2, "qwen3:latest");
        refused(3, "gpt-oss:20b");
        skipped(4, "gpt-oss:120b");
        skipped(5, "devstral-2:123b");
        skipped(6, "mistral-large-3:675b");
        log.done();

        assertEquals(List.of(
                "[1/6] A.java attempt 1/6 ollama/qwen3.5:latest",
                "[1/6] A.java attempt 1/6 ollama/qwen3.5:latest: error, 0 chars, 0.1 s (" + REFUSED + ")",
                "[1/6] A.java attempts 2-3/6 ollama/qwen3:latest, ollama/gpt-oss:20b: error, 0.2 s (as attempt 1)",
                "[1/6] A.java attempt 4/6 ollama-cloud/gpt-oss:120b: skipped, 0 chars, 0.0 s (" + NO_KEY + ")",
                "[1/6] A.java attempts 5-6/6 ollama-cloud/devstral-2:123b, ollama-cloud/mistral-large-3:675b: skipped "
                        + "(as attempt 4)"), lines);
    }

    @Test
    void aCallAfterARefusedOneIsSaidInFullWhenItIsAnswered() {
        refused(1, "a");
        Rung b = Rung.of(Provider.OLLAMA, "b", LOCAL);
        log.starting(2, 6, b);
        log.finished(Attempt.builder().n(2).rung(b).status(AttemptStatus.THIN).chars(9).durationMs(1500)
                .error("too short").build(), 6);
        Rung c = Rung.of(Provider.OLLAMA, "c", URI.create("http://gpu.internal:11434"));
        log.starting(3, 6, c);
        log.done();

        assertEquals(List.of(
                "[1/6] A.java attempt 1/6 ollama/a",
                "[1/6] A.java attempt 1/6 ollama/a: error, 0 chars, 0.1 s (" + REFUSED + ")",
                "[1/6] A.java attempt 2/6 ollama/b",
                "[1/6] A.java attempt 2/6 ollama/b: thin, 9 chars, 1.5 s (too short)",
                "[1/6] A.java attempt 3/6 ollama/c"), lines);
    }
}
