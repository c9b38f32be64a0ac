package dev.scrum.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import dev.scrum.testing.FakeModelServer;
import dev.scrum.testing.FakeModelServerExtension;
import dev.scrum.testing.RecordedRequest;
import dev.scrum.testing.Reply;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OllamaEmbedderTest {
    private static final String MODEL = "nomic-embed-text";

    @RegisterExtension
    final FakeModelServerExtension fake = new FakeModelServerExtension();

    private FakeModelServer server;
    private OllamaEmbedder embedder;

    @BeforeEach
    void connect() {
        server = fake.server();
        embedder = new OllamaEmbedder(fake.transport(), server.url(), MODEL, Duration.ofSeconds(10));
    }

    @Test
    void namesItselfAndItsInputLimit() {
        assertEquals("ollama/nomic-embed-text", embedder.name());
        assertEquals(2000, embedder.maxInputChars());
    }

    @Test
    void seventyTextsGoInBatchesOf32AndComeBackInOrderNormalised() {
        List<String> texts = IntStream.range(0, 70).mapToObj(i -> "passage number " + i + " about topic " + i).toList();

        List<float[]> vectors = embedder.embed(texts);

        List<RecordedRequest> sent = server.requests("/api/embed");
        assertEquals(3, sent.size());
        assertEquals(List.of(32, 32, 6), sent.stream().map(r -> r.json().getAsJsonArray("input").size()).toList());
        JsonArray last = sent.get(2).json().getAsJsonArray("input");
        assertEquals("passage number 64 about topic 64", last.get(0).getAsString());
        assertEquals(MODEL, sent.get(0).model());

        assertEquals(70, vectors.size());
        for (int i = 0; i < 70; i++) {
            assertEquals(1.0, Vectors.norm(vectors.get(i)), 1e-5, "vector " + i);
            assertArrayEquals(embedder.embed(List.of(texts.get(i))).get(0), vectors.get(i), "vector " + i);
        }
    }

    @Test
    void similarTextsAreCloserThanUnrelatedOnes() {
        List<float[]> v = embedder.embed(List.of(
                "the retry strategy honours retry after headers",
                "retry after headers are honoured by the retry strategy",
                "chunk the markdown document into overlapping windows"));

        assertTrue(Vectors.dot(v.get(0), v.get(1)) > 0.8, "similar: " + Vectors.dot(v.get(0), v.get(1)));
        assertTrue(Vectors.dot(v.get(0), v.get(2)) < 0.5, "unrelated: " + Vectors.dot(v.get(0), v.get(2)));
    }

    @Test
    void noTextsMeansNoCall() {
        assertEquals(List.of(), embedder.embed(List.of()));
        assertEquals(0, server.requests().size());
    }

    @Test
    void aMissingModelFailsNamingItAndTheStatus() {
        server.script(MODEL, Reply.missingModel());

        EmbeddingException e = assertThrows(EmbeddingException.class, () -> embedder.embed(List.of("text")));

        assertTrue(e.getMessage().startsWith("ollama/nomic-embed-text: HTTP 404 from " + server.url()
                + "/api/embed: model \"nomic-embed-text\" not found, try pulling it first"), e.getMessage());
    }

    @Test
    void aServerErrorFailsWithItsStatusAndMessage() {
        server.script(MODEL, Reply.status(500, "{\"error\":\"this model does not support embeddings\"}"));

        EmbeddingException e = assertThrows(EmbeddingException.class, () -> embedder.embed(List.of("text")));

        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        assertTrue(e.getMessage().contains("this model does not support embeddings"), e.getMessage());
    }

    @Test
    void tooFewVectorsFail() {
        server.script(MODEL, Reply.status(200, "{\"model\":\"nomic-embed-text\",\"embeddings\":[[1,0]]}"));

        EmbeddingException e = assertThrows(EmbeddingException.class, () -> embedder.embed(List.of("a", "b")));

        assertEquals("ollama/nomic-embed-text returned 1 vectors for 2 texts", e.getMessage());
    }

    @Test
    void anAnswerWithoutEmbeddingsFails() {
        server.script(MODEL, Reply.status(200, "{\"model\":\"nomic-embed-text\"}"));

        EmbeddingException e = assertThrows(EmbeddingException.class, () -> embedder.embed(List.of("a")));

        assertTrue(e.getMessage().contains("lacks the protocol's fields"), e.getMessage());
    }
}
