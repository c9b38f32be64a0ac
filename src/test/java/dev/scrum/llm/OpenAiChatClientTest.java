package dev.scrum.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.scrum.testing.FakeModelServerExtension;
import dev.scrum.testing.RecordedRequest;
import dev.scrum.testing.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiChatClientTest {
    private static final String MODEL = "gpt-4o-mini";

    @RegisterExtension
    final FakeModelServerExtension fake = new FakeModelServerExtension();

    private ChatClient client(ApiKey key) {
        return new OpenAiChatClient(fake.transport(), fake.server().openAiUrl(), key, Duration.ofSeconds(10));
    }

    @Test
    void aJsonAnswerIsAskedAsStrictJsonSchemaWithMaxTokensForACompatibleServer() throws ChatException {
        fake.server().script(MODEL, Reply.content("{\"score\": 9}"));

        ChatResponse response = client(null).chat(ChatRequests.json(MODEL, "Review this file."));

        RecordedRequest sent = fake.server().requests("/v1/chat/completions").get(0);
        JsonObject body = sent.json();
        assertEquals(MODEL, body.get("model").getAsString());
        JsonArray messages = body.getAsJsonArray("messages");
        assertEquals("system", messages.get(0).getAsJsonObject().get("role").getAsString());
        assertEquals("Review this file.", messages.get(1).getAsJsonObject().get("content").getAsString());
        JsonObject format = body.getAsJsonObject("response_format");
        assertEquals("json_schema", format.get("type").getAsString());
        JsonObject schema = format.getAsJsonObject("json_schema");
        assertEquals("scrum_review", schema.get("name").getAsString());
        assertTrue(schema.get("strict").getAsBoolean());
        assertEquals(JsonParser.parseString(ChatRequests.SCHEMA), schema.get("schema"));
        assertEquals(500, body.get("max_tokens").getAsInt());
        assertFalse(body.has("max_completion_tokens"));
        assertEquals(0.2, body.get("temperature").getAsDouble());

        assertEquals("{\"score\": 9}", response.content());
        assertEquals(FinishReason.STOP, response.finishReason());
        assertEquals(0, response.contextTokens());
        assertFalse(response.promptTruncated());
    }

    @Test
    void aMarkdownAnswerHasNoResponseFormatAndNoTemperatureUnlessSet() throws ChatException {
        fake.server().script(MODEL, Reply.content("Score: 7"));

        client(null).chat(ChatRequests.markdown(MODEL, "u"));

        JsonObject body = fake.server().requests().get(0).json();
        assertFalse(body.has("response_format"));
        assertFalse(body.has("temperature"));
    }

    @Test
    void openAiItselfGetsMaxCompletionTokens() {
        Gson wire = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

        JsonObject body = wire.toJsonTree(OpenAiChatClient.body(ChatRequests.json(MODEL, "u"), true)).getAsJsonObject();

        assertEquals(500, body.get("max_completion_tokens").getAsInt());
        assertFalse(body.has("max_tokens"));
    }

    @Test
    void aKeyIsSentAsBearerAndNoHeaderWithoutOne() throws ChatException {
        fake.server().script(MODEL, Reply.content("ok"));

        client(ApiKey.of("sk-test-123", "environment variable OPENAI_API_KEY")).chat(ChatRequests.markdown(MODEL, "u"));
        client(null).chat(ChatRequests.markdown(MODEL, "u"));

        assertEquals("Bearer sk-test-123", fake.server().requests().get(0).header("Authorization"));
        assertNull(fake.server().requests().get(1).header("Authorization"));
    }

    @Test
    void usageAndFinishReasonAreRead() throws ChatException {
        String text = "cut off mid-sentence because max_tokens ran ou";
        fake.server().script(MODEL, Reply.contentLength(text));

        ChatResponse response = client(null).chat(ChatRequests.markdown(MODEL, "u".repeat(800)));

        assertEquals(FinishReason.LENGTH, response.finishReason());
        assertEquals(text.length() / 4, response.completionTokens());
        assertEquals(("You review code.".length() + 800) / 4, response.promptTokens());
    }

    @Test
    void aRefusalIsAnEmptyContentFilteredAnswer() throws ChatException {
        fake.server().script(MODEL, Reply.refusal("I can't help with that."));

        ChatResponse response = client(null).chat(ChatRequests.json(MODEL, "u"));

        assertEquals("", response.content());
        assertEquals(FinishReason.CONTENT_FILTER, response.finishReason());
    }
}
