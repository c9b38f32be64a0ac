package dev.scrum.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.report.FileReview;
import dev.scrum.review.ShardFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCacheTest {

    private static final String KEY = "0123456789abcdef".repeat(4);

    private static final CacheKey KEY_A = CacheKey.parse("a1".repeat(32));
    private static final CacheKey KEY_B = CacheKey.parse("b2".repeat(32));

    @TempDir
    Path tmp;

    private final List<String> warnings = new ArrayList<>();
    private Path cache;
    private ReviewCache reviews;

    /** A review stored under {@code KEY}, last used 60 days ago; its entry. */
    private Path storedLongAgo() throws IOException {
        cache = tmp.resolve("cache");
        reviews = new ReviewCache(cache.resolve(ReviewCache.AREA), KEY_A, warnings::add);
        reviews.store(KEY, ShardFixtures.review(ShardFixtures.CART, 8, 1_000));
        Path entry = cache.resolve("reviews/01/" + KEY + ".json");
        Files.setLastModifiedTime(entry, FileTime.from(Instant.now().minus(Duration.ofDays(60))));
        return entry;
    }

    @Test
    void aHitMarksTheEntryUsedSoPruningKeepsIt() throws IOException {
        Path entry = storedLongAgo();

        Instant before = Instant.now().minusSeconds(1);
        Optional<FileReview> hit = reviews.find(KEY);

        assertTrue(hit.isPresent());
        assertFalse(Files.getLastModifiedTime(entry).toInstant().isBefore(before), "the hit set the time to now");
        PruneResult pruned = new CachePruner(warnings::add).prune(cache, Duration.ofDays(30), CachePruner.MEGABYTE);
        assertEquals(0, pruned.removed());
        assertEquals(1, pruned.kept());
        assertTrue(Files.exists(entry));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aMissLeavesNoTraceAndAnEntryUnusedForLongIsPruned() throws IOException {
        Path entry = storedLongAgo();
        FileTime longAgo = Files.getLastModifiedTime(entry);

        assertTrue(reviews.find("01" + "f".repeat(62)).isEmpty());

        assertEquals(longAgo, Files.getLastModifiedTime(entry));
        PruneResult pruned = new CachePruner(warnings::add).prune(cache, Duration.ofDays(30), CachePruner.MEGABYTE);
        assertEquals(1, pruned.removed());
        assertFalse(Files.exists(entry));
    }

    @Test
    void theEntriesItWritesAreTheOnesThePrunerRecognises() {
        assertTrue(ReviewCache.isEntry(Path.of("01", KEY + ".json")));
        assertTrue(ReviewCache.isEntry(Path.of("01", "." + KEY + ".json42.tmp")));
        assertFalse(ReviewCache.isEntry(Path.of("02", KEY + ".json")));
        assertFalse(ReviewCache.isEntry(Path.of(KEY + ".json")));
        assertFalse(ReviewCache.isEntry(Path.of("01", KEY + ".JSON")));
        assertFalse(ReviewCache.isEntry(Path.of("01", KEY.substring(1) + ".json")));
        assertFalse(ReviewCache.isEntry(Path.of("01", "." + KEY + ".jsonx.tmp")));
    }

    @Test
    void anEditedScoreIsAMissWithAWarningNamingTheEntry() throws IOException {
        Path entry = storedLongAgo();
        assertTrue(reviews.find(KEY).isPresent());
        String json = Files.readString(entry);
        assertTrue(json.contains("\"score\":8"), json);
        Files.writeString(entry, json.replace("\"score\":8", "\"score\":10"));

        assertTrue(reviews.find(KEY).isEmpty());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains(entry.toString()), warnings.get(0));
        assertFalse(warnings.get(0).contains("score"), "the entry's content is not logged");
    }

    @Test
    void anEntrySealedWithAnotherKeyOrWithoutAMacIsAMiss() throws IOException {
        Path entry = storedLongAgo();
        ReviewCache other = new ReviewCache(cache.resolve(ReviewCache.AREA), KEY_B, warnings::add);
        assertTrue(other.find(KEY).isEmpty());
        assertEquals(1, warnings.size());

        Files.writeString(entry, Files.readString(entry).replaceAll(",\"mac\":\"[0-9a-f]+\"", ""));
        assertFalse(Files.readString(entry).contains("mac"));
        assertTrue(reviews.find(KEY).isEmpty());
        assertEquals(2, warnings.size());

        reviews.store(KEY, ShardFixtures.review(ShardFixtures.CART, 8, 1_000));
        assertEquals(8, reviews.find(KEY).orElseThrow().outcome().score());
    }

    @Test
    void anEntryMovedToAnotherKeysFileIsAMissWithAWarning() throws IOException {
        Path entry = storedLongAgo();
        String other = "fedcba9876543210".repeat(4);
        Path moved = cache.resolve("reviews/fe/" + other + ".json");
        Files.createDirectories(moved.getParent());
        Files.copy(entry, moved);
        assertTrue(reviews.find(other).isEmpty());
        assertEquals(List.of("Review cache entry " + moved + " was sealed for another key (moved from another entry's "
                + "file) and was ignored: the file is reviewed again"), warnings);

        Files.writeString(moved, Files.readString(moved).replace(KEY, other));
        assertTrue(reviews.find(other).isEmpty(), "its key edited to match, the MAC no longer does");
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(1).contains("does not match its MAC"), warnings.get(1));
        assertTrue(reviews.find(KEY).isPresent(), "the original is untouched");
    }

    @Test
    void aFieldAddedToASealedEntryIsAMiss() throws IOException {
        Path entry = storedLongAgo();
        Files.writeString(entry, Files.readString(entry).replace("\"review\":{", "\"review\":{\"extra\":1,"));
        assertTrue(reviews.find(KEY).isEmpty());
        assertEquals(1, warnings.size());
    }
}
