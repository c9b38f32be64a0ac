package dev.scrum.maven;

import dev.scrum.embed.EmbeddingSettings;
import dev.scrum.llm.ApiKey;
import dev.scrum.llm.Provider;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/** Resolves the POM's {@code <embedding>}: the in-process model unless a server is named, its key looked up. */
final class EmbeddingResolver {

    private final Credentials credentials;
    private final Map<String, String> environment;

    EmbeddingResolver(Credentials credentials, Map<String, String> environment) {
        this.credentials = credentials;
        this.environment = environment;
    }

    EmbeddingSettings resolve(EmbeddingConfig embedding) throws MojoExecutionException {
        if (embedding == null || embedding.provider == null || embedding.provider.isBlank()
                || embedding.provider.trim().equalsIgnoreCase(EmbeddingSettings.LOCAL)) {
            try {
                return EmbeddingSettings.local(embedding == null ? null : embedding.model);
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("<embedding><model> " + e.getMessage()
                        + " (or set <provider> to ollama or openai for a server's model)");
            }
        }
        String provider = embedding.provider.trim().toLowerCase(Locale.ROOT);
        Provider server;
        try {
            server = Provider.parse(provider);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<embedding><provider> '" + embedding.provider
                    + "' is unknown: use local, ollama or openai");
        }
        if (server == Provider.OLLAMA_CLOUD) {
            throw new MojoExecutionException("<embedding><provider> ollama-cloud has no embeddings: use local, ollama or openai");
        }
        if (embedding.model == null || embedding.model.isBlank()) {
            throw new MojoExecutionException("<embedding><model> is missing: name the " + provider
                    + " embedding model, e.g. nomic-embed-text");
        }
        URI url;
        try {
            url = embedding.baseUrl == null || embedding.baseUrl.isBlank()
                    ? server.defaultBaseUrl(environment)
                    : URI.create(embedding.baseUrl.trim());
            if (url.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<embedding><baseUrl> '" + embedding.baseUrl
                    + "' is not a valid URL: write e.g. http://localhost:11434");
        }
        ApiKey key = null;
        if (embedding.serverId != null && !embedding.serverId.isBlank()) {
            key = credentials.serverPassword(embedding.serverId.trim())
                    .map(p -> ApiKey.of(p, "settings.xml server " + embedding.serverId.trim()))
                    .orElseThrow(() -> new MojoExecutionException("<embedding><serverId> '" + embedding.serverId
                            + "': settings.xml has no such server with a password"));
        } else if (embedding.apiKeyEnv != null && !embedding.apiKeyEnv.isBlank()) {
            key = credentials.environment(embedding.apiKeyEnv.trim())
                    .map(p -> ApiKey.of(p, "environment variable " + embedding.apiKeyEnv.trim()))
                    .orElseThrow(() -> new MojoExecutionException("<embedding><apiKeyEnv>: environment variable "
                            + embedding.apiKeyEnv + " is not set"));
        } else if (server.needsKey(url)) {
            String envName = server.defaultKeyEnv();
            key = credentials.environment(envName).map(p -> ApiKey.of(p, "environment variable " + envName))
                    .orElseThrow(() -> new MojoExecutionException("<embedding> on " + url + " needs an API key: set "
                            + envName + " or give <embedding> a serverId or apiKeyEnv"));
        }
        return new EmbeddingSettings(provider, embedding.model.trim(), url, key);
    }
}
