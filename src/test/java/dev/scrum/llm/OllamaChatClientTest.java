package dev.scrum.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.scrum.testing.FakeModelServer;
import dev.scrum.testing.FakeModelServerExtension;
import dev.scrum.testing.RecordedRequest;
import dev.scrum.testing.Reply;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OllamaChatClientTest {
    private static final String MODEL = "qwen3.5:latest";

    @RegisterExtension
    final FakeModelServerExtension fake = new FakeModelServerExtension();

    private FakeModelServer server;
    private HttpTransport transport;
    private ChatClient client;

    @BeforeEach
    void connect() {
        server = fake.server();
        transport = fake.transport();
        client = new OllamaChatClient(transport, server.url(), null, Duration.ofSeconds(10));
    }

    @Test
    void sendsBothMessagesWithoutStreamingAndAWindowForPromptAndAnswer() throws ChatException {
        server.script(MODEL, Reply.content("Score 8. Looks aligned."));

        ChatResponse response = client.chat(ChatRequests.markdown(MODEL, "Review this file."));

        RecordedRequest sent = server.requests("/api/chat").get(0);
        JsonObject body = sent.json();
        assertEquals(MODEL, body.get("model").getAsString());
        JsonArray messages = body.getAsJsonArray("messages");
        assertEquals(2, messages.size());
        assertEquals("system", messages.get(0).getAsJsonObject().get("role").getAsString());
        assertEquals("You review code.", messages.get(0).getAsJsonObject().get("content").getAsString());
        assertEquals("user", messages.get(1).getAsJsonObject().get("role").getAsString());
        assertEquals("Review this file.", messages.get(1).getAsJsonObject().get("content").getAsString());
        assertFalse(body.get("stream").getAsBoolean());
        JsonObject options = body.getAsJsonObject("options");
        assertEquals(4096, options.get("num_ctx").getAsInt());
        assertEquals(500, options.get("num_predict").getAsInt());
        assertFalse(options.has("temperature"), "no temperature unless one is set");
        assertFalse(body.has("format"), "no schema for a markdown answer");
        assertNull(sent.header("Authorization"));
        assertTrue(sent.header("Content-Type").startsWith("application/json"));

        assertEquals("Score 8. Looks aligned.", response.content());
        assertEquals(FinishReason.STOP, response.finishReason());
        assertEquals(4096, response.contextTokens());
        assertFalse(response.promptTruncated());
    }

    @Test
    void aJsonAnswerCarriesTheSchemaAsFormatAndTheTemperature() throws ChatException {
        server.script(MODEL, Reply.content("{\"score\": 7}"));

        client.chat(ChatRequests.json(MODEL, "Review this file."));

        JsonObject body = server.requests().get(0).json();
        assertEquals(JsonParser.parseString(ChatRequests.SCHEMA), body.get("format"));
        assertEquals(0.2, body.getAsJsonObject("options").get("temperature").getAsDouble());
    }

    @Test
    void aJsonAnswerWithoutASchemaHasNoFormat() throws ChatException {
        server.script(MODEL, Reply.content("{}"));

        client.chat(new ChatRequest(MODEL, "s", "u", 100, null, 0, AnswerFormat.JSON, null));

        assertFalse(server.requests().get(0).json().has("format"));
    }

    @Test
    void aLargePromptGetsAWindowHoldingAllOfItAndIsNotCut() throws ChatException {
        server.script(MODEL, Reply.content("fine"));
        String user = "x".repeat(40_000);

        ChatResponse response = client.chat(ChatRequests.markdown(MODEL, user));

        int numCtx = server.requests().get(0).json().getAsJsonObject("options").get("num_ctx").getAsInt();
        int promptChars = "You review code.".length() + user.length();
        assertTrue(numCtx >= ContextWindow.estimateTokens(promptChars) + 500, "num_ctx " + numCtx);
        assertEquals(numCtx, response.contextTokens());
        assertEquals(promptChars / 4, response.promptTokens(), "the server evaluated the whole prompt");
        assertFalse(response.promptTruncated());
    }

    @Test
    void aWindowCappedBelowThePromptIsFlaggedAsCut() throws ChatException {
        server.script(MODEL, Reply.content("a plausible answer to half a prompt"));

        ChatResponse response = client.chat(ChatRequests.capped(MODEL, "x".repeat(40_000), 4096));

        assertEquals(4096, server.requests().get(0).json().getAsJsonObject("options").get("num_ctx").getAsInt());
        assertEquals(4096, response.promptTokens(), "Ollama evaluated a full window: it dropped the front");
        assertTrue(response.promptTruncated());
    }

    @Test
    void doneReasonLengthIsAnAnswerCutAtTheTokenLimitWithItsCounts() throws ChatException {
        String text = "An answer that ran out of tokens in the middle of a sen";
        server.script(MODEL, Reply.contentLength(text));

        ChatResponse response = client.chat(ChatRequests.markdown(MODEL, "u".repeat(400)));

        assertEquals(FinishReason.LENGTH, response.finishReason());
        assertEquals(text, response.content());
        assertEquals(text.length() / 4, response.completionTokens());
        assertEquals(("You review code.".length() + 400) / 4, response.promptTokens());
    }

    @Test
    void aKeyIsSentAsBearerForOllamasCloud() throws ChatException {
        server.script(MODEL, Reply.content("ok"));
        ChatClient cloud = new OllamaChatClient(transport, server.url(),
                ApiKey.of("cloud-secret", "environment variable OLLAMA_API_KEY"), Duration.ofSeconds(10));

        cloud.chat(ChatRequests.markdown(MODEL, "u"));

        assertEquals("Bearer cloud-secret", server.requests().get(0).header("Authorization"));
    }

    @Test
    void aBaseUrlWithATrailingSlashStillReachesApiChat() throws ChatException {
        server.script(MODEL, Reply.content("ok"));
        ChatClient slashed = new OllamaChatClient(transport, java.net.URI.create(server.url() + "/"), null,
                Duration.ofSeconds(10));

        slashed.chat(ChatRequests.markdown(MODEL, "u"));

        assertEquals("/api/chat", server.requests().get(0).path());
    }
}
