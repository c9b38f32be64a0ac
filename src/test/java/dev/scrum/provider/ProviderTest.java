package dev.scrum.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.embed.Embedder;
import dev.scrum.embed.LocalEmbedder;
import dev.scrum.embed.LocalModel;
import dev.scrum.embed.OllamaEmbedder;
import dev.scrum.embed.OpenAiEmbedder;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.ApiKey;
import dev.scrum.llm.HttpTransport;
import dev.scrum.llm.OllamaChatClient;
import dev.scrum.llm.OpenAiChatClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider table: what each provider chats and embeds with, and its defaults. */
class ProviderTest {

    private static final URI SERVER = URI.create("http://127.0.0.1:1");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpTransport transport = new HttpTransport();

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void eachProviderChatsWithItsOwnClient() {
        assertInstanceOf(OllamaChatClient.class, Provider.OLLAMA.chatClient(SERVER, null, TIMEOUT, transport));
        assertInstanceOf(OllamaChatClient.class, Provider.OLLAMA_CLOUD.chatClient(SERVER,
                ApiKey.of("k", "test"), TIMEOUT, transport));
        assertInstanceOf(OpenAiChatClient.class, Provider.OPENAI.chatClient(SERVER, null, TIMEOUT, transport));
        assertFalse(Provider.LOCAL.chats());
        assertEquals("local has no chat models",
                assertThrows(IllegalStateException.class,
                        () -> Provider.LOCAL.chatClient(SERVER, null, TIMEOUT, transport)).getMessage());
    }

    @Test
    void eachProviderThatEmbedsMakesItsEmbedderAndOllamaCloudHasNone() {
        try (Embedder local = EmbeddingSettings.local("e5-small-v2-q").embedder(transport, TIMEOUT);
                Embedder ollama = new EmbeddingSettings(Provider.OLLAMA, "nomic-embed-text", SERVER, null)
                        .embedder(transport, TIMEOUT);
                Embedder openai = new EmbeddingSettings(Provider.OPENAI, "text-embedding-3-small", SERVER, null)
                        .embedder(transport, TIMEOUT)) {
            assertInstanceOf(LocalEmbedder.class, local);
            assertEquals("local/e5-small-v2-q", local.name());
            assertInstanceOf(OllamaEmbedder.class, ollama);
            assertEquals("ollama/nomic-embed-text", ollama.name());
            assertInstanceOf(OpenAiEmbedder.class, openai);
            assertEquals("openai/text-embedding-3-small", openai.name());
        }
        assertFalse(Provider.OLLAMA_CLOUD.embeds());
        assertEquals("ollama-cloud has no embeddings: use local, ollama or openai",
                assertThrows(IllegalArgumentException.class,
                        () -> new EmbeddingSettings(Provider.OLLAMA_CLOUD, "m", SERVER, null)).getMessage());
    }

    @Test
    void defaultsOfEachProvider() {
        Map<String, String> none = Map.of();
        assertEquals(URI.create("http://localhost:11434"), Provider.OLLAMA.defaultBaseUrl(none));
        assertEquals(URI.create("https://ollama.com"), Provider.OLLAMA_CLOUD.defaultBaseUrl(none));
        assertEquals(URI.create("https://api.openai.com/v1"), Provider.OPENAI.defaultBaseUrl(none));
        assertNull(Provider.LOCAL.defaultBaseUrl(none));
        assertEquals(List.of(AnswerFormat.JSON, AnswerFormat.MARKDOWN, AnswerFormat.JSON),
                List.of(Provider.OLLAMA.defaultFormat(), Provider.OLLAMA_CLOUD.defaultFormat(),
                        Provider.OPENAI.defaultFormat()));
        assertEquals(List.of(32_768, 131_072, 128_000), List.of(Provider.OLLAMA.defaultContextTokens(),
                Provider.OLLAMA_CLOUD.defaultContextTokens(), Provider.OPENAI.defaultContextTokens()));
        assertNull(Provider.OLLAMA.defaultKeyEnv());
        assertEquals("OLLAMA_API_KEY", Provider.OLLAMA_CLOUD.defaultKeyEnv());
        assertEquals("OPENAI_API_KEY", Provider.OPENAI.defaultKeyEnv());
        assertNull(Provider.LOCAL.defaultKeyEnv());
        assertTrue(Provider.LOCAL.inProcess());
        assertFalse(Provider.OLLAMA.inProcess());
    }

    @Test
    void ollamaHostIsReadAsOllamasOwnClientReadsIt() {
        assertEquals("http://localhost:11434", ollamaHost(""));
        assertEquals("http://localhost:9999", ollamaHost("0.0.0.0:9999"));
        assertEquals("http://gpu1:11434", ollamaHost("gpu1"));
        assertEquals("http://gpu1:8080", ollamaHost(" http://gpu1:8080/ "));
        assertEquals("https://ollama.internal:443", ollamaHost("https://ollama.internal"));
        assertEquals("environment variable OLLAMA_HOST 'ftp://gpu1' is neither host:port nor an http or https URL",
                assertThrows(IllegalArgumentException.class, () -> ollamaHost("ftp://gpu1")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ollamaHost("gpu 1:11434"));
        assertEquals(URI.create("https://ollama.com"),
                Provider.OLLAMA_CLOUD.defaultBaseUrl(Map.of("OLLAMA_HOST", "gpu1")), "only ollama reads OLLAMA_HOST");
    }

    private static String ollamaHost(String value) {
        return Provider.OLLAMA.defaultBaseUrl(Map.of("OLLAMA_HOST", value)).toString();
    }

    @Test
    void aKeyIsNeededOffThisMachineByTheProvidersThatAuthenticate() {
        URI remote = URI.create("https://llm.example.com/v1");
        assertFalse(Provider.OLLAMA.needsKey(remote), "a self-hosted Ollama has no authentication");
        assertTrue(Provider.OLLAMA_CLOUD.needsKey(remote));
        assertTrue(Provider.OPENAI.needsKey(remote));
        assertFalse(Provider.OPENAI.needsKey(URI.create("http://127.0.0.1:8000/v1")));
        assertFalse(Provider.OPENAI.needsKey(URI.create("http://localhost:8000/v1")));
        assertFalse(Provider.OPENAI.needsKey(URI.create("http://[::1]:8000/v1")));
        assertTrue(Provider.isLoopback(URI.create("http://127.1.2.3")));
        assertFalse(Provider.isLoopback(URI.create("http://localhost.example.com")));
    }

    @Test
    void providersAreParsedForTheirUseAndMessagesListTheTable() {
        assertEquals("ollama, ollama-cloud or openai", Provider.chatNames());
        assertEquals("local, ollama or openai", Provider.embeddingNames());
        assertEquals("ollama or openai", Provider.embeddingServerNames());
        assertSame(Provider.OLLAMA_CLOUD, Provider.forChat(" Ollama-Cloud "));
        assertSame(Provider.LOCAL, Provider.forEmbeddings("LOCAL"));
        assertEquals("unknown provider 'anthropic': use ollama, ollama-cloud or openai",
                assertThrows(IllegalArgumentException.class, () -> Provider.forChat("anthropic")).getMessage());
        assertEquals("local has no chat models: use ollama, ollama-cloud or openai",
                assertThrows(IllegalArgumentException.class, () -> Provider.forChat("local")).getMessage());
        assertEquals("unknown provider 'null': use local, ollama or openai",
                assertThrows(IllegalArgumentException.class, () -> Provider.forEmbeddings(null)).getMessage());
        assertEquals("ollama-cloud has no embeddings: use local, ollama or openai",
                assertThrows(IllegalArgumentException.class, () -> Provider.forEmbeddings("ollama-cloud"))
                        .getMessage());
    }

    @Test
    void embeddingSettingsCheckWhatTheirProviderNeeds() {
        assertEquals(LocalModel.DEFAULT, EmbeddingSettings.local().localModel());
        assertEquals(LocalModel.DEFAULT.id(), EmbeddingSettings.local(" ").model());
        assertThrows(IllegalArgumentException.class, () -> EmbeddingSettings.local("bge-large"));
        assertEquals("the openai embedding provider needs a model",
                assertThrows(IllegalArgumentException.class,
                        () -> new EmbeddingSettings(Provider.OPENAI, " ", SERVER, null)).getMessage());
        assertThrows(NullPointerException.class, () -> new EmbeddingSettings(Provider.OLLAMA, "m", null, null));
    }
}
