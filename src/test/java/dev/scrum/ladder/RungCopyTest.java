package dev.scrum.ladder;

import static dev.scrum.testing.RecordFields.assertEveryFieldSet;
import static dev.scrum.testing.RecordFields.assertOnlyChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.ApiKey;
import dev.scrum.provider.Provider;
import dev.scrum.redact.RedactionPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every copy-with method of {@link Rung} and {@link Attempt} changes what it names and nothing else. */
class RungCopyTest {

    private static final URI A = URI.create("https://a.example:11434");
    private static final URI B = URI.create("https://b.example:11434");

    static Rung everyFieldSet() {
        return Rung.builder().provider(Provider.OLLAMA_CLOUD).model("gpt-oss:120b").baseUrl(A)
                .apiKey(ApiKey.of("k", "test")).skipReason("why").format(AnswerFormat.JSON).maxTokens(900)
                .temperature(0.2).timeout(Duration.ofSeconds(30)).maxConcurrent(3).contextTokens(65536)
                .note("cloud").baseUrls(List.of(A, B)).redactSecrets(true).build();
    }

    @Test
    void eachCopyChangesItsOwnFieldOnly() {
        Rung rung = everyFieldSet();
        assertEveryFieldSet(rung);
        assertOnlyChanged(rung, rung.withSkipReason("other"), "skipReason");
        assertOnlyChanged(rung, rung.withFormat(AnswerFormat.MARKDOWN), "format");
        assertOnlyChanged(rung, rung.withApiKey(ApiKey.of("other", "test")), "apiKey");
        assertOnlyChanged(rung, rung.withRedaction(RedactionPolicy.NEVER), "redactSecrets");
        Rung one = rung.onServer(B);
        assertOnlyChanged(rung, one, "baseUrl", "baseUrls");
        assertEquals(List.of(B), one.baseUrls());
        assertEquals(rung, rung.toBuilder().build());
    }

    @Test
    void aRungOfDefaultsTakesTheProvidersFormatALearnedLimitAndMasksSecretsForARemoteServer() {
        Rung cloud = Rung.of(Provider.OLLAMA_CLOUD, "m", A);
        assertEquals(AnswerFormat.MARKDOWN, cloud.format());
        assertEquals(Rung.DEFAULT_MAX_TOKENS, cloud.maxTokens());
        assertEquals(Rung.DEFAULT_TIMEOUT, cloud.timeout());
        assertEquals(Rung.LEARNED, cloud.maxConcurrent());
        assertEquals(true, cloud.adaptive());
        assertEquals(List.of(A), cloud.baseUrls());
        assertEquals(true, cloud.redactSecrets());
        assertEquals(false, Rung.of(Provider.OLLAMA, "m", URI.create("http://localhost:11434")).redactSecrets());
    }

    @Test
    void anAttemptWithRetriesChangesItsRetriesOnly() {
        Attempt a = Attempt.builder().n(2).rungId("ollama/m").model("m").status(AttemptStatus.THIN).chars(120)
                .error("thin").durationMs(400).promptTokens(10).completionTokens(20).answer("short")
                .tokensEstimated(true).retries(1).build();
        assertEveryFieldSet(a);
        assertOnlyChanged(a, a.withRetries(3), "retries");
        assertEquals(a, a.toBuilder().build());
    }
}
