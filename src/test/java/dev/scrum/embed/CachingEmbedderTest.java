package dev.scrum.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.cache.CacheKey;
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

    private static final CacheKey KEY = CacheKey.parse("a1".repeat(32));

    @TempDir
    Path dir;

    @Test
    void aSecondRunEmbedsNothing() {
        CountingEmbedder first = new CountingEmbedder();
        List<String> texts = List.of("alpha", "beta", "alpha", "gamma");
        List<float[]> computed;
        try (CachingEmbedder cache = new CachingEmbedder(first, dir, KEY, w -> {})) {
            computed = cache.embed(texts);
            assertEquals(List.of("alpha", "beta", "gamma"), first.asked, "a text repeated in one call is embedded once");
        }
        CountingEmbedder second = new CountingEmbedder();
        try (CachingEmbedder cache = new CachingEmbedder(second, dir, KEY, w -> {})) {
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
        try (CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), dir, KEY, w -> {})) {
            cache.embed(List.of("query: alpha"));
        }
        CountingEmbedder otherModel = new CountingEmbedder() {
            @Override
            public String name() {
                return "test/other";
            }
        };
        try (CachingEmbedder cache = new CachingEmbedder(otherModel, dir, KEY, w -> {})) {
            cache.embed(List.of("query: alpha"));
            assertEquals(List.of("query: alpha"), otherModel.asked, "vectors of one model are never another's");
        }
        CountingEmbedder sameModel = new CountingEmbedder();
        try (CachingEmbedder cache = new CachingEmbedder(sameModel, dir, KEY, w -> {})) {
            cache.embed(List.of("query: alpha", "passage: alpha"));
            assertEquals(List.of("passage: alpha"), sameModel.asked, "the prefix is part of the key");
        }
    }

    @Test
    void aRecordCutShortByACrashIsIgnored() throws Exception {
        try (CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), dir, KEY, w -> {})) {
            cache.embed(List.of("alpha", "beta"));
        }
        Path file = Files.list(dir).findFirst().orElseThrow();
        Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();
        CountingEmbedder again = new CountingEmbedder();
        try (CachingEmbedder cache = new CachingEmbedder(again, dir, KEY, warnings::add)) {
            cache.embed(List.of("alpha", "beta"));
        }
        assertTrue(again.asked.isEmpty(), "the whole records before the cut are still used");
    }

    @Test
    void anUnwritableDirectoryIsAWarningNotAFailure() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        List<String> warnings = new ArrayList<>();
        CountingEmbedder delegate = new CountingEmbedder();
        try (CachingEmbedder cache = new CachingEmbedder(delegate, notADirectory, KEY, warnings::add)) {
            assertEquals(2, cache.embed(List.of("alpha", "beta")).size());
        }
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("Could not write the embedding cache"), warnings.get(0));
    }

    @Test
    void aRunThatReadVectorsMarksTheFileUsed() throws Exception {
        try (CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), dir, KEY, w -> {})) {
            cache.embed(List.of("alpha"));
        }
        Path file = dir.resolve("test_counting.sealed.vectors");
        assertTrue(CachingEmbedder.isVectorFile(file.getFileName().toString()));
        FileTime longAgo = FileTime.from(
                Instant.now().minus(Duration.ofDays(60)));
        Files.setLastModifiedTime(file, longAgo);
        List<String> warnings = new ArrayList<>();
        try (CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), dir, KEY, warnings::add)) {
            cache.embed(List.of("alpha"));
            assertEquals(1, cache.hits());
        }
        assertTrue(Files.getLastModifiedTime(file).compareTo(longAgo) > 0, "the file's time is now");
        assertEquals(List.of(), warnings);
    }

    @Test
    void anEditedVectorIsAMissWarnedOnceAndTheFileIsWrittenAnewWithoutIt() throws Exception {
        try (CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), dir, KEY, w -> {})) {
            cache.embed(List.of("alpha", "beta"));
        }
        Path file = dir.resolve("test_counting.sealed.vectors");
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(2 * (32 + 4 + 2 * 4 + 32), bytes.length, "two records of two floats, each with its MAC");
        bytes[32 + 4] ^= 0x40; // the first record's first float
        Files.write(file, bytes);

        List<String> warnings = new ArrayList<>();
        CountingEmbedder again = new CountingEmbedder();
        List<float[]> vectors;
        try (CachingEmbedder cache = new CachingEmbedder(again, dir, KEY, warnings::add)) {
            vectors = cache.embed(List.of("alpha", "beta"));
        }
        assertEquals(1, again.asked.size(), "the edited vector was embedded again, the other one read");
        assertArrayEquals(new float[] {again.asked.get(0).length(), again.asked.get(0).charAt(0)},
                vectors.get(List.of("alpha", "beta").indexOf(again.asked.get(0))));
        assertEquals(List.of("The embedding cache " + file + " has 1 vector(s) that do not match their MAC (edited, "
                + "or sealed with another cache key) and were ignored: their texts are embedded again and the file "
                + "is written anew without them"), warnings);
        assertEquals(2 * (32 + 4 + 2 * 4 + 32), Files.size(file), "rewritten with the two good records");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }

        List<String> quiet = new ArrayList<>();
        CountingEmbedder third = new CountingEmbedder();
        try (CachingEmbedder cache = new CachingEmbedder(third, dir, KEY, quiet::add)) {
            cache.embed(List.of("alpha", "beta"));
        }
        assertTrue(third.asked.isEmpty());
        assertEquals(List.of(), quiet, "warned about once");
    }

    @Test
    void vectorsSealedWithAnotherKeyOrMovedToAnotherModelsFileAreMisses() throws Exception {
        try (CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), dir, KEY, w -> {})) {
            cache.embed(List.of("alpha"));
        }
        List<String> warnings = new ArrayList<>();
        CountingEmbedder otherKey = new CountingEmbedder();
        try (CachingEmbedder cache = new CachingEmbedder(otherKey, dir, CacheKey.parse("b2".repeat(32)),
                warnings::add)) {
            cache.embed(List.of("alpha"));
        }
        assertEquals(List.of("alpha"), otherKey.asked);
        assertEquals(1, warnings.size());

        Path file = dir.resolve("test_counting.sealed.vectors");
        Files.delete(file);
        try (CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), dir, KEY, w -> {})) {
            cache.embed(List.of("alpha"));
        }
        Files.copy(file, dir.resolve("test_other.sealed.vectors"));
        CountingEmbedder otherModel = new CountingEmbedder() {
            @Override
            public String name() {
                return "test/other";
            }
        };
        try (CachingEmbedder cache = new CachingEmbedder(otherModel, dir, KEY, warnings::add)) {
            cache.embed(List.of("alpha"));
        }
        assertEquals(List.of("alpha"), otherModel.asked, "a record is sealed for its model");
        assertEquals(2, warnings.size());
    }

    @Test
    void aFileUnreadablePastARecordIsWarnedAboutOnceAndWrittenAnew() throws Exception {
        try (CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), dir, KEY, w -> {})) {
            cache.embed(List.of("alpha"));
        }
        Path file = dir.resolve("test_counting.sealed.vectors");
        byte[] garbage = new byte[32 + 4];
        java.util.Arrays.fill(garbage, (byte) 0xff); // a record of -1 dimensions
        Files.write(file, garbage, StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();
        CountingEmbedder again = new CountingEmbedder();
        try (CachingEmbedder cache = new CachingEmbedder(again, dir, KEY, warnings::add)) {
            cache.embed(List.of("alpha"));
        }
        assertTrue(again.asked.isEmpty(), "the record before the garbage is still used");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("The embedding cache " + file + " is unreadable past 1 vectors"),
                warnings.get(0));
        assertEquals(32 + 4 + 2 * 4 + 32, Files.size(file), "written anew without the garbage");
        List<String> quiet = new ArrayList<>();
        try (CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), dir, KEY, quiet::add)) {
            assertEquals(1, cache.embed(List.of("alpha")).size());
            assertEquals(1, cache.hits());
        }
        assertEquals(List.of(), quiet);
    }
}
