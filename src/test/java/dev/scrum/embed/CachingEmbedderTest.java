package dev.scrum.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingEmbedderTest {

    /** Embeds a text as its length and first character; counts what it was asked. */
    static class CountingEmbedder implements Embedder {
        final List<String> asked = new ArrayList<>();

        @Override
        public String name() {
            return "test/counting";
        }

        @Override
        public int maxInputChars() {
            return 100;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            asked.addAll(texts);
            return texts.stream().map(t -> new float[] {t.length(), t.isEmpty() ? 0 : t.charAt(0)}).toList();
        }
    }

    @TempDir
    Path dir;

    @Test
    void aSecondRunEmbedsNothing() {
        CountingEmbedder first = new CountingEmbedder();
        List<String> texts = List.of("alpha", "beta", "alpha", "gamma");
        List<float[]> computed;
        try (CachingEmbedder cache = new CachingEmbedder(first, dir, w -> {})) {
            computed = cache.embed(texts);
            assertEquals(List.of("alpha", "beta", "gamma"), first.asked, "a text repeated in one call is embedded once");
        }
        CountingEmbedder second = new CountingEmbedder();
        try (CachingEmbedder cache = new CachingEmbedder(second, dir, w -> {})) {
            List<float[]> again = cache.embed(texts);
            assertTrue(second.asked.isEmpty());
            assertEquals(4, cache.hits());
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(computed.get(i), again.get(i));
            }
            cache.embed(List.of("delta"));
            assertEquals(List.of("delta"), second.asked);
        }
    }

    @Test
    void anotherModelOrAnotherPrefixIsAnotherKey() {
        try (CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), dir, w -> {})) {
            cache.embed(List.of("query: alpha"));
        }
        CountingEmbedder otherModel = new CountingEmbedder() {
            @Override
            public String name() {
                return "test/other";
            }
        };
        try (CachingEmbedder cache = new CachingEmbedder(otherModel, dir, w -> {})) {
            cache.embed(List.of("query: alpha"));
            assertEquals(List.of("query: alpha"), otherModel.asked, "vectors of one model are never another's");
        }
        CountingEmbedder sameModel = new CountingEmbedder();
        try (CachingEmbedder cache = new CachingEmbedder(sameModel, dir, w -> {})) {
            cache.embed(List.of("query: alpha", "passage: alpha"));
            assertEquals(List.of("passage: alpha"), sameModel.asked, "the prefix is part of the key");
        }
    }

    @Test
    void aRecordCutShortByACrashIsIgnored() throws Exception {
        try (CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), dir, w -> {})) {
            cache.embed(List.of("alpha", "beta"));
        }
        Path file = Files.list(dir).findFirst().orElseThrow();
        Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();
        CountingEmbedder again = new CountingEmbedder();
        try (CachingEmbedder cache = new CachingEmbedder(again, dir, warnings::add)) {
            cache.embed(List.of("alpha", "beta"));
        }
        assertTrue(again.asked.isEmpty(), "the whole records before the cut are still used");
    }

    @Test
    void anUnwritableDirectoryIsAWarningNotAFailure() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        List<String> warnings = new ArrayList<>();
        CountingEmbedder delegate = new CountingEmbedder();
        try (CachingEmbedder cache = new CachingEmbedder(delegate, notADirectory, warnings::add)) {
            assertEquals(2, cache.embed(List.of("alpha", "beta")).size());
        }
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("Could not write the embedding cache"), warnings.get(0));
    }

    @Test
    void aRunThatReadVectorsMarksTheFileUsed() throws Exception {
        try (CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), dir, w -> {})) {
            cache.embed(List.of("alpha"));
        }
        Path file = dir.resolve("test_counting.vectors");
        assertTrue(CachingEmbedder.isVectorFile(file.getFileName().toString()));
        FileTime longAgo = FileTime.from(
                Instant.now().minus(Duration.ofDays(60)));
        Files.setLastModifiedTime(file, longAgo);
        List<String> warnings = new ArrayList<>();
        try (CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), dir, warnings::add)) {
            cache.embed(List.of("alpha"));
            assertEquals(1, cache.hits());
        }
        assertTrue(Files.getLastModifiedTime(file).compareTo(longAgo) > 0, "the file's time is now");
        assertEquals(List.of(), warnings);
    }
}
