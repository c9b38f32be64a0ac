package dev.scrum.embed;

import dev.scrum.llm.ApiKey;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Which embedder a run uses.
 *
 * @param provider {@code local} (in-process, the default), {@code ollama} or {@code openai}
 * @param model the model's name; for {@code local}, {@code bge-small-en-v1.5-q}
 * @param baseUrl the server, for {@code ollama} and {@code openai}; {@code null} for {@code local}
 * @param apiKey the credential for a remote {@code openai} server, or {@code null}
 */
public record EmbeddingSettings(String provider, String model, URI baseUrl, ApiKey apiKey) {

    public static final String LOCAL = "local";
    public static final String OLLAMA = "ollama";
    public static final String OPENAI = "openai";

    public EmbeddingSettings {
        Objects.requireNonNull(provider, "provider");
        provider = provider.trim().toLowerCase(Locale.ROOT);
        if (!provider.equals(LOCAL) && !provider.equals(OLLAMA) && !provider.equals(OPENAI)) {
            throw new IllegalArgumentException("unknown embedding provider '" + provider
                    + "': use local, ollama or openai");
        }
        if (!provider.equals(LOCAL) && (model == null || model.isBlank())) {
            throw new IllegalArgumentException("the " + provider + " embedding provider needs a model");
        }
        if (!provider.equals(LOCAL)) {
            Objects.requireNonNull(baseUrl, "baseUrl");
        }
    }

    /** The in-process default. */
    public static EmbeddingSettings local() {
        return new EmbeddingSettings(LOCAL, "bge-small-en-v1.5-q", null, null);
    }
}
