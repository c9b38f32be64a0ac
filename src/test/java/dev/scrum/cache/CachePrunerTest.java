package dev.scrum.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachePrunerTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);
    private static final long PLENTY = 200 * CachePruner.MEGABYTE;

    @TempDir
    Path tmp;

    private final List<String> warnings = new ArrayList<>();
    private final CachePruner pruner = new CachePruner(Clock.fixed(NOW, ZoneOffset.UTC), warnings::add);

    /** A review entry named for {@code seed} (the key is 64 hex digits), of {@code bytes}, last used then. */
    private Path review(Path cache, char seed, int bytes, Duration unusedFor) throws IOException {
        String key = String.valueOf(seed).repeat(64);
        return file(cache.resolve("reviews").resolve(key.substring(0, 2)).resolve(key + ".json"), bytes, unusedFor);
    }

    private static Path file(Path path, int bytes, Duration unusedFor) throws IOException {
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[bytes]);
        Files.setLastModifiedTime(path, FileTime.from(NOW.minus(unusedFor)));
        return path;
    }

    @Test
    void removesEntriesUnusedForLongerThanTheAgeAndCountsThem() throws IOException {
        Path cache = tmp.resolve("cache");
        Path old = review(cache, 'a', 1_000, Duration.ofDays(31));
        Path recent = review(cache, 'b', 500, Duration.ofDays(29));
        Path oldVectors = file(cache.resolve("embeddings/local_bge-small-en-v1.5-q.vectors"), 3_000,
                Duration.ofDays(45));
        Path vectors = file(cache.resolve("embeddings/ollama_nomic-embed-text.vectors"), 2_000, Duration.ofDays(1));

        PruneResult result = pruner.prune(cache, THIRTY_DAYS, PLENTY);

        assertEquals(new PruneResult(2, 4_000, 2, 2_500), result);
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(oldVectors));
        assertTrue(Files.exists(recent));
        assertTrue(Files.exists(vectors));
        assertEquals(List.of(), warnings);
    }

    @Test
    void overTheSizeRemovesTheLeastRecentlyUsedFirstUntilUnder() throws IOException {
        Path cache = tmp.resolve("cache");
        Path fourDays = review(cache, 'c', 1_000, Duration.ofDays(4));
        Path oneDay = review(cache, 'd', 1_000, Duration.ofDays(1));
        Path threeDays = file(cache.resolve("embeddings/test_counting.vectors"), 1_000, Duration.ofDays(3));
        Path twoDays = review(cache, 'e', 1_000, Duration.ofDays(2));

        PruneResult result = pruner.prune(cache, THIRTY_DAYS, 2_500);

        assertEquals(new PruneResult(2, 2_000, 2, 2_000), result);
        assertFalse(Files.exists(fourDays));
        assertFalse(Files.exists(threeDays));
        assertTrue(Files.exists(twoDays));
        assertTrue(Files.exists(oneDay));
    }

    @Test
    void withinTheAgeAndTheSizeNothingIsRemoved() throws IOException {
        Path cache = tmp.resolve("cache");
        review(cache, 'a', 1_000, Duration.ofDays(2));
        review(cache, 'b', 1_000, Duration.ofDays(3));

        assertEquals(new PruneResult(0, 0, 2, 2_000), pruner.prune(cache, THIRTY_DAYS, 2_000));
    }

    @Test
    void neverRemovesAFileTheCachesDidNotWrite() throws IOException {
        Path cache = tmp.resolve("cache");
        Duration old = Duration.ofDays(400);
        String key = "ab" + "0".repeat(62);
        List<Path> strangers = List.of(
                file(cache.resolve("pom.xml"), 10, old),
                file(cache.resolve(key + ".json"), 10, old),
                file(cache.resolve("reviews/" + key + ".json"), 10, old),
                file(cache.resolve("reviews/cd/" + key + ".json"), 10, old), // not in its key's folder
                file(cache.resolve("reviews/ab/" + key.toUpperCase() + ".json"), 10, old),
                file(cache.resolve("reviews/ab/" + key + ".json.bak"), 10, old),
                file(cache.resolve("reviews/ab/notes.txt"), 10, old),
                file(cache.resolve("reviews/ab/ab/" + key + ".json"), 10, old),
                file(cache.resolve("embeddings/README.md"), 10, old),
                file(cache.resolve("embeddings/old/local_x.vectors"), 10, old),
                file(cache.resolve("other/ab/" + key + ".json"), 10, old));
        Path entry = file(cache.resolve("reviews/ab/" + key + ".json"), 10, old);
        Path leftover = file(cache.resolve("reviews/ab/." + key + ".json7126390422.tmp"), 10, Duration.ofHours(2));

        PruneResult result = pruner.clean(cache, null);

        assertEquals(new PruneResult(2, 20, 0, 0), result);
        assertFalse(Files.exists(entry));
        assertFalse(Files.exists(leftover));
        strangers.forEach(p -> assertTrue(Files.exists(p), p + " was removed"));
    }

    @Test
    void aTemporaryFileARunMayBeWritingNowIsLeft() throws IOException {
        Path cache = tmp.resolve("cache");
        String key = "f".repeat(64);
        Path writing = file(cache.resolve("reviews/ff/." + key + ".json123.tmp"), 10, Duration.ofMinutes(5));

        assertEquals(new PruneResult(0, 0, 1, 10), pruner.clean(cache, null));
        assertTrue(Files.exists(writing));
    }

    @Test
    void nothingReachedThroughASymbolicLinkIsRemoved() throws IOException {
        Path cache = tmp.resolve("cache");
        Path elsewhere = tmp.resolve("elsewhere");
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        Duration old = Duration.ofDays(400);
        Path outsideEntry = file(elsewhere.resolve(a + ".json"), 10, old);
        Path outsideFolder = file(elsewhere.resolve("bb/" + b + ".json"), 10, old);
        Path outsideVectors = file(elsewhere.resolve("vectors/local_x.vectors"), 10, old);
        Files.createDirectories(cache.resolve("reviews/aa"));
        Path linkedEntry = Files.createSymbolicLink(cache.resolve("reviews/aa/" + a + ".json"), outsideEntry);
        Path linkedFolder = Files.createSymbolicLink(cache.resolve("reviews/bb"), elsewhere.resolve("bb"));
        Path linkedArea = Files.createSymbolicLink(cache.resolve("embeddings"), elsewhere.resolve("vectors"));

        PruneResult result = pruner.clean(cache, null);

        assertEquals(PruneResult.NONE, result);
        for (Path p : List.of(outsideEntry, outsideFolder, outsideVectors)) {
            assertTrue(Files.exists(p), p + " was removed");
        }
        for (Path link : List.of(linkedEntry, linkedFolder, linkedArea)) {
            assertTrue(Files.isSymbolicLink(link), link + " was removed");
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Not pruning " + cache.toRealPath().resolve("embeddings")
                + ": it is a symbolic link"), warnings.get(0));
    }

    @Test
    void aCacheDirectoryThatIsItselfALinkIsPrunedWhereItPoints() throws IOException {
        Path real = tmp.resolve("real");
        Path entry = review(real, 'c', 10, Duration.ofDays(40));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);

        assertEquals(new PruneResult(1, 10, 0, 0), pruner.prune(link, THIRTY_DAYS, PLENTY));
        assertFalse(Files.exists(entry));
    }

    @Test
    void aMissingOrEmptyDirectoryIsAnEmptyCacheAndIsNotCreated() throws IOException {
        Path missing = tmp.resolve("missing");
        assertEquals(PruneResult.NONE, pruner.prune(missing, THIRTY_DAYS, PLENTY));
        assertEquals(PruneResult.NONE, pruner.clean(missing, null));
        assertFalse(Files.exists(missing));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(PruneResult.NONE, pruner.prune(empty, THIRTY_DAYS, PLENTY));
        Files.createDirectories(empty.resolve("reviews/ab"));
        assertEquals(PruneResult.NONE, pruner.clean(empty, Duration.ofDays(1)));
        assertEquals(List.of(), warnings);
    }

    @Test
    void cleaningOlderThanKeepsTheEntriesUsedSince() throws IOException {
        Path cache = tmp.resolve("cache");
        Path old = review(cache, 'a', 100, Duration.ofDays(8));
        Path recent = review(cache, 'b', 100, Duration.ofDays(6));

        assertEquals(new PruneResult(1, 100, 1, 100), pruner.clean(cache, Duration.ofDays(7)));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent));
    }

    @Test
    void anAgeOrSizeOfZeroIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> pruner.prune(tmp, Duration.ZERO, PLENTY));
        assertThrows(IllegalArgumentException.class, () -> pruner.prune(tmp, THIRTY_DAYS, 0));
    }

    @Test
    void describesTheCountsInWords() {
        assertEquals("3 entries removed (1.2 MB), 40 kept",
                new PruneResult(3, 1_258_291, 40, 9_000_000).describe());
        assertEquals("1 entry removed (512 B), 0 kept", new PruneResult(1, 512, 0, 0).describe());
        assertEquals("0 entries removed (0 B), 2 kept", new PruneResult(0, 0, 2, 10).describe());
        assertEquals("2 entries removed (3.4 kB), 1 kept", new PruneResult(2, 3_482, 1, 10).describe());
    }
}
