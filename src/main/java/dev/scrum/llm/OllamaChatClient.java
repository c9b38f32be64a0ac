package dev.scrum.llm;

import com.google.gson.JsonElement;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Ollama's native chat API, {@code POST {base}/api/chat} without streaming, for local servers and Ollama's
 * cloud alike. Every request sizes {@code options.num_ctx} for its prompt (see {@link ContextWindow}), and
 * every answer is checked for a prompt Ollama cut to fit.
 */
public final class OllamaChatClient implements ChatClient {
    private final JsonEndpoint endpoint;

    /**
     * @param baseUrl the server, e.g. {@code http://localhost:11434} or {@code https://ollama.com}
     * @param keyOrNull the bearer key (Ollama's cloud), or {@code null} for none
     * @param timeout the deadline of one call
     */
    public OllamaChatClient(HttpTransport transport, URI baseUrl, ApiKey keyOrNull, Duration timeout) {
        this.endpoint = new JsonEndpoint(transport, baseUrl, "/api/chat", keyOrNull, timeout);
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ChatException {
        int numCtx = ContextWindow.numCtxFor(request.promptChars(), request.maxTokens(), request.contextTokens());
        Body body = new Body(request.model(), ChatWire.messages(request), false,
                new Options(numCtx, request.maxTokens(), request.temperature()), ChatWire.schema(request));
        JsonEndpoint.Answer<Reply> answer = endpoint.exchange(body, Reply.class, request.model(),
                r -> r.message() == null ? "\"message\"" : null);
        Reply reply = answer.body();
        return new ChatResponse(
                reply.message().content(),
                FinishReason.fromWire(reply.doneReason()),
                reply.promptEvalCount(),
                reply.evalCount(),
                numCtx,
                ContextWindow.promptWasCut(reply.promptEvalCount(), numCtx, request.maxTokens()),
                false,
                answer.retries(),
                answer.pushback());
    }

    /** The request body; {@code format} is the answer's JSON schema, absent unless one is asked. */
    record Body(String model, List<ChatWire.Message> messages, boolean stream, Options options, JsonElement format) {}

    /** {@code options}; {@code temperature} is absent when {@code null}. */
    record Options(int numCtx, int numPredict, Double temperature) {}

    /** The fields read from a non-streaming answer. */
    record Reply(ChatWire.Message message, String doneReason, Integer promptEvalCount, Integer evalCount) {}
}
