package dev.scrum.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scrum:review} prunes the cache at the end of a run; {@code scrum:clean-cache} empties it. */
@MojoTest
class CacheHygieneMojoTest {

    @TempDir
    Path tmp;

    /** A review entry of 10 bytes under {@code cache}, named for {@code seed}, unused for {@code days}. */
    private static Path entry(Path cache, char seed, int days) throws IOException {
        String key = String.valueOf(seed).repeat(64);
        Path entry = cache.resolve("reviews").resolve(key.substring(0, 2)).resolve(key + ".json");
        Files.createDirectories(entry.getParent());
        Files.write(entry, new byte[10]);
        Files.setLastModifiedTime(entry, FileTime.from(Instant.now().minus(Duration.ofDays(days))));
        return entry;
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void theCacheIsKeptWithinThirtyDaysAndTwoHundredMegabytesByDefault(ReviewMojo mojo) {
        assertEquals(30, mojo.cacheMaxAgeDays);
        assertEquals(200, mojo.cacheMaxMegabytes);
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "cacheMaxAgeDays", value = "7")
    void aRunEndsByPruningTheCacheAndSaysWhatItRemoved(ReviewMojo mojo) throws Exception {
        Path cache = tmp.resolve("cache");
        Path old = entry(cache, 'a', 8);
        Path recent = entry(cache, 'b', 6);
        Path stranger = Files.writeString(cache.resolve("reviews/aa/notes.txt"), "mine");
        Files.setLastModifiedTime(stranger, FileTime.from(Instant.now().minus(Duration.ofDays(400))));
        mojo.cacheDirectory = cache.toFile();
        List<String> infos = LogLines.infos(mojo);

        mojo.execute();

        assertTrue(infos.contains("Pruned the review cache: 1 entry removed (10 B), 1 kept"), infos.toString());
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent));
        assertTrue(Files.exists(stranger));
        assertTrue(Files.exists(mojo.project.getBasedir().toPath().resolve("target/scrum-report.md")),
                "the report was written");
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "cacheMaxMegabytes", value = "0")
    void aCacheSizeOfZeroIsRefusedBeforeTheRun(ReviewMojo mojo) throws IOException {
        Path report = mojo.project.getBasedir().toPath().resolve("target/scrum-report.md");
        Files.deleteIfExists(report);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("<cacheMaxMegabytes> (scrum.cacheMaxMegabytes) is 0: use 1 or more megabytes, e.g. 200 (the "
                + "default); to empty the cache, run mvn scrum:clean-cache", e.getMessage());
        assertFalse(Files.exists(report));
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "cacheMaxAgeDays", value = "-1")
    void aNegativeCacheAgeIsRefused(ReviewMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("<cacheMaxAgeDays> (scrum.cacheMaxAgeDays) is -1: use 1 or more days; to empty the cache, "
                + "run mvn scrum:clean-cache", e.getMessage());
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "clean-cache", pom = "pom.xml")
    void cleanCacheRemovesEveryEntryAndNothingElse(CleanCacheMojo mojo) throws Exception {
        Path cache = tmp.resolve("cache");
        Path old = entry(cache, 'a', 8);
        Path recent = entry(cache, 'b', 0);
        Path stranger = Files.writeString(cache.resolve("settings.xml"), "<settings/>");
        mojo.cacheDirectory = cache.toFile();
        List<String> infos = LogLines.infos(mojo);

        mojo.execute();

        assertEquals(List.of("Cleaned the review cache " + cache + ": 2 entries removed (20 B), 0 kept"), infos);
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(recent));
        assertTrue(Files.exists(stranger));
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "clean-cache", pom = "pom.xml")
    @MojoParameter(name = "olderThanDays", value = "7")
    void cleanCacheOlderThanKeepsWhatWasUsedSince(CleanCacheMojo mojo) throws Exception {
        Path cache = tmp.resolve("cache");
        Path old = entry(cache, 'a', 8);
        Path recent = entry(cache, 'b', 6);
        mojo.cacheDirectory = cache.toFile();
        List<String> infos = LogLines.infos(mojo);

        mojo.execute();

        assertEquals(List.of("Cleaned the review cache " + cache + " of entries unused for over 7 day(s): "
                + "1 entry removed (10 B), 1 kept"), infos);
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent));
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "clean-cache", pom = "pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void cleanCacheHonoursSkip(CleanCacheMojo mojo) throws Exception {
        Path cache = tmp.resolve("cache");
        Path old = entry(cache, 'a', 8);
        mojo.cacheDirectory = cache.toFile();
        List<String> infos = LogLines.infos(mojo);

        mojo.execute();

        assertEquals(List.of("Skipping the cache cleaning (scrum.skip=true)"), infos);
        assertTrue(Files.exists(old));
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "clean-cache", pom = "pom.xml")
    void cleanCacheOfAMissingDirectorySaysSoAndCreatesNothing(CleanCacheMojo mojo) throws Exception {
        Path missing = tmp.resolve("missing");
        mojo.cacheDirectory = missing.toFile();
        List<String> infos = LogLines.infos(mojo);

        mojo.execute();

        assertEquals(List.of("No cache at " + missing + ": nothing to remove"), infos);
        assertFalse(Files.exists(missing));
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "clean-cache", pom = "pom.xml")
    @MojoParameter(name = "olderThanDays", value = "-3")
    void aNegativeAgeIsRefusedNamingTheParameter(CleanCacheMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("<olderThanDays> (scrum.olderThanDays) is -3: use 0 or more days, or leave it unset to remove "
                + "every entry", e.getMessage());
    }
}
