package dev.scrum.maven;

import dev.scrum.report.ReportLayout;
import static dev.scrum.review.ShardFixtures.ALL;
import static dev.scrum.review.ShardFixtures.CHECKOUT;
import static dev.scrum.review.ShardFixtures.EARLY;
import static dev.scrum.review.ShardFixtures.INVENTORY;
import static dev.scrum.review.ShardFixtures.LATE;
import static dev.scrum.review.ShardFixtures.run;
import static dev.scrum.review.ShardFixtures.shard;
import static dev.scrum.review.ShardFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.scrum.review.Shard;
import dev.scrum.review.ShardFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class MergeMojoTest {

    /** Why the fixtures' unresolved file got no answer, as the shards' JSON recorded it. */
    private static final String CAUSES = "1 file(s) unanswered: HTTP 500 (rung ollama/qwen3.5:latest); 1 file(s) "
            + "unanswered: rung ollama-cloud/gpt-oss:120b not called: no API key";

    @TempDir
    Path tmp;

    /**
     * Shards 1/2 and 2/2 of the fixtures' five files (one unresolved, one scored 6, one skipped as too large) in
     * {@code tmp/shards}; the skipped file not failing the build, unless a test turns {@code failOnSkipped} on.
     */
    private MergeMojo shardsOf(MergeMojo mojo) throws Exception {
        shard(tmp.resolve("shards/scrum-shard-1"), new Shard(1, 2), LATE, 1_000);
        shard(tmp.resolve("shards/scrum-shard-2"), new Shard(2, 2), EARLY, 2_000);
        mojo.shardDirectories = List.of(tmp.resolve("shards").toFile());
        mojo.outputDirectory = tmp.resolve("out").toFile();
        mojo.failOnSkipped = false;
        return mojo;
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "merge", pom = "pom.xml")
    void aFileAShardSkippedFailsTheMergedGateByDefault(MergeMojo mojo) throws Exception {
        shardsOf(mojo).failOnUnresolved = false;
        mojo.failOnSkipped = true;
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("1 selected file(s) were not reviewed (failOnSkipped): " + ShardFixtures.BIG + " (larger than "
                + "maxFileBytes); list a file in <excludes> to leave it out of the review on purpose. See "
                + tmp.resolve("out/scrum-report.md"), e.getMessage());
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "merge", pom = "pom.xml")
    void writesOneReportAndFailsOnTheUnresolvedFileNamingItAndTheReport(MergeMojo mojo) throws Exception {
        MojoFailureException e = assertThrows(MojoFailureException.class, shardsOf(mojo)::execute);
        Path report = tmp.resolve("out/scrum-report.md");
        assertEquals("1 of 5 file(s) unresolved (no rung's answer was accepted): " + INVENTORY + ". " + CAUSES
                + ". See " + report, e.getMessage());
        assertTrue(Files.readString(report).contains("1 of 5 file(s) unresolved"));
        JsonObject summary = JsonParser.parseString(Files.readString(tmp.resolve("out/scrum/summary.json")))
                .getAsJsonObject();
        assertEquals(5, summary.get("target_count").getAsInt());
        assertEquals("2026-11-24T10:00:00Z", summary.get("ran_at").getAsString());
        assertEquals(3_000, summary.get("total_duration_ms").getAsLong());
        assertTrue(summary.get("shard").isJsonNull());
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "merge", pom = "pom.xml")
    void failOnViolationFalseLogsTheDecisionFirstAndTheFailureButPasses(MergeMojo mojo) throws Exception {
        shardsOf(mojo).minScore = 7;
        mojo.failOnViolation = false;
        List<String> errors = LogLines.errors(mojo);
        mojo.execute();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Gate failed: 1 of 5 file(s) unresolved"), errors.get(0));
        assertTrue(errors.get(1).contains("1 file(s) scored below minScore 7: " + CHECKOUT + " (6/10). See "), errors.get(1));
        JsonObject gate = JsonParser.parseString(Files.readString(tmp.resolve("out/scrum/summary.json")))
                .getAsJsonObject().getAsJsonObject("gate");
        assertEquals("failed", gate.get("outcome").getAsString(), "the reports still say the gate failed");
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "merge", pom = "pom.xml")
    void minScoreFailsOnLowScoresNamingFilesAndScores(MergeMojo mojo) throws Exception {
        shardsOf(mojo).failOnUnresolved = false;
        mojo.minScore = 7;
        List<String> warnings = LogLines.warnings(mojo);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("1 file(s) scored below minScore 7: " + CHECKOUT + " (6/10). See "
                + tmp.resolve("out/scrum-report.md"), e.getMessage());
        List<String> readFirst = warnings.subList(0, 5);
        assertEquals(List.of("Invalid citation: src/main/java/com/example/shop/Cart.java:12 cites PLAN@7, a passage it "
                + "was not sent", "Invalid citation: " + CHECKOUT + ":12 cites PLAN@7, a passage it was not sent",
                "Invalid citation: src/main/java/org/acme/Invoice.java:12 cites PLAN@7, a passage it was not sent",
                "Invalid citation: src/main/java/org/acme/RateLimiter.java:12 cites PLAN@7, a passage it was not sent",
                "Unresolved: " + INVENTORY + ": HTTP 500 (rung ollama/qwen3.5:latest); rung ollama-cloud/gpt-oss:120b "
                        + "not called: no API key"), readFirst, "what to read first, right after the decision");
        assertEquals(List.of("1 of 5 file(s) unresolved (no rung's answer was accepted): " + INVENTORY
                + "; not failing the build (failOnUnresolved=false)",
                "1 file(s) unanswered: HTTP 500 (rung ollama/qwen3.5:latest); 1 file(s) unanswered: rung "
                        + "ollama-cloud/gpt-oss:120b not called: no API key",
                "1 selected file(s) were not reviewed "
                + "(failOnSkipped): " + ShardFixtures.BIG + " (larger than maxFileBytes); not failing the build "
                + "(failOnSkipped=false)"), warnings.subList(5, warnings.size()));
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "merge", pom = "pom.xml")
    void bothFailuresAreNamedInOneMessage(MergeMojo mojo) throws Exception {
        shardsOf(mojo).minScore = 7;
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("1 of 5 file(s) unresolved (no rung's answer was accepted): " + INVENTORY + ". " + CAUSES
                + ". 1 file(s) scored "
                + "below minScore 7: " + CHECKOUT + " (6/10). See " + tmp.resolve("out/scrum-report.md"), e.getMessage());
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "merge", pom = "pom.xml")
    void passesWhenTheGateAllows(MergeMojo mojo) throws Exception {
        shardsOf(mojo).failOnUnresolved = false;
        mojo.execute();
        assertTrue(Files.isRegularFile(tmp.resolve("out/scrum/" + ReportLayout.reviewFileName("src/main/java/org/acme/Invoice.java"))));
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "merge", pom = "pom.xml")
    void aFileInTwoShardsIsABuildErrorNamingIt(MergeMojo mojo) throws Exception {
        Path a = write(tmp.resolve("shards/a"), run(EARLY, 1, null, ALL.subList(0, 2), List.of()));
        Path b = write(tmp.resolve("shards/b"), run(EARLY, 1, null, ALL.subList(1, 3), List.of()));
        mojo.shardDirectories = List.of(tmp.resolve("shards").toFile());
        mojo.outputDirectory = tmp.resolve("out").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith(CHECKOUT + " appears in two shards: " + a + " and " + b), e.getMessage());
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "merge", pom = "pom.xml")
    void noShardIsABuildErrorSayingWhereItLooked(MergeMojo mojo) throws Exception {
        mojo.shardDirectories = List.of(tmp.toFile());
        mojo.outputDirectory = tmp.resolve("out").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("No summary.json found in or below " + tmp), e.getMessage());
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "merge", pom = "pom.xml")
    void aMinScoreOutsideTheScaleIsRefused(MergeMojo mojo) {
        mojo.minScore = 11;
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("<minScore> (scrum.minScore) is 11: use 0 (off) to 10; scores run from 1 to 10", e.getMessage());
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "merge", pom = "pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void skipMergesNothingAndLogsOneLine(MergeMojo mojo) throws Exception {
        shardsOf(mojo).shardDirectories = List.of();
        List<String> infos = LogLines.infos(mojo);
        mojo.execute();
        assertEquals(List.of("Skipping the merge (scrum.skip=true)"), infos);
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
