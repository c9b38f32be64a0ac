package dev.scrum.maven;

import dev.scrum.report.ReportLayout;
import static dev.scrum.report.FindingFixtures.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.scrum.report.FindingFixtures;
import dev.scrum.review.ShardMerger;
import dev.scrum.testing.FakeModelServer;
import dev.scrum.testing.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code-scanning reports, baselines, {@code failOnGaps} and {@code GITHUB_STEP_SUMMARY}, through the mojos. */
@MojoTest
class CodeScanningMojoTest {

    private static final String ANSWER = """
            {"score": 6, "summary": "Invoices mostly follow the PRD.",
             "suggestions": [
               {"title": "Round once", "symbol": "grossTotal", "line": null, "change": "Round the total once.", "citations": []},
               {"title": "Due date", "symbol": null, "line": 20, "change": "Derive the due date from the terms.", "citations": []},
               {"title": "Tax", "symbol": null, "line": null, "change": "Keep the tax rate per line.", "citations": []}],
             "gaps": [
               {"kind": "missing", "symbol": "creditNote", "description": "Invoices cannot be credited.", "citations": []},
               {"kind": "contradicts", "symbol": "dueOn", "description": "The due date ignores weekends.", "citations": []}]}
            """;

    @TempDir
    Path tmp;

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    @Test
    @Basedir("/projects/cli-ladder")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void aReviewWritesSarifAndCodeQualityAppendsTheStepSummaryAndFailsOnANewGap(ReviewMojo mojo) throws Exception {
        Path summary = tmp.resolve("step-summary.md");
        try (FakeModelServer fake = FakeModelServer.start()) {
            fake.script("gaps-model", Reply.content(ANSWER));
            mojo.environment = Map.of("OLLAMA_HOST", fake.url().toString(), "GITHUB_STEP_SUMMARY", summary.toString());
            mojo.session.getUserProperties().setProperty("scrum.ladder", "ollama/gaps-model");
            mojo.failOnGaps = List.of("contradicts");
            MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
            assertTrue(e.getMessage().startsWith("1 new gap(s) of kind contradicts (failOnGaps): "
                    + "src/main/java/org/acme/Invoice.java, line 76, contradicts `dueOn`: The due date ignores weekends. "
                    + "See "), e.getMessage());
        }
        Path scrum = mojo.project.getBasedir().toPath().resolve("target/scrum");
        JsonObject sarif = json(scrum.resolve("scrum.sarif"));
        JsonArray results = sarif.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results");
        assertEquals(5, results.size());
        assertEquals("scrum/gap/contradicts", results.get(4).getAsJsonObject().get("ruleId").getAsString());
        assertTrue(Files.isRegularFile(scrum.resolve("gl-code-quality.json")));
        String md = Files.readString(summary);
        assertTrue(md.startsWith("## Scrum review\n\n**❌ Gate failed**\n\n- 1 new gap(s) of kind contradicts "
                + "(failOnGaps): src/main/java/org/acme/Invoice.java, line 76, contradicts `dueOn`: The due date ignores "
                + "weekends\n\n"), md);
        assertTrue(md.contains("**All 1 file(s) answered and accepted.** 2 gap(s).\n\n"), md);
        assertTrue(md.contains("| `src/main/java/org/acme/Invoice.java` | 6/10 | attempt 1 | ollama/gaps-model | 1 |"), md);
    }

    @Test
    @Basedir("/projects/cli-ladder")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "failOnGaps", value = "missing,contradicted")
    void anUnknownGapKindIsRefusedBeforeAnyModelIsCalled(ReviewMojo mojo) throws Exception {
        try (FakeModelServer fake = FakeModelServer.start()) {
            mojo.environment = Map.of("OLLAMA_HOST", fake.url().toString());
            mojo.session.getUserProperties().setProperty("scrum.ladder", "ollama/gaps-model");
            MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
            assertTrue(e.getMessage().startsWith("<failOnGaps> (scrum.failOnGaps) names 'contradicted', which is no "
                    + "gap kind: use any of missing, partial, contradicts, unrequested"), e.getMessage());
            assertEquals(List.of(), fake.requests());
        }
    }

    @Test
    @Basedir("/projects/cli-ladder")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void aBaselineThatIsNotThereIsRefusedNamingTheParameter(ReviewMojo mojo) {
        mojo.baseline = tmp.resolve("scrum-baseline.json").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("<baseline> (scrum.baseline) cannot be read: " + tmp.resolve("scrum-baseline.json")
                + " does not exist. Write it with mvn scrum:baseline after a review, or leave <baseline> unset.",
                e.getMessage());
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "baseline", pom = "pom.xml")
    void theBaselineGoalRecordsTheLastReviewsFindings(BaselineMojo mojo) throws Exception {
        ShardMerger.write(FindingFixtures.run(tmp), tmp.resolve("out"), tmp, null);
        mojo.outputDirectory = tmp.resolve("out").toFile();
        mojo.baselineFile = tmp.resolve("scrum-baseline.json").toFile();
        List<String> infos = LogLines.infos(mojo);
        mojo.execute();
        assertEquals(List.of("Baseline: 7 finding(s) of 2 file(s) written to " + tmp.resolve("scrum-baseline.json")),
                infos);
        JsonObject baseline = json(tmp.resolve("scrum-baseline.json"));
        assertEquals(7, baseline.getAsJsonArray("findings").size());
        assertTrue(baseline.getAsJsonArray("findings").asList().stream()
                .allMatch(f -> f.getAsJsonObject().get("file").getAsString().equals(ORDERS)));
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "baseline", pom = "pom.xml")
    void theBaselineGoalWantsAReviewFirst(BaselineMojo mojo) throws Exception {
        mojo.outputDirectory = tmp.resolve("nothing-here").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("No review to take a baseline of: "
                + tmp.resolve("nothing-here/scrum/summary.json") + " does not exist. Run the review first"),
                e.getMessage());
        var run = FindingFixtures.run(tmp);
        ShardMerger.write(run.toBuilder().dryRun(true).build(), tmp.resolve("dry"), tmp, null);
        mojo.outputDirectory = tmp.resolve("dry").toFile();
        e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("is a dry run's: it has no findings"), e.getMessage());
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "merge", pom = "pom.xml")
    void aMergeMarksFindingsAgainstTheBaselineAndGatesOnlyOnNewGaps(MergeMojo mojo) throws Exception {
        ShardMerger.write(FindingFixtures.run(tmp), tmp.resolve("shards/all"), tmp, null);
        Path baselineFile = tmp.resolve("scrum-baseline.json");
        dev.scrum.report.BaselineFile.write(baselineFile, FindingFixtures.run(tmp));
        mojo.shardDirectories = List.of(tmp.resolve("shards").toFile());
        mojo.outputDirectory = tmp.resolve("out").toFile();
        mojo.failOnUnresolved = false;
        mojo.failOnGaps = List.of("missing,contradicts");
        mojo.environment = Map.of("GITHUB_STEP_SUMMARY", tmp.resolve("summary.md").toString());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("2 new gap(s) of kind missing, contradicts (failOnGaps): " + ORDERS
                + ", no line, missing `cancel`: Orders cannot be cancelled; "), e.getMessage());

        mojo.baseline = baselineFile.toFile();
        List<String> infos = LogLines.infos(mojo);
        mojo.execute();
        assertTrue(infos.contains("Baseline " + baselineFile + ": 0 new, 7 known finding(s)"), infos.toString());
        assertTrue(infos.contains("No new gap of kind missing, contradicts (failOnGaps) (2 known gap(s) of those kinds "
                + "are in the baseline)"), infos.toString());
        JsonArray results = json(tmp.resolve("out/scrum/scrum.sarif")).getAsJsonArray("runs").get(0).getAsJsonObject()
                .getAsJsonArray("results");
        assertEquals("unchanged", results.get(3).getAsJsonObject().get("baselineState").getAsString());
        JsonObject review = json(tmp.resolve("out/scrum/" + ReportLayout.reviewFileName("src/main/java/shop/Orders.java")));
        assertEquals("known", review.getAsJsonArray("findings").get(2).getAsJsonObject().get("baseline").getAsString());
        String summary = Files.readString(tmp.resolve("summary.md"));
        assertEquals(2, summary.split("## Scrum review", -1).length - 1, summary);
        assertTrue(summary.contains("0 gap(s) not in the baseline, 7 known finding(s)."), summary);
        assertFalse(summary.contains("shard"), summary);
    }
}
