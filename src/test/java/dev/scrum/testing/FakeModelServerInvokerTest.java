package dev.scrum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.ChatException;
import dev.scrum.llm.ChatRequest;
import dev.scrum.llm.HttpTransport;
import dev.scrum.llm.OllamaChatClient;
import dev.scrum.llm.OpenAiChatClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an invoker project's hook scripts rely on. */
class FakeModelServerInvokerTest {

    @TempDir
    Path basedir;

    @Test
    void scriptsFromTheProjectRecordsRequestsAsFilesAndHandsTheUrlToMaven() throws IOException, ChatException, InterruptedException {
        Files.createDirectories(basedir.resolve("answers"));
        Files.writeString(basedir.resolve("answers/good.md"), "Score: 9");
        Files.writeString(basedir.resolve("fake-server.json"), "{\"models\": {"
                + "\"small\": [{\"status\": 500, \"body\": \"{\\\"error\\\":\\\"boom\\\"}\"}, {\"contentFile\": \"answers/good.md\"}],"
                + "\"big\": [{\"delayMs\": 10, \"length\": \"cut\"}]}}");
        Files.createDirectories(basedir.resolve(".mvn"));
        Files.writeString(basedir.resolve(".mvn/maven.config"), "-B");

        FakeModelServer server = FakeModelServer.startForInvoker(basedir.toFile());
        try (HttpTransport transport = new HttpTransport()) {
            assertEquals(List.of("-B", "-Dfake.url=" + server.url()),
                    Files.readAllLines(basedir.resolve(".mvn/maven.config")));
            OllamaChatClient ollama = new OllamaChatClient(transport, server.url(), null, Duration.ofSeconds(5));
            ChatException first = assertThrows(ChatException.class,
                    () -> ollama.chat(request("small")));
            assertEquals(500, first.status());
            assertEquals("Score: 9", ollama.chat(request("small")).content());
            OpenAiChatClient openAi = new OpenAiChatClient(transport, server.openAiUrl(), null, Duration.ofSeconds(5));
            assertEquals("cut", openAi.chat(request("big")).content());

            List<Path> files;
            try (Stream<Path> listing = Files.list(basedir.resolve("fake-server-requests"))) {
                files = listing.sorted().toList();
            }
            assertEquals(List.of("0001-api_chat.json", "0002-api_chat.json", "0003-v1_chat_completions.json"),
                    files.stream().map(p -> p.getFileName().toString()).toList());
            JsonObject recorded = JsonParser.parseString(Files.readString(files.get(2))).getAsJsonObject();
            assertEquals("POST", recorded.get("method").getAsString());
            assertEquals("/v1/chat/completions", recorded.get("path").getAsString());
            assertEquals("big", recorded.getAsJsonObject("body").get("model").getAsString());
            assertTrue(recorded.getAsJsonObject("headers").get("content-type").getAsString().startsWith("application/json"));
        } finally {
            FakeModelServer.shutdownForInvoker(basedir.toFile());
        }
        long until = System.nanoTime() + 5_000_000_000L;
        while (!server.isClosed() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(server.isClosed());
        assertFalse(server.requests().stream().anyMatch(r -> r.path().equals("/__shutdown")));
    }

    private static ChatRequest request(String model) {
        return new ChatRequest(model, "s", "u", 100, null, 0, AnswerFormat.MARKDOWN, null);
    }

    @Test
    void shuttingDownAServerThatIsGoneDoesNothing() throws IOException {
        Files.createDirectories(basedir.resolve(".mvn"));
        Files.writeString(basedir.resolve(".mvn/maven.config"), "-Dfake.url=" + URI.create("http://127.0.0.1:1") + "\n");

        FakeModelServer.shutdownForInvoker(basedir.toFile());
    }
}
