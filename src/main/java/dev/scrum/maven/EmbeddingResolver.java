package dev.scrum.maven;

import dev.scrum.provider.EmbeddingSettings;
import dev.scrum.provider.Provider;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Resolves the POM's {@code <embedding>}: the in-process model unless a server is named, its server and key
 * resolved by the {@link EndpointResolver}. A key that is configured or needed and not found fails the build.
 */
final class EmbeddingResolver {

    private static final String WHERE = "embedding";

    private final EndpointResolver endpoints;

    EmbeddingResolver(Credentials credentials, Map<String, String> environment) {
        this.endpoints = new EndpointResolver(credentials, environment);
    }

    EmbeddingSettings resolve(EmbeddingConfig embedding) throws MojoExecutionException {
        Provider provider = Provider.LOCAL;
        if (embedding != null && embedding.provider != null && !embedding.provider.isBlank()) {
            try {
                provider = Provider.forEmbeddings(embedding.provider);
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("<" + WHERE + "><provider>: " + e.getMessage());
            }
        }
        if (provider.inProcess()) {
            try {
                return EmbeddingSettings.local(embedding == null ? null : embedding.model);
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("<" + WHERE + "><model> " + e.getMessage()
                        + " (or set <provider> to " + Provider.embeddingServerNames() + " for a server's model)");
            }
        }
        if (embedding.model == null || embedding.model.isBlank()) {
            throw new MojoExecutionException("<" + WHERE + "><model> is missing: name the " + provider.id()
                    + " embedding model, e.g. nomic-embed-text");
        }
        ServerEndpoint endpoint = endpoints.resolve(provider, embedding, WHERE, "<" + WHERE + ">").requireKey(WHERE);
        return new EmbeddingSettings(provider, embedding.model.trim(), endpoint.baseUrl(), endpoint.key());
    }
}
