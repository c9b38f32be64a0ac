package dev.scrum.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.llm.ApiKey;
import dev.scrum.testing.FakeModelServerExtension;
import dev.scrum.testing.RecordedRequest;
import dev.scrum.testing.Reply;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiEmbedderTest {
    private static final String MODEL = "text-embedding-3-small";
    private static final String SECRET = "sk-embed-canary-42";

    @RegisterExtension
    final FakeModelServerExtension fake = new FakeModelServerExtension();

    private OpenAiEmbedder embedder(ApiKey key) {
        return new OpenAiEmbedder(fake.transport(), fake.server().openAiUrl(), MODEL, key, Duration.ofSeconds(10));
    }

    @Test
    void namesItselfAndItsInputLimit() {
        assertEquals("openai/text-embedding-3-small", embedder(null).name());
        assertEquals(8000, embedder(null).maxInputChars());
    }

    @Test
    void textsGoInBatchesOf64AndArePutBackInOrderByIndex() {
        fake.server().reverseEmbeddingOrder(true);
        List<String> texts = IntStream.range(0, 130).mapToObj(i -> "requirement " + i + " word" + i).toList();
        OpenAiEmbedder embedder = embedder(null);

        List<float[]> vectors = embedder.embed(texts);

        List<RecordedRequest> sent = fake.server().requests("/v1/embeddings");
        assertEquals(List.of(64, 64, 2), sent.stream().map(r -> r.json().getAsJsonArray("input").size()).toList());
        assertEquals(130, vectors.size());
        for (int i = 0; i < 130; i += 7) {
            assertEquals(1.0, Vectors.norm(vectors.get(i)), 1e-5);
            assertArrayEquals(embedder.embed(List.of(texts.get(i))).get(0), vectors.get(i), "vector " + i);
        }
    }

    @Test
    void aKeyIsSentAsBearerAndNoHeaderWithoutOne() {
        embedder(ApiKey.of(SECRET, "environment variable OPENAI_API_KEY")).embed(List.of("a"));
        embedder(null).embed(List.of("a"));

        assertEquals("Bearer " + SECRET, fake.server().requests().get(0).header("Authorization"));
        assertNull(fake.server().requests().get(1).header("Authorization"));
    }

    @Test
    void aMissingModelFailsWithOpenAisMessageAndNoKey() {
        fake.server().script(MODEL, Reply.missingModel());

        EmbeddingException e = assertThrows(EmbeddingException.class,
                () -> embedder(ApiKey.of(SECRET, "environment variable OPENAI_API_KEY")).embed(List.of("a")));

        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("The model `text-embedding-3-small` does not exist"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void indexesThatDoNotCoverTheBatchFail() {
        fake.server().script(MODEL, Reply.status(200, "{\"object\":\"list\",\"data\":["
                + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[1,0]},"
                + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[0,1]}],\"model\":\"m\"}"));

        EmbeddingException e = assertThrows(EmbeddingException.class, () -> embedder(null).embed(List.of("a", "b")));

        assertTrue(e.getMessage().contains("indexes"), e.getMessage());
    }
}
