package dev.scrum.llm;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** The model servers the plugin speaks to, with their defaults (SPEC.md's provider table). */
public enum Provider {
    OLLAMA("ollama", null, AnswerFormat.JSON, 32_768),
    OLLAMA_CLOUD("ollama-cloud", "OLLAMA_API_KEY", AnswerFormat.MARKDOWN, 131_072),
    OPENAI("openai", "OPENAI_API_KEY", AnswerFormat.JSON, 128_000);

    private final String id;
    private final String defaultKeyEnv;
    private final AnswerFormat defaultFormat;
    private final int defaultContextTokens;

    Provider(String id, String defaultKeyEnv, AnswerFormat defaultFormat, int defaultContextTokens) {
        this.id = id;
        this.defaultKeyEnv = defaultKeyEnv;
        this.defaultFormat = defaultFormat;
        this.defaultContextTokens = defaultContextTokens;
    }

    /**
     * The context window assumed when a rung names none: 32K for a local Ollama (what current 7–20B models
     * serve well on one GPU; Ollama's own default window is far smaller, so every request sets {@code num_ctx}),
     * 128K for OpenAI's and Ollama's cloud models.
     */
    public int defaultContextTokens() {
        return defaultContextTokens;
    }

    /** The name used in configuration and reports: {@code ollama}, {@code ollama-cloud}, {@code openai}. */
    public String id() {
        return id;
    }

    /** The environment variable a key is read from when none is configured, or {@code null}. */
    public String defaultKeyEnv() {
        return defaultKeyEnv;
    }

    /** The answer format asked for when a rung names none. */
    public AnswerFormat defaultFormat() {
        return defaultFormat;
    }

    /**
     * The base URL used when a rung names none: for {@code ollama}, {@code $OLLAMA_HOST} (with or without a
     * scheme, as Ollama's own client reads it) or {@code http://localhost:11434}.
     */
    public URI defaultBaseUrl(Map<String, String> environment) {
        return switch (this) {
            case OLLAMA -> ollamaHost(environment.get("OLLAMA_HOST"));
            case OLLAMA_CLOUD -> URI.create("https://ollama.com");
            case OPENAI -> URI.create("https://api.openai.com/v1");
        };
    }

    private static URI ollamaHost(String host) {
        if (host == null || host.isBlank()) {
            return URI.create("http://localhost:11434");
        }
        String h = host.trim();
        if (!h.contains("://")) {
            h = "http://" + h;
        }
        URI uri = URI.create(h);
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
        return this != OLLAMA && !isLoopback(baseUrl);
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

    /** Parses a provider id, case-insensitively. */
    public static Provider parse(String value) {
        String v = value == null ? "" : value.trim();
        for (Provider p : values()) {
            if (p.id.equalsIgnoreCase(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + value + "': use ollama, ollama-cloud or openai");
    }
}
