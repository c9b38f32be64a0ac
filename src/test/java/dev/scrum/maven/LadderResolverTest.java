package dev.scrum.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.ladder.Rung;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.provider.Provider;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class LadderResolverTest {

    private static final String CANARY = "sk-canary-0123456789abcdef";

    private static LadderResolver resolver(Map<String, String> servers, Map<String, String> env) {
        return new LadderResolver(new FakeCredentials(servers, env), env);
    }

    private static RungConfig rung(String provider, String model) {
        return new RungConfig(provider, model);
    }

    @Test
    void theDefaultLadderHasSixRungsAndSkipsTheCloudWithoutAKey() throws Exception {
        List<Rung> rungs = resolver(Map.of(), Map.of()).resolve(null, null);
        assertEquals(List.of("ollama/qwen3.5:latest", "ollama/qwen3:latest", "ollama/gpt-oss:20b",
                "ollama-cloud/gpt-oss:120b", "ollama-cloud/devstral-2:123b", "ollama-cloud/mistral-large-3:675b"),
                rungs.stream().map(Rung::id).toList());
        assertTrue(rungs.get(0).usable());
        assertEquals("http://localhost:11434", rungs.get(0).baseUrl().toString());
        assertEquals(AnswerFormat.JSON, rungs.get(0).format());
        assertEquals(1500, rungs.get(0).maxTokens());
        assertFalse(rungs.get(3).usable());
        assertEquals("no API key: set OLLAMA_API_KEY or give the rung a serverId or apiKeyEnv", rungs.get(3).skipReason());
        assertEquals(AnswerFormat.MARKDOWN, rungs.get(3).format());
    }

    @Test
    void theCloudRungsUseOllamaApiKeyWhenSet() throws Exception {
        List<Rung> rungs = resolver(Map.of(), Map.of("OLLAMA_API_KEY", CANARY)).resolve(null, null);
        assertTrue(rungs.get(3).usable());
        assertEquals(CANARY, rungs.get(3).apiKey().reveal());
        assertFalse(rungs.get(3).toString().contains(CANARY), "a rung's toString must not show its key");
        assertNull(rungs.get(0).apiKey(), "a local Ollama gets no key");
    }

    @Test
    void theCommandLineReplacesThePomLadder() throws Exception {
        List<Rung> rungs = resolver(Map.of(), Map.of("OLLAMA_HOST", "0.0.0.0:9999"))
                .resolve("ollama/qwen3:latest, openai/gpt-4o-mini", List.of(rung("ollama", "pom-model")));
        assertEquals(List.of("ollama/qwen3:latest", "openai/gpt-4o-mini"), rungs.stream().map(Rung::id).toList());
        assertEquals("http://localhost:9999", rungs.get(0).baseUrl().toString());
        assertEquals("https://api.openai.com/v1", rungs.get(1).baseUrl().toString());
        assertFalse(rungs.get(1).usable());
    }

    @Test
    void aServerIdKeyComesFromSettingsAndAMissingOneSkipsTheRung() throws Exception {
        RungConfig withServer = rung("openai", "gpt-4o");
        withServer.serverId = "openai-prod";
        RungConfig missingServer = rung("openai", "gpt-4o-mini");
        missingServer.serverId = "nope";
        RungConfig missingEnv = rung("ollama", "local");
        missingEnv.apiKeyEnv = "NOT_SET";
        List<Rung> rungs = resolver(Map.of("openai-prod", CANARY), Map.of())
                .resolve(null, List.of(withServer, missingServer, missingEnv));
        assertEquals(CANARY, rungs.get(0).apiKey().reveal());
        assertEquals("settings.xml server openai-prod", rungs.get(0).apiKey().source());
        assertEquals("settings.xml has no server 'nope' with a password", rungs.get(1).skipReason());
        assertEquals("environment variable NOT_SET is not set", rungs.get(2).skipReason());
    }

    @Test
    void aLoopbackOpenAiServerNeedsNoKey() throws Exception {
        RungConfig local = rung("openai", "llama");
        local.baseUrl = "http://127.0.0.1:8000/v1/";
        Rung r = resolver(Map.of(), Map.of("OPENAI_API_KEY", CANARY)).resolve(null, List.of(local)).get(0);
        assertTrue(r.usable());
        assertNull(r.apiKey(), "a loopback server gets no key unless one is configured for it");
        assertEquals("http://127.0.0.1:8000/v1", r.baseUrl().toString());
    }

    @Test
    void replicasAreServersOfOneRung() throws Exception {
        RungConfig c = rung("ollama", "qwen3:latest");
        c.baseUrl = "http://gpu1:11434";
        c.replicas = List.of("http://gpu2:11434", "http://gpu1:11434", "http://gpu3:11434/");
        Rung r = resolver(Map.of(), Map.of()).resolve(null, List.of(c)).get(0);
        assertEquals(List.of("http://gpu1:11434", "http://gpu2:11434", "http://gpu3:11434"),
                r.baseUrls().stream().map(Object::toString).toList());
        RungConfig cloud = rung("openai", "gpt");
        cloud.replicas = List.of("http://127.0.0.1:8000/v1", "https://llm.example.com/v1");
        assertFalse(resolver(Map.of(), Map.of()).resolve(null, List.of(cloud)).get(0).usable(),
                "one remote replica needs a key");
    }

    @Test
    void rungOptionsAreApplied() throws Exception {
        RungConfig c = rung("ollama", "m");
        c.format = "markdown";
        c.maxTokens = 900;
        c.temperature = 0.2;
        c.timeoutSeconds = 30;
        c.maxConcurrent = 3;
        c.contextTokens = 32768;
        c.note = "local 7B";
        Rung r = resolver(Map.of(), Map.of()).resolve(null, List.of(c)).get(0);
        assertEquals(Rung.builder()
                .provider(Provider.OLLAMA)
                .model("m")
                .baseUrl(r.baseUrl())
                .format(AnswerFormat.MARKDOWN)
                .maxTokens(900)
                .temperature(0.2)
                .timeout(java.time.Duration.ofSeconds(30))
                .maxConcurrent(3)
                .contextTokens(32768)
                .note("local 7B")
                .build(), r);
        assertEquals(false, r.adaptive(), "a maxConcurrent set is a fixed cap");
        Rung unset = resolver(Map.of(), Map.of()).resolve(null, List.of(rung("ollama", "m"))).get(0);
        assertEquals(Rung.LEARNED, unset.maxConcurrent());
        assertEquals(true, unset.adaptive(), "no maxConcurrent: each server's limit is learned");
    }

    @Test
    void mistakesNameTheParameterAndTheFix() {
        LadderResolver resolver = resolver(Map.of(), Map.of());
        MojoExecutionException unknown = assertThrows(MojoExecutionException.class,
                () -> resolver.resolve(null, List.of(rung("anthropic", "claude"))));
        assertEquals("<ladder rung 1><provider>: unknown provider 'anthropic': use ollama, ollama-cloud or openai",
                unknown.getMessage());
        RungConfig badUrl = rung("ollama", "m");
        badUrl.baseUrl = "localhost:11434";
        MojoExecutionException url = assertThrows(MojoExecutionException.class,
                () -> resolver.resolve(null, List.of(badUrl)));
        assertEquals("<ladder rung 1><baseUrl> 'localhost:11434' is not a valid URL: write e.g. http://localhost:11434",
                url.getMessage());
        assertEquals("<ladder rung 1><provider>: local has no chat models: use ollama, ollama-cloud or openai",
                assertThrows(MojoExecutionException.class,
                        () -> resolver.resolve(null, List.of(rung("local", "bge-small-en-v1.5-q")))).getMessage());
        RungConfig userInfo = rung("openai", "gpt");
        userInfo.baseUrl = "https://me:sk-canary@llm.example.com/v1";
        MojoExecutionException credentialsInUrl = assertThrows(MojoExecutionException.class,
                () -> resolver.resolve(null, List.of(rung("ollama", "m"), userInfo)));
        assertEquals("<ladder rung 2><baseUrl> 'https://***@llm.example.com/v1' carries a user or password: remove it "
                + "and give the key through <serverId> (the id of a "
                + "<server> in settings.xml whose <password> is the key) or <apiKeyEnv>",
                credentialsInUrl.getMessage());
        MojoExecutionException item = assertThrows(MojoExecutionException.class,
                () -> resolver.resolve("qwen3", null));
        assertTrue(item.getMessage().startsWith("-Dscrum.ladder item 'qwen3' is not provider/model"));
        assertTrue(assertThrows(MojoExecutionException.class, () -> resolver.resolve(null, List.of()))
                .getMessage().startsWith("<ladder> is empty: add at least one <rung>"));
        RungConfig zero = rung("ollama", "m");
        zero.maxTokens = 0;
        assertEquals("<ladder rung 1><maxTokens> is 0: use a positive number",
                assertThrows(MojoExecutionException.class, () -> resolver.resolve(null, List.of(zero))).getMessage());
        RungConfig noCalls = rung("ollama", "m");
        noCalls.maxConcurrent = 0;
        assertEquals("<ladder rung 1><maxConcurrent> is 0: use a positive number",
                assertThrows(MojoExecutionException.class, () -> resolver.resolve(null, List.of(noCalls))).getMessage(),
                "0 is not a way to say 'learn it': leave maxConcurrent out");
    }
    @Test
    void offlineSkipsEveryRungNotOnThisMachineAndRedactionIsDecidedPerRung() throws Exception {
        List<Rung> resolved = resolver(Map.of(), Map.of("OLLAMA_API_KEY", CANARY)).resolve(null, null);

        List<Rung> online = LadderResolver.forRun(resolved, dev.scrum.redact.RedactionPolicy.REMOTE, false);
        assertEquals(List.of(false, false, false, true, true, true), online.stream().map(Rung::redactSecrets).toList());
        assertTrue(online.stream().allMatch(Rung::usable));

        List<Rung> offline = LadderResolver.forRun(resolved, dev.scrum.redact.RedactionPolicy.NEVER, true);
        assertEquals(List.of(true, true, true, false, false, false), offline.stream().map(Rung::usable).toList());
        assertEquals("offline: Maven runs offline (-o) and https://ollama.com is not on this machine",
                offline.get(3).skipReason());
        assertTrue(offline.stream().noneMatch(Rung::redactSecrets));
    }

    @Test
    void anUnknownRedactionPolicyIsRefusedNamingTheParameter() throws Exception {
        assertEquals(dev.scrum.redact.RedactionPolicy.REMOTE, LadderResolver.redaction(null));
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> LadderResolver.redaction("on"));
        assertTrue(e.getMessage().startsWith("<redactSecrets> (scrum.redactSecrets): 'on' is not a redaction policy: "
                + "use remote"), e.getMessage());
    }
}
