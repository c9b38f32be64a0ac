package dev.scrum.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.testing.FakeModelServer;
import dev.scrum.testing.FakeModelServerExtension;
import dev.scrum.testing.Reply;
import dev.scrum.testing.Timed;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries within one call, against a real HTTP server: what is retried, how long it waits, what it says. */
class TransientFailuresTest {
    private static final String MODEL = "qwen3:latest";
    private static final String SECRET = "sk-canary-transient-0123456789";

    @RegisterExtension
    final FakeModelServerExtension fake = new FakeModelServerExtension(2, Duration.ofSeconds(5), Duration.ofMillis(100));

    private FakeModelServer server;

    @BeforeEach
    void connect() {
        server = fake.server();
    }

    private ChatClient ollama(Duration timeout) {
        return new OllamaChatClient(fake.transport(), server.url(), null, timeout);
    }

    private ChatResponse chat() throws ChatException {
        return ollama(Duration.ofSeconds(10)).chat(ChatRequests.markdown(MODEL, "Review."));
    }

    private ChatException failure(Duration timeout) {
        return assertThrows(ChatException.class, () -> ollama(timeout).chat(ChatRequests.markdown(MODEL, "Review.")));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503, 504})
    void aTransientStatusIsRetriedAndTheRetryCounted(int status) throws ChatException {
        server.script(MODEL, Reply.status(status, "{\"error\":\"try again\"}"), Reply.content("finally"));

        ChatResponse response = chat();

        assertEquals("finally", response.content());
        assertEquals(1, response.retries());
        assertEquals(2, server.requests().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 500})
    void aFinalStatusIsNeverRetried(int status) {
        server.script(MODEL, Reply.status(status, "{\"error\":\"no\"}").withHeader("Retry-After", "0"),
                Reply.content("never asked"));

        ChatException e = failure(Duration.ofSeconds(10));

        assertEquals(status, e.status());
        assertEquals(0, e.retries());
        assertEquals(1, server.requests().size());
    }

    @Test
    void withoutRetryAfterTheWaitBacksOffExponentially() throws Throwable {
        server.script(MODEL, Reply.status(502, "{}"), Reply.status(502, "{}"), Reply.content("ok"));

        Timed<ChatResponse> response = Timed.of(this::chat);

        assertEquals(2, response.value().retries());
        // 100 ms then 200 ms, each ±20 %
        assertTrue(response.millis() >= 240, "waited " + response.millis() + " ms");
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Throwable {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        server.script(MODEL, Reply.status(429, "{}").withHeader("Retry-After", inTwoSeconds), Reply.content("ok"));

        Timed<ChatResponse> response = Timed.of(this::chat);

        assertEquals("ok", response.value().content());
        assertTrue(response.millis() >= 900, "waited " + response.millis() + " ms for " + inTwoSeconds);
    }

    @Test
    void aStatusThatKeepsComingBackEndsInAnErrorSayingHowManyRetries() {
        server.script(MODEL, Reply.status(504, "{\"error\":\"upstream timed out\"}"));

        ChatException e = failure(Duration.ofSeconds(10));

        assertEquals(504, e.status());
        assertEquals(2, e.retries());
        assertEquals(3, server.requests().size());
        assertTrue(e.getMessage().endsWith("upstream timed out (gateway timeout: a proxy waited too long for the model "
                + "server, still after 2 retries)"), e.getMessage());
    }

    @Test
    void aConnectionDroppedBeforeTheAnswerIsRetried() throws ChatException {
        server.script(MODEL, Reply.reset(), Reply.content("after the reset"));

        ChatResponse response = chat();

        assertEquals("after the reset", response.content());
        assertEquals(1, response.retries());
    }

    @Test
    void aConnectionCutMidBodyIsRetried() throws ChatException {
        server.script(MODEL, Reply.cutMidBody("half of this answer never arrives"), Reply.content("whole"));

        ChatResponse response = chat();

        assertEquals("whole", response.content());
        assertEquals(1, response.retries());
        assertEquals(2, server.requests().size());
    }

    @Test
    void resetsThatKeepComingAreANetworkFailureAfterTheRetries() {
        server.script(MODEL, Reply.reset());

        ChatException e = failure(Duration.ofSeconds(10));

        assertEquals(ChatException.Kind.NETWORK, e.kind());
        assertEquals(2, e.retries());
        assertTrue(e.getMessage().startsWith("network failure talking to " + server.url()), e.getMessage());
        assertTrue(e.getMessage().endsWith("(after 2 retries)"), e.getMessage());
    }

    @Test
    void retriesNeverOutlastTheTimeout() throws Throwable {
        server.script(MODEL, Reply.delay(600, Reply.status(503, "{}")));

        Timed<ChatException> e = Timed.of(() -> failure(Duration.ofSeconds(1)));

        assertTrue(e.millis() < 2_500, "took " + e.millis() + " ms");
    }

    @Test
    void aForbiddenKeyIsNamedByItsSourceNeverShown() {
        ChatClient keyed = new OpenAiChatClient(fake.transport(), server.openAiUrl(),
                ApiKey.of(SECRET, "settings.xml server openai-prod"), Duration.ofSeconds(10));
        server.script(MODEL, Reply.status(403, "{\"error\":{\"message\":\"key " + SECRET + " may not use this model\"}}"));

        ChatException e = assertThrows(ChatException.class, () -> keyed.chat(ChatRequests.markdown(MODEL, "u")));

        assertEquals(403, e.status());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(e.getMessage().endsWith("(check the API key from settings.xml server openai-prod)"), e.getMessage());
    }
}
