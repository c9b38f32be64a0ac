package dev.scrum.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.testing.FakeModelServer;
import dev.scrum.testing.FakeModelServerExtension;
import dev.scrum.testing.Reply;
import dev.scrum.testing.Timed;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChatClientErrorsTest {
    private static final String MODEL = "qwen3:latest";
    private static final String SECRET = "sk-canary-0123456789abcdef";
    private static final ApiKey KEY = ApiKey.of(SECRET, "environment variable OPENAI_API_KEY");

    @RegisterExtension
    final FakeModelServerExtension fake = new FakeModelServerExtension(2, Duration.ofSeconds(5));

    private FakeModelServer server;
    private HttpTransport transport;

    @BeforeEach
    void connect() {
        server = fake.server();
        transport = fake.transport();
    }

    private ChatClient ollama(Duration timeout) {
        return new OllamaChatClient(transport, server.url(), null, timeout);
    }

    private ChatClient openAi(ApiKey key) {
        return new OpenAiChatClient(transport, server.openAiUrl(), key, Duration.ofSeconds(10));
    }

    private static ChatException failure(ChatClient client) {
        return assertThrows(ChatException.class, () -> client.chat(ChatRequests.markdown(MODEL, "Review.")));
    }

    @Test
    void aModelOllamaDoesNotHaveIsA404NamingIt() {
        ChatException e = failure(ollama(Duration.ofSeconds(10)));

        assertEquals(ChatException.Kind.HTTP, e.kind());
        assertEquals(404, e.status());
        assertTrue(e.getMessage().startsWith("HTTP 404 from " + server.url() + "/api/chat: model \"" + MODEL
                + "\" not found, try pulling it first"), e.getMessage());
        assertTrue(e.getMessage().contains("model '" + MODEL + "' is missing on that server"), e.getMessage());
    }

    @Test
    void aModelOpenAiDoesNotHaveIsA404WithItsMessage() {
        ChatException e = failure(openAi(null));

        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("The model `" + MODEL + "` does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("is missing on that server"), e.getMessage());
    }

    @Test
    void aServerErrorIsHttpWithItsStatusAndText() {
        server.script(MODEL, Reply.status(500, "{\"error\":\"llama runner process has terminated\"}"));

        ChatException e = failure(ollama(Duration.ofSeconds(10)));

        assertEquals(ChatException.Kind.HTTP, e.kind());
        assertEquals(500, e.status());
        assertTrue(e.getMessage().endsWith(": llama runner process has terminated"), e.getMessage());
    }

    @Test
    void aClosedPortIsANetworkFailureNamingTheServer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ChatClient client = new OllamaChatClient(transport, URI.create("http://127.0.0.1:" + port), null,
                Duration.ofSeconds(5));

        ChatException e = failure(client);

        assertEquals(ChatException.Kind.NETWORK, e.kind());
        assertEquals("connection refused by http://127.0.0.1:" + port + " (is the server running there?)",
                e.getMessage());
    }

    @Test
    void aServerSlowerThanTheTimeoutTimesOutWithinAboutTheTimeout() throws Throwable {
        server.script(MODEL, Reply.delay(15_000, Reply.content("too late")));

        Timed<ChatException> e = Timed.of(() -> failure(ollama(Duration.ofSeconds(1))));

        assertEquals(ChatException.Kind.TIMEOUT, e.value().kind());
        assertTrue(e.value().getMessage().startsWith("no answer within 1 s from " + server.url()), e.value().getMessage());
        assertTrue(e.millis() < 4_000, "took " + e.millis() + " ms");
    }

    @Test
    void aServerDrippingBytesForeverCostsAtMostTheTimeout() throws Throwable {
        server.script(MODEL, Reply.drip(100));

        Timed<ChatException> e = Timed.of(() -> failure(ollama(Duration.ofSeconds(2))));

        assertEquals(ChatException.Kind.TIMEOUT, e.value().kind());
        assertTrue(e.millis() >= 1_900 && e.millis() < 5_000, "took " + e.millis() + " ms");
    }

    @Test
    void aBodyThatIsNotJsonIsAProtocolFailureWithAnExcerpt() {
        server.script(MODEL, Reply.notJson("<html><body>502 Bad Gateway " + "padding ".repeat(100) + "</body></html>"));

        ChatException e = failure(ollama(Duration.ofSeconds(10)));

        assertEquals(ChatException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("is not JSON: <html><body>502 Bad Gateway"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void jsonWithoutAMessageIsAProtocolFailure() {
        server.script(MODEL, Reply.status(200, "{\"model\":\"qwen3:latest\",\"done\":true}"));

        ChatException e = failure(ollama(Duration.ofSeconds(10)));

        assertEquals(ChatException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("is JSON that lacks \"message\": {\"model\""), e.getMessage());
    }

    @Test
    void openAiJsonWithoutChoicesIsAProtocolFailure() {
        server.script(MODEL, Reply.status(200, "{\"object\":\"chat.completion\",\"choices\":[]}"));

        ChatException e = failure(openAi(null));
        assertEquals(ChatException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("is JSON that lacks \"choices\""), e.getMessage());
    }

    @Test
    void openAiJsonWithoutAMessageNamesTheField() {
        server.script(MODEL, Reply.status(200, "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0}]}"));

        assertTrue(failure(openAi(null)).getMessage().contains("is JSON that lacks \"choices[0].message\""));
    }

    @Test
    void anEmptyBodyAndAJsonArrayAreSaidSo() {
        server.script(MODEL, Reply.status(200, ""), Reply.status(200, "[1, 2]"));
        ChatClient client = ollama(Duration.ofSeconds(10));

        assertTrue(failure(client).getMessage().endsWith("/api/chat) has an empty body"));
        assertTrue(failure(client).getMessage().endsWith("/api/chat) is not a JSON object: [1, 2]"));
    }

    @Test
    void aRateLimitWithRetryAfterIsRetriedAndSucceeds() throws Throwable {
        server.script(MODEL,
                Reply.status(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")
                        .withHeader("Retry-After", "1"),
                Reply.content("finally"));

        Timed<ChatResponse> response = Timed.of(() -> openAi(null).chat(ChatRequests.markdown(MODEL, "u")));

        assertEquals("finally", response.value().content());
        assertEquals(2, server.requests().size());
        assertTrue(response.millis() >= 900, "waited " + response.millis() + " ms for Retry-After: 1");
    }

    @Test
    void anOverloadedServerIsRetriedTwiceThenReported() {
        server.script(MODEL, Reply.status(503, "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}")
                .withHeader("Retry-After", "0"));

        ChatException e = failure(ollama(Duration.ofSeconds(10)));

        assertEquals(503, e.status());
        assertEquals(3, server.requests().size(), "the first call and two retries");
        assertEquals(2, e.retries());
        assertTrue(e.getMessage().contains("maximum pending requests exceeded (the server is overloaded or its queue "
                + "is full, still after 2 retries)"), e.getMessage());
    }

    @Test
    void aBadKeyIsReportedWithoutShowingItEvenWhenTheServerEchoesIt() {
        server.script(MODEL, Reply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + SECRET
                + ".\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));

        ChatException e = failure(openAi(KEY));

        assertEquals(401, e.status());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(e.getMessage().contains("check the API key from environment variable OPENAI_API_KEY"),
                e.getMessage());
        assertEquals("Bearer " + SECRET, server.requests().get(0).header("Authorization"));
    }

    @Test
    void noFailureMessageCarriesTheKey() {
        ChatClient keyed = new OllamaChatClient(transport, server.url(), KEY, Duration.ofSeconds(1));
        server.script("missing-body", Reply.notJson("echo " + SECRET));
        server.script("slow", Reply.delay(10_000, Reply.content("late")));
        for (String model : new String[] {"unscripted", "missing-body", "slow"}) {
            ChatException e = assertThrows(ChatException.class,
                    () -> keyed.chat(ChatRequests.markdown(model, "u")));
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
            assertFalse(String.valueOf(e.getCause()).contains(SECRET), String.valueOf(e.getCause()));
        }
    }
}
