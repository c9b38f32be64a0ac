package dev.scrum.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scrum.provider.Provider;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The one place a server's URL and key are resolved, for rungs and the embedder alike. */
class EndpointResolverTest {

    private static final String KEY = "sk-canary-0123456789abcdef";
    private static final String INVALID = "' is not a valid URL: write e.g. http://localhost:11434";
    private static final String USER_INFO = " carries a user or password: remove it and give the key through "
            + "<serverId> (the id of a <server> in settings.xml whose <password> is the key) or <apiKeyEnv>";

    private static ServerEndpoint resolve(Provider provider, ServerConfig config, Map<String, String> servers,
            Map<String, String> env) throws MojoExecutionException {
        return new EndpointResolver(new FakeCredentials(servers, env), env)
                .resolve(provider, config, "ladder rung 2", "the rung");
    }

    private static RungConfig at(String baseUrl) {
        RungConfig c = new RungConfig();
        c.baseUrl = baseUrl;
        return c;
    }

    private static String urlError(String value) {
        return assertThrows(MojoExecutionException.class, () -> EndpointResolver.url(value, "embedding", "baseUrl"))
                .getMessage();
    }

    @Test
    void aUrlIsHttpOrHttpsWithAHostAndLosesItsTrailingSlash() throws Exception {
        assertEquals(URI.create("http://gpu1:11434"), EndpointResolver.url("http://gpu1:11434/", "embedding", "baseUrl"));
        assertEquals(URI.create("https://llm.example.com/v1"),
                EndpointResolver.url("https://llm.example.com/v1", "embedding", "baseUrl"));
        assertEquals("<embedding><baseUrl> 'localhost:11434" + INVALID, urlError("localhost:11434"));
        assertEquals("<embedding><baseUrl> 'ftp://gpu1" + INVALID, urlError("ftp://gpu1"));
        assertEquals("<embedding><baseUrl> 'http:///v1" + INVALID, urlError("http:///v1"));
        assertEquals("<embedding><baseUrl> 'http://gpu 1" + INVALID, urlError("http://gpu 1"));
        assertEquals("<ladder rung 2><replicas> 'gpu2" + INVALID, assertThrows(MojoExecutionException.class,
                () -> EndpointResolver.url("gpu2", "ladder rung 2", "replicas")).getMessage());
    }

    @Test
    void aUserOrPasswordInAUrlIsRefusedWithoutShowingIt() {
        assertEquals("<embedding><baseUrl> 'https://***@llm.example.com/v1'" + USER_INFO,
                urlError("https://me:" + KEY + "@llm.example.com/v1"));
        assertEquals("<embedding><baseUrl> 'http://***@gpu1:11434'" + USER_INFO, urlError("http://me@gpu1:11434"));
        assertEquals("<embedding><baseUrl> 'http://***@gpu 1'" + USER_INFO, urlError("http://me:" + KEY + "@gpu 1"));
        assertFalse(urlError(KEY + "@gpu1:11434").contains(KEY), "not even in a URL without a scheme");
    }

    /** Issue 22: a password with an unescaped {@code @} or {@code /} is a credential too, and none of it is shown. */
    @Test
    void aPasswordWithAtOrSlashInItIsMaskedWhole() {
        for (String password : List.of("p@ss-" + KEY, KEY + "/x", "a/b@" + KEY + "@c", KEY + "?x#y")) {
            String message = urlError("http://me:" + password + "@gpu1:11434/v1");
            assertEquals("<embedding><baseUrl> 'http://***@gpu1:11434/v1'" + USER_INFO, message, password);
            assertFalse(message.contains(KEY), message);
        }
        assertEquals("<ladder rung 3><replicas> 'https://***@gpu2'" + USER_INFO,
                assertThrows(MojoExecutionException.class, () -> EndpointResolver.url("https://u:" + KEY + "@gpu2",
                        "ladder rung 3", "replicas")).getMessage());
    }

    @Test
    void withoutABaseUrlTheProvidersDefaultIsUsed() throws Exception {
        assertEquals(List.of(URI.create("http://localhost:9999")),
                resolve(Provider.OLLAMA, new RungConfig(), Map.of(), Map.of("OLLAMA_HOST", "0.0.0.0:9999")).servers());
        assertEquals(URI.create("https://api.openai.com/v1"),
                resolve(Provider.OPENAI, new EmbeddingConfig(), Map.of(), Map.of()).baseUrl());
        MojoExecutionException bad = assertThrows(MojoExecutionException.class,
                () -> resolve(Provider.OLLAMA, new RungConfig(), Map.of(), Map.of("OLLAMA_HOST", "ftp://gpu1")));
        assertEquals("<ladder rung 2><baseUrl> is not given and environment variable OLLAMA_HOST 'ftp://gpu1' is "
                + "neither host:port nor an http or https URL: correct it or give <baseUrl>", bad.getMessage());
    }

    @Test
    void replicasAreAddedOnceAfterTheBaseUrlAndOneRemoteReplicaNeedsAKey() throws Exception {
        RungConfig c = at("http://127.0.0.1:8000/v1");
        c.replicas = List.of("http://127.0.0.1:8000/v1/", "https://llm.example.com/v1");
        ServerEndpoint e = resolve(Provider.OPENAI, c, Map.of(), Map.of());
        assertEquals(List.of(URI.create("http://127.0.0.1:8000/v1"), URI.create("https://llm.example.com/v1")),
                e.servers());
        assertEquals("no API key: set OPENAI_API_KEY or give the rung a serverId or apiKeyEnv", e.missingKey());
        assertNull(e.keyElement(), "the provider's default variable is no element of the POM");
    }

    @Test
    void aServerIdsPasswordIsTheKeyWhereverTheServerIs() throws Exception {
        RungConfig c = at("http://localhost:11434");
        c.serverId = " gpu-box ";
        c.apiKeyEnv = "IGNORED_WHEN_SERVER_ID";
        ServerEndpoint e = resolve(Provider.OLLAMA, c, Map.of("gpu-box", KEY), Map.of("IGNORED_WHEN_SERVER_ID", "x"));
        assertEquals(KEY, e.key().reveal());
        assertEquals("settings.xml server gpu-box", e.key().source());
        assertNull(e.missingKey());
        assertFalse(e.toString().contains(KEY), "an endpoint never shows its key");

        ServerEndpoint missing = resolve(Provider.OLLAMA, c, Map.of(), Map.of());
        assertNull(missing.key());
        assertEquals("serverId", missing.keyElement());
        assertEquals("settings.xml has no server 'gpu-box' with a password", missing.missingKey());
    }

    @Test
    void anApiKeyEnvIsReadWhereverTheServerIs() throws Exception {
        RungConfig c = at("http://127.0.0.1:8000/v1");
        c.apiKeyEnv = "MY_KEY";
        ServerEndpoint e = resolve(Provider.OPENAI, c, Map.of(), Map.of("MY_KEY", KEY));
        assertEquals(KEY, e.key().reveal());
        assertEquals("environment variable MY_KEY", e.key().source());

        ServerEndpoint missing = resolve(Provider.OPENAI, c, Map.of(), Map.of("MY_KEY", " "));
        assertEquals("apiKeyEnv", missing.keyElement());
        assertEquals("environment variable MY_KEY is not set", missing.missingKey());
    }

    @Test
    void otherwiseTheProvidersVariableIsReadOnlyWhenAServerNeedsAKey() throws Exception {
        Map<String, String> env = Map.of("OPENAI_API_KEY", KEY, "OLLAMA_API_KEY", KEY);
        ServerEndpoint remote = resolve(Provider.OPENAI, at("https://llm.example.com/v1"), Map.of(), env);
        assertEquals("environment variable OPENAI_API_KEY", remote.key().source());
        ServerEndpoint cloud = resolve(Provider.OLLAMA_CLOUD, new RungConfig(), Map.of(), env);
        assertEquals("environment variable OLLAMA_API_KEY", cloud.key().source());
        ServerEndpoint loopback = resolve(Provider.OPENAI, at("http://localhost:8000/v1"), Map.of(), env);
        assertNull(loopback.key(), "a loopback server gets no key unless one is configured for it");
        assertNull(loopback.missingKey());
        ServerEndpoint selfHosted = resolve(Provider.OLLAMA, at("https://gpu.example.com"), Map.of(), env);
        assertNull(selfHosted.key(), "a self-hosted Ollama has no authentication");
        assertNull(selfHosted.missingKey());
    }

    @Test
    void requireKeyNamesTheElementAndTheMissingKey() throws Exception {
        URI server = URI.create("https://api.openai.com/v1");
        ServerEndpoint fine = new ServerEndpoint(List.of(server), null, null, null);
        assertSame(fine, fine.requireKey("embedding"));
        assertEquals("<embedding><serverId>: settings.xml has no server 'x' with a password",
                assertThrows(MojoExecutionException.class, () -> new ServerEndpoint(List.of(server), null, "serverId",
                        "settings.xml has no server 'x' with a password").requireKey("embedding")).getMessage());
        assertEquals("<embedding>: no API key: set OPENAI_API_KEY or give <embedding> a serverId or apiKeyEnv",
                assertThrows(MojoExecutionException.class, () -> new ServerEndpoint(List.of(server), null, null,
                        "no API key: set OPENAI_API_KEY or give <embedding> a serverId or apiKeyEnv")
                        .requireKey("embedding")).getMessage());
    }
}
