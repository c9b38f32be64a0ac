package dev.scrum.maven;

import dev.scrum.embed.LocalModel;
import dev.scrum.provider.EmbeddingSettings;
import dev.scrum.provider.Provider;
import dev.scrum.retrieve.Ranker;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Resolves the POM's {@code <embedding>}: the in-process model unless a server is named, its server and key
 * resolved by the {@link EndpointResolver}. A key that is configured or needed and not found fails the build, and
 * so does an in-process model that {@code dense} or {@code hybrid} retrieval needs and the plugin's class path
 * lacks: the model artifacts are not among the dependencies Maven resolves for the plugin.
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

    /**
     * Fails, before any model is called, when the retrieval embeds with an in-process model whose artifact is not
     * on the plugin's class path, with the {@code <dependency>} that adds it.
     */
    static void requireModel(Ranker ranker, EmbeddingSettings settings) throws MojoExecutionException {
        if (!ranker.usesEmbeddings() || !settings.provider().inProcess()) {
            return;
        }
        LocalModel model = settings.localModel();
        Optional<String> missing = model.missing();
        if (missing.isPresent()) {
            throw new MojoExecutionException(missingModel(ranker, model, missing.get()));
        }
    }

    /** What {@link #requireModel} says when the artifact of {@code model} is missing for {@code why}. */
    static String missingModel(Ranker ranker, LocalModel model, String why) {
        return "<retrieval> (scrum.retrieval) " + ranker.id() + " embeds with the in-process model " + model.id()
                + " (<" + WHERE + "><model>), whose artifact " + model.coordinates() + " is not among the plugin's"
                + " dependencies: the plugin does not download a model and ONNX Runtime (about 140 MB) unless asked."
                + " Add it to the plugin in the POM:\n"
                + "  <plugin>\n"
                + "    <groupId>dev.scrum</groupId>\n"
                + "    <artifactId>scrum-maven-plugin</artifactId>\n"
                + "    <dependencies>\n"
                + "      <dependency>\n"
                + "        <groupId>" + model.groupId() + "</groupId>\n"
                + "        <artifactId>" + model.artifactId() + "</artifactId>\n"
                + "        <version>" + model.version() + "</version>\n"
                + "      </dependency>\n"
                + "    </dependencies>\n"
                + "  </plugin>\n"
                + "or use <retrieval>lexical</retrieval> (the default, no model), or an <" + WHERE + "><provider> "
                + Provider.embeddingServerNames() + " (a server's model). Not loadable: " + why;
    }
}
