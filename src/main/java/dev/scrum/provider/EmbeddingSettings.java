package dev.scrum.provider;

import dev.scrum.embed.Embedder;
import dev.scrum.embed.LocalModel;
import dev.scrum.llm.ApiKey;
import dev.scrum.llm.HttpTransport;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Which embedder a run uses.
 *
 * @param provider a provider that {@link Provider#embeds() embeds}: {@code local} (in-process, the default),
 *     {@code ollama} or {@code openai}
 * @param model the model's name; for {@code local}, one of {@link LocalModel} ({@code bge-small-en-v1.5-q} when
 *     not given)
 * @param baseUrl the server; {@code null} in-process
 * @param apiKey the credential for the server, or {@code null}
 */
public record EmbeddingSettings(Provider provider, String model, URI baseUrl, ApiKey apiKey) {

    public EmbeddingSettings {
        Objects.requireNonNull(provider, "provider");
        if (!provider.embeds()) {
            throw new IllegalArgumentException(provider.id() + " has no embeddings: use " + Provider.embeddingNames());
        }
        if (provider.inProcess()) {
            model = (model == null || model.isBlank() ? LocalModel.DEFAULT : LocalModel.named(model)).id();
        } else {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("the " + provider.id() + " embedding provider needs a model");
            }
            Objects.requireNonNull(baseUrl, "baseUrl");
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
        return new EmbeddingSettings(Provider.LOCAL, model, null, null);
    }

    /** The in-process model, for provider {@code local}. */
    public LocalModel localModel() {
        return LocalModel.named(model);
    }

    /** The embedder these settings name; a server's is called through {@code transport}. */
    public Embedder embedder(HttpTransport transport, Duration timeout) {
        return provider.embedder(this, transport, timeout);
    }
}
