package dev.scrum.provider;

import dev.scrum.embed.Embedder;
import dev.scrum.embed.LocalEmbedder;
import dev.scrum.embed.OllamaEmbedder;
import dev.scrum.embed.OpenAiEmbedder;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.ApiKey;
import dev.scrum.llm.ChatClient;
import dev.scrum.llm.HttpTransport;
import dev.scrum.llm.OllamaChatClient;
import dev.scrum.llm.OpenAiChatClient;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The model servers the plugin speaks to, and the in-process embedder: everything the plugin knows of each
 * (SPEC.md's provider table). A provider chats, embeds, or both.
 */
public enum Provider {
    /** The in-process ONNX embedder: embeddings only, no server. */
    LOCAL("local", null, null, 0, env -> null, null,
            (s, transport, timeout) -> new LocalEmbedder(s.localModel())),
    OLLAMA("ollama", null, AnswerFormat.JSON, 32_768, env -> ollamaHost(env.get("OLLAMA_HOST")),
            OllamaChatClient::new,
            (s, transport, timeout) -> new OllamaEmbedder(transport, s.baseUrl(), s.model(), timeout)),
    /** Ollama's cloud: chat only. */
    OLLAMA_CLOUD("ollama-cloud", "OLLAMA_API_KEY", AnswerFormat.MARKDOWN, 131_072,
            env -> URI.create("https://ollama.com"), OllamaChatClient::new, null),
    /** OpenAI and every OpenAI-compatible server. */
    OPENAI("openai", "OPENAI_API_KEY", AnswerFormat.JSON, 128_000, env -> URI.create("https://api.openai.com/v1"),
            OpenAiChatClient::new,
            (s, transport, timeout) -> new OpenAiEmbedder(transport, s.baseUrl(), s.model(), s.apiKey(), timeout));

    private interface ChatClientFactory {
        ChatClient create(HttpTransport transport, URI baseUrl, ApiKey keyOrNull, Duration timeout);
    }

    private interface EmbedderFactory {
        Embedder create(EmbeddingSettings settings, HttpTransport transport, Duration timeout);
    }

    private final String id;
    private final String defaultKeyEnv;
    private final AnswerFormat defaultFormat;
    private final int defaultContextTokens;
    private final Function<Map<String, String>, URI> defaultBaseUrl;
    private final ChatClientFactory chat;
    private final EmbedderFactory embeddings;

    Provider(String id, String defaultKeyEnv, AnswerFormat defaultFormat, int defaultContextTokens,
            Function<Map<String, String>, URI> defaultBaseUrl, ChatClientFactory chat, EmbedderFactory embeddings) {
        this.id = id;
        this.defaultKeyEnv = defaultKeyEnv;
        this.defaultFormat = defaultFormat;
        this.defaultContextTokens = defaultContextTokens;
        this.defaultBaseUrl = defaultBaseUrl;
        this.chat = chat;
        this.embeddings = embeddings;
    }

    /** The name used in configuration and reports: {@code local}, {@code ollama}, {@code ollama-cloud}, {@code openai}. */
    public String id() {
        return id;
    }

    /** Whether it serves chat models, so it can be a rung of the ladder. */
    public boolean chats() {
        return chat != null;
    }

    /** Whether it serves embedding models, so it can be {@code <embedding><provider>}. */
    public boolean embeds() {
        return embeddings != null;
    }

    /** Whether it runs inside the Maven JVM: no server, no URL, no key. */
    public boolean inProcess() {
        return this == LOCAL;
    }

    /**
     * The context window assumed when a rung names none: 32K for a local Ollama (what current 7–20B models
     * serve well on one GPU; Ollama's own default window is far smaller, so every request sets {@code num_ctx}),
     * 128K for OpenAI's and Ollama's cloud models; 0 for a provider that does not chat.
     */
    public int defaultContextTokens() {
        return defaultContextTokens;
    }

    /** The environment variable a key is read from when none is configured, or {@code null}. */
    public String defaultKeyEnv() {
        return defaultKeyEnv;
    }

    /** The answer format asked for when a rung names none; {@code null} for a provider that does not chat. */
    public AnswerFormat defaultFormat() {
        return defaultFormat;
    }

    /**
     * The base URL used when none is configured: for {@code ollama}, {@code $OLLAMA_HOST} (with or without a
     * scheme, as Ollama's own client reads it) or {@code http://localhost:11434}; {@code null} in-process.
     *
     * @throws IllegalArgumentException when {@code OLLAMA_HOST} is neither a host nor an http(s) URL
     */
    public URI defaultBaseUrl(Map<String, String> environment) {
        return defaultBaseUrl.apply(environment);
    }

    private static URI ollamaHost(String host) {
        if (host == null || host.isBlank()) {
            return URI.create("http://localhost:11434");
        }
        String h = host.trim();
        if (!h.contains("://")) {
            h = "http://" + h;
        }
        URI uri;
        try {
            uri = URI.create(h);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("environment variable OLLAMA_HOST '" + host
                    + "' is neither host:port nor an http or https URL");
        }
        String hostName = uri.getHost();
        if (hostName == null || hostName.equals("0.0.0.0")) {
            hostName = "localhost";
        }
        int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 11434) : uri.getPort();
        return URI.create(uri.getScheme() + "://" + hostName + ":" + port);
    }

    /**
     * Whether a call to this base URL must carry an API key: {@code ollama-cloud} and {@code openai} on any
     * host but this machine. A self-hosted {@code ollama} server has no authentication of its own.
     */
    public boolean needsKey(URI baseUrl) {
        return defaultKeyEnv != null && !isLoopback(baseUrl);
    }

    /** Whether the URL's host is this machine ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}). */
    public static boolean isLoopback(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /**
     * The client that speaks this provider's chat protocol.
     *
     * @param baseUrl the server's base URL (for {@code openai}, including {@code /v1})
     * @param keyOrNull the bearer key, or {@code null} to send none
     * @param timeout the deadline of one call
     * @param transport the shared HTTP client
     * @throws IllegalStateException for a provider that does not chat
     */
    public ChatClient chatClient(URI baseUrl, ApiKey keyOrNull, Duration timeout, HttpTransport transport) {
        if (chat == null) {
            throw new IllegalStateException(id + " has no chat models");
        }
        return chat.create(transport, baseUrl, keyOrNull, timeout);
    }

    Embedder embedder(EmbeddingSettings settings, HttpTransport transport, Duration timeout) {
        if (embeddings == null) {
            throw new IllegalStateException(id + " has no embeddings");
        }
        return embeddings.create(settings, transport, timeout);
    }

    /** The ids of the providers that chat, for messages: {@code ollama, ollama-cloud or openai}. */
    public static String chatNames() {
        return names(Provider::chats);
    }

    /** The ids of the providers that embed, for messages: {@code local, ollama or openai}. */
    public static String embeddingNames() {
        return names(Provider::embeds);
    }

    /** The ids of the providers that embed on a server, for messages: {@code ollama or openai}. */
    public static String embeddingServerNames() {
        return names(p -> p.embeds() && !p.inProcess());
    }

    private static String names(Predicate<Provider> which) {
        List<String> ids = Arrays.stream(values()).filter(which).map(Provider::id).toList();
        if (ids.size() == 1) {
            return ids.get(0);
        }
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
    }

    /**
     * Parses the provider of a rung, case-insensitively.
     *
     * @throws IllegalArgumentException naming the providers that chat when the value is none of them
     */
    public static Provider forChat(String value) {
        return parse(value, Provider::chats, "has no chat models", chatNames());
    }

    /**
     * Parses the provider of {@code <embedding>}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the providers that embed when the value is none of them
     */
    public static Provider forEmbeddings(String value) {
        return parse(value, Provider::embeds, "has no embeddings", embeddingNames());
    }

    private static Provider parse(String value, Predicate<Provider> use, String unfit, String allowed) {
        String v = value == null ? "" : value.trim();
        for (Provider p : values()) {
            if (p.id.equalsIgnoreCase(v)) {
                if (!use.test(p)) {
                    throw new IllegalArgumentException(p.id + " " + unfit + ": use " + allowed);
                }
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + value + "': use " + allowed);
    }
}
