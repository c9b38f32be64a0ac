package dev.scrum.llm;

import com.google.gson.JsonElement;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * OpenAI's chat completions API, {@code POST {base}/chat/completions}, for OpenAI itself and every
 * OpenAI-compatible server (vLLM, llama.cpp server, LM Studio, LiteLLM, Ollama's {@code /v1}). A JSON answer
 * is asked as strict structured output ({@code response_format} {@code json_schema}).
 */
public final class OpenAiChatClient implements ChatClient {
    private static final String SCHEMA_NAME = "scrum_review";

    private final JsonEndpoint endpoint;
    private final boolean openAiItself;

    /**
     * @param baseUrl the API's base URL including its version, e.g. {@code https://api.openai.com/v1}
     * @param keyOrNull the bearer key, or {@code null} for none (a local server)
     * @param timeout the deadline of one call
     */
    public OpenAiChatClient(HttpTransport transport, URI baseUrl, ApiKey keyOrNull, Duration timeout) {
        this.endpoint = new JsonEndpoint(transport, baseUrl, "/chat/completions", keyOrNull, timeout);
        this.openAiItself = baseUrl.getHost() != null
                && baseUrl.getHost().toLowerCase(Locale.ROOT).equals("api.openai.com");
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ChatException {
        JsonEndpoint.Answer<Reply> answer = endpoint.exchange(body(request, openAiItself), Reply.class,
                request.model(), OpenAiChatClient::missing);
        Reply reply = answer.body();
        Choice choice = reply.choices().get(0);
        boolean refused = choice.message().refusal() != null;
        Usage usage = reply.usage();
        return new ChatResponse(
                refused ? "" : choice.message().content(),
                refused ? FinishReason.CONTENT_FILTER : FinishReason.fromWire(choice.finishReason()),
                usage == null ? null : usage.promptTokens(),
                usage == null ? null : usage.completionTokens(),
                0,
                false,
                false,
                answer.retries(),
                answer.pushback());
    }

    /** What an answer lacks of the protocol, or {@code null}. */
    private static String missing(Reply r) {
        if (r.choices() == null || r.choices().isEmpty()) {
            return "\"choices\"";
        }
        return r.choices().get(0).message() == null ? "\"choices[0].message\"" : null;
    }

    /**
     * The request body. OpenAI itself reads {@code max_completion_tokens} (and rejects {@code max_tokens}
     * for its newer models); OpenAI-compatible servers still read {@code max_tokens}.
     */
    static Body body(ChatRequest request, boolean openAiItself) {
        JsonElement schema = ChatWire.schema(request);
        return new Body(
                request.model(),
                ChatWire.messages(request),
                openAiItself ? null : request.maxTokens(),
                openAiItself ? request.maxTokens() : null,
                request.temperature(),
                schema == null ? null : new ResponseFormat("json_schema", new JsonSchema(SCHEMA_NAME, true, schema)));
    }

    /** The request body; {@code null} fields are not written. */
    record Body(
            String model,
            List<ChatWire.Message> messages,
            Integer maxTokens,
            Integer maxCompletionTokens,
            Double temperature,
            ResponseFormat responseFormat) {}

    /** {@code response_format}. */
    record ResponseFormat(String type, JsonSchema jsonSchema) {}

    /** {@code response_format.json_schema}. */
    record JsonSchema(String name, boolean strict, JsonElement schema) {}

    /** The fields read from a {@code chat.completion}. */
    record Reply(List<Choice> choices, Usage usage) {}

    /** One of {@code choices}. */
    record Choice(AnswerMessage message, String finishReason) {}

    /** {@code choices[].message}: {@code refusal} is set when the model declined. */
    record AnswerMessage(String content, String refusal) {}

    /** {@code usage}. */
    record Usage(Integer promptTokens, Integer completionTokens) {}
}
