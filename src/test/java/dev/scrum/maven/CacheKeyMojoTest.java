package dev.scrum.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.testing.FakeModelServer;
import dev.scrum.testing.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scrum:review} seals its cache with a key from {@code SCRUM_CACHE_KEY} or {@code cacheKeyFile}. */
@MojoTest
class CacheKeyMojoTest {

    private static final String KEY_A = "a1".repeat(32);
    private static final String KEY_B = "b2".repeat(32);

    private static final String ANSWER = ReviewMojoTest.JSON_ANSWER;

    @TempDir
    Path tmp;

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void theKeyFileIsOutsideTheCacheUnderTheUsersHomeByDefault(ReviewMojo mojo) {
        // the harness leaves ${user.home} unexpanded, under the project: the descriptor's default as written
        Path base = mojo.project.getBasedir().toPath();
        assertEquals(Path.of("${user.home}", ".scrum-cache-key"), base.relativize(mojo.cacheKeyFile.toPath()));
        assertEquals(Path.of("${user.home}", ".m2", "scrum-cache"), base.relativize(mojo.cacheDirectory.toPath()));
    }

    @Test
    @Basedir("/projects/cli-ladder")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void theVariableWinsOverTheKeyFileAndAnotherKeyIsAWarningAndAMiss(ReviewMojo mojo) throws Exception {
        mojo.cacheDirectory = tmp.resolve("cache").toFile();
        mojo.cacheKeyFile = tmp.resolve("key").toFile();
        try (FakeModelServer fake = FakeModelServer.start()) {
            fake.script("cli-model", Reply.content(ANSWER));
            mojo.session.getUserProperties().setProperty("scrum.ladder", "ollama/cli-model");
            mojo.environment = Map.of("OLLAMA_HOST", fake.url().toString(), "SCRUM_CACHE_KEY", KEY_A);
            List<String> warnings = LogLines.warnings(mojo);

            mojo.execute();
            mojo.execute();
            assertEquals(1, fake.requests("/api/chat").size(), "the second run was served from the cache");
            assertFalse(Files.exists(tmp.resolve("key")), "no key file is made when SCRUM_CACHE_KEY is set");
            assertTrue(warnings.stream().noneMatch(w -> w.contains("MAC")), warnings.toString());

            mojo.environment = Map.of("OLLAMA_HOST", fake.url().toString(), "SCRUM_CACHE_KEY", KEY_B);
            mojo.execute();
            assertEquals(2, fake.requests("/api/chat").size(), "an entry sealed with another key is not trusted");
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Review cache entry " + tmp.resolve("cache"))
                    && w.contains("does not match its MAC")), warnings.toString());
            assertTrue(warnings.stream().noneMatch(w -> w.contains(KEY_A) || w.contains(KEY_B)), "no key is logged");

            mojo.environment = Map.of("OLLAMA_HOST", fake.url().toString());
            mojo.execute();
            assertEquals(3, fake.requests("/api/chat").size(), "the key file holds another key again");
            assertTrue(Files.exists(tmp.resolve("key")), "without the variable, the key file is made");
        }
    }

    @Test
    @Basedir("/projects/cli-ladder")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void aVariableHoldingNoKeyIsRefusedWithoutQuotingIt(ReviewMojo mojo) {
        mojo.cacheDirectory = tmp.resolve("cache").toFile();
        mojo.environment = Map.of("SCRUM_CACHE_KEY", "s3cr3t-but-short");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("SCRUM_CACHE_KEY "), e.getMessage());
        assertTrue(e.getMessage().contains("openssl rand -hex 32"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }

    @Test
    @Basedir("/projects/cli-ladder")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void aKeyFileInsideTheCacheIsRefused(ReviewMojo mojo) {
        mojo.cacheDirectory = tmp.resolve("cache").toFile();
        mojo.cacheKeyFile = tmp.resolve("cache/key").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("<cacheKeyFile> (scrum.cacheKeyFile) is " + tmp.resolve("cache/key") + ", inside <cacheDirectory> "
                + tmp.resolve("cache") + ": whoever can write the cache could write its key too; keep the key "
                + "outside it, e.g. the default ${user.home}/.scrum-cache-key", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("cache/key")));
    }

    @Test
    @Basedir("/projects/cli-ladder")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void anUnreadableKeyFileTurnsTheCacheOffWithAWarningNamingTheParameter(ReviewMojo mojo) throws Exception {
        Path key = Files.writeString(tmp.resolve("key"), "not a key\n");
        mojo.cacheDirectory = tmp.resolve("cache").toFile();
        mojo.cacheKeyFile = key.toFile();
        try (FakeModelServer fake = FakeModelServer.start()) {
            fake.script("cli-model", Reply.content(ANSWER));
            mojo.session.getUserProperties().setProperty("scrum.ladder", "ollama/cli-model");
            mojo.environment = Map.of("OLLAMA_HOST", fake.url().toString());
            List<String> warnings = LogLines.warnings(mojo);

            mojo.execute();
            mojo.execute();
            assertEquals(2, fake.requests("/api/chat").size(), "nothing was cached");
            assertFalse(Files.exists(tmp.resolve("cache/reviews")), "no entry was written");
            assertEquals("not a key\n", Files.readString(key), "the key file is never overwritten");
            List<String> off = warnings.stream().filter(w -> w.startsWith("The cache is off for this run")).toList();
            assertEquals(2, off.size(), warnings.toString());
            assertTrue(off.get(0).contains("the key file " + key) && off.get(0).contains("cacheKeyFile"), off.get(0));
        }
    }
}
