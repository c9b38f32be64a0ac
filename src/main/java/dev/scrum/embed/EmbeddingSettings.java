package dev.scrum.embed;

import dev.scrum.llm.ApiKey;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Which embedder a run uses.
 *
 * @param provider {@code local} (in-process, the default), {@code ollama} or {@code openai}
 * @param model the model's name; for {@code local}, one of {@link LocalModel} ({@code bge-small-en-v1.5-q} when
 *     not given)
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
        } else {
            model = (model == null || model.isBlank() ? LocalModel.DEFAULT : LocalModel.named(model)).id();
        }
    }

    /** The in-process default. */
    public static EmbeddingSettings local() {
        return local(null);
    }

    /**
     * An in-process model by name, the default when {@code null} or blank.
     *
     * @throws IllegalArgumentException naming the known models when {@code model} is none of them
     */
    public static EmbeddingSettings local(String model) {
        return new EmbeddingSettings(LOCAL, model, null, null);
    }

    /** The in-process model, for provider {@code local}. */
    public LocalModel localModel() {
        return LocalModel.named(model);
    }
}
