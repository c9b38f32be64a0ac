package dev.scrum.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {

    @Test
    void parsesIOfN() {
        assertEquals(new Shard(1, 4), Shard.parse("1/4"));
        assertEquals(new Shard(3, 3), Shard.parse(" 3 / 3 "));
        assertEquals(new Shard(1, 1), Shard.parse("1/1"));
        assertEquals("2/5", Shard.parse("2/5").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/4", "5/4", "1/0", "4", "a/b", "-1/2", "1/2/3", "", " ", "1/", "/2", "99999999999/2"})
    void refusesAnythingElseNamingTheParameterAndTheFix(String spec) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Shard.parse(spec));
        assertEquals("shard", e.parameter());
        assertTrue(e.getMessage().startsWith("<shard> (scrum.shard) is "), e.getMessage());
        assertTrue(e.getMessage().endsWith(": use i/n with 1 <= i <= n, e.g. -Dscrum.shard=1/4 for the first of four "
                + "shards"), e.getMessage());
    }

    @Test
    void refusesNull() {
        assertThrows(ConfigurationException.class, () -> Shard.parse(null));
    }

    /**
     * The assignment must never change: shards of one CI run may run different plugin builds, and a changed
     * hash would review some files twice and others never. Values are the first 8 bytes of SHA-256 of the
     * UTF-8 path, unsigned, mod n, plus 1 (checked against Python's hashlib).
     */
    @Test
    void goldenAssignments() {
        assertSlices("src/main/java/org/acme/Invoice.java", 2, 3, 4, 6);
        assertSlices("src/main/java/org/acme/RateLimiter.java", 1, 1, 1, 1);
        assertSlices("src/main/java/com/example/shop/Inventory.java", 1, 3, 3, 7);
        assertSlices("src/main/java/com/example/shop/Payment.java", 2, 1, 4, 6);
        assertSlices("é.java", 2, 3, 2, 2);
        assertSlices("", 1, 2, 1, 2);
    }

    private static void assertSlices(String path, int of2, int of3, int of4, int of7) {
        assertEquals(List.of(of2, of3, of4, of7),
                List.of(Shard.slice(path, 2), Shard.slice(path, 3), Shard.slice(path, 4), Shard.slice(path, 7)), path);
        assertTrue(new Shard(of4, 4).selects(path));
    }

    @Test
    void aWindowsSeparatorMakesNoDifference() {
        assertEquals(Shard.slice("src/main/java/a/B.java", 5), Shard.slice("src\\main\\java\\a\\B.java", 5));
    }

    @Test
    void shardsPartitionTheFilesExactlyAndRoughlyEvenly() {
        List<String> files = IntStream.range(0, 1000).mapToObj(i -> "src/main/java/p" + (i % 17) + "/F" + i + ".java")
                .toList();
        for (int n = 1; n <= 8; n++) {
            Set<String> union = new HashSet<>();
            int total = 0;
            for (int i = 1; i <= n; i++) {
                List<String> mine = new Shard(i, n).select(files);
                total += mine.size();
                union.addAll(mine);
                assertTrue(mine.size() > 1000 / n * 0.7 && mine.size() < 1000 / n * 1.3,
                        i + "/" + n + " has " + mine.size() + " files");
            }
            assertEquals(files.size(), total, "no file in two shards of " + n);
            assertEquals(new HashSet<>(files), union, "every file in a shard of " + n);
        }
    }

    @Test
    void theOrderOfTheFilesDoesNotMatter() {
        List<String> files = IntStream.range(0, 200).mapToObj(i -> "src/F" + i + ".java").toList();
        List<String> shuffled = new ArrayList<>(files);
        Collections.shuffle(shuffled, new Random(7));
        for (int i = 1; i <= 3; i++) {
            Shard s = new Shard(i, 3);
            assertEquals(new HashSet<>(s.select(files)), new HashSet<>(s.select(shuffled)));
            List<String> kept = s.select(shuffled);
            assertEquals(shuffled.stream().filter(kept::contains).toList(), kept, "selection order kept");
        }
    }

    @Test
    void oneShardOfOneIsEverything() {
        assertEquals(List.of("a", "b", "c"), new Shard(1, 1).select(List.of("a", "b", "c")));
    }
}
