package dev.scrum.maven;

import dev.scrum.report.ReportLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import dev.scrum.testing.FakeModelServer;
import dev.scrum.testing.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MojoTest
class ReviewMojoTest {

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void aDryRunWritesTheReportAndJsonWithoutAnyServer(ReviewMojo mojo) throws Exception {
        Path base = mojo.project.getBasedir().toPath();
        Path out = base.resolve("target");
        mojo.execute();
        String report = Files.readString(out.resolve("scrum-report.md"));
        assertTrue(report.contains("Dry run: 2 file(s) would be reviewed; no model was called."), report);
        JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("scrum/summary.json"))).getAsJsonObject();
        assertEquals(2, summary.get("target_count").getAsInt());
        assertTrue(summary.get("dry_run").getAsBoolean());
        JsonObject review = JsonParser.parseString(Files.readString(
                out.resolve("scrum/" + ReportLayout.reviewFileName("src/main/java/org/acme/Invoice.java")))).getAsJsonObject();
        assertEquals(3, review.getAsJsonArray("top_prd_chunks").size());
        assertEquals(0, review.get("attempts_made").getAsInt());
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "retrieval", value = "fuzzy")
    void anUnknownRetrievalIsRefusedNamingTheKnownOnes(ReviewMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("<retrieval> (scrum.retrieval) 'fuzzy' is not a retrieval: use lexical, dense, hybrid",
                e.getMessage());
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void anUnknownInProcessModelIsRefusedNamingTheKnownOnes(ReviewMojo mojo) {
        mojo.embedding = new EmbeddingConfig();
        mojo.embedding.model = "bge-large";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("<embedding><model> 'bge-large' is not an in-process embedding model: use bge-small-en-v1.5-q, "
                + "all-minilm-l6-v2-q, e5-small-v2-q (or set <provider> to ollama or openai for a server's model)",
                e.getMessage());
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "retrieval", value = "dense")
    void aDenseDryRunWithAnotherModelSaysWhichRankerFoundEachPassage(ReviewMojo mojo) throws Exception {
        mojo.embedding = new EmbeddingConfig();
        mojo.embedding.provider = "local";
        mojo.embedding.model = "all-minilm-l6-v2-q";
        mojo.cache = false;
        mojo.execute();
        Path out = mojo.project.getBasedir().toPath().resolve("target");
        JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("scrum/summary.json"))).getAsJsonObject();
        assertEquals("dense", summary.get("retrieval").getAsString());
        assertEquals("local/all-minilm-l6-v2-q", summary.get("embedder").getAsString());
        JsonObject best = JsonParser.parseString(Files.readString(
                out.resolve("scrum/" + ReportLayout.reviewFileName("src/main/java/org/acme/Invoice.java")))).getAsJsonObject()
                .getAsJsonArray("top_prd_chunks").get(0).getAsJsonObject();
        assertEquals(1, best.get("dense_rank").getAsInt());
        assertTrue(best.get("bm25_rank").isJsonNull());
        assertTrue(best.get("line").getAsInt() >= 1);
    }

    @Test
    @Basedir("/projects/missing-prd")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void aMissingPrdFailsFastNamingTheParameter(ReviewMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("does not exist. Set <prdPath> (or -Dscrum.prdPath) to the file."),
                e.getMessage());
        assertFalse(Files.exists(mojo.project.getBasedir().toPath().resolve("target/scrum/summary.json")));
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "minScore", value = "6")
    void aDryRunWithAGateWarnsThatTheBuildIsNotGatedAndTheReportSaysSo(ReviewMojo mojo) throws Exception {
        List<String> warnings = LogLines.warnings(mojo);
        mojo.execute();
        assertTrue(warnings.contains("scrum.dryRun is set, so the gate (minScore 6) is not applied: this build is not "
                + "gated"), warnings.toString());
        String report = Files.readString(mojo.project.getBasedir().toPath().resolve("target/scrum-report.md"));
        assertTrue(report.startsWith("# Scrum review report\n\n**Gate not applied**\n\n- dry run: no model was "
                + "called, so the gate (minScore 6) is not applied: this build is not gated\n"), report);
    }

    @Test
    @Basedir("/projects/missing-prd")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "minScore", value = "11")
    void skipDoesNothingNotEvenValidateTheGate(ReviewMojo mojo) throws Exception {
        List<String> infos = LogLines.infos(mojo);
        mojo.execute();
        assertEquals(List.of("Skipping the review (scrum.skip=true)"), infos);
        List<String> warnings = LogLines.warnings(mojo);
        mojo.execute();
        assertEquals(List.of("scrum.skip is set, so the gate (minScore 11) is not applied: this build is not gated"),
                warnings);
        assertFalse(Files.exists(mojo.project.getBasedir().toPath().resolve("target/scrum-report.md")));
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "chunkOverlap", value = "900")
    void anOverlapAsLargeAsTheChunkIsRefused(ReviewMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("<chunkOverlap> (scrum.chunkOverlap) is 900: use 0 or more and less than chunkSize (800)",
                e.getMessage());
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "minScore", value = "11")
    void aMinScoreOutsideOneToTenIsRefused(ReviewMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("<minScore> (scrum.minScore) is 11: use 0 (off) to 10; scores run from 1 to 10", e.getMessage());
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "minScore", value = "10")
    void aDryRunIsNeverGatedByMinScore(ReviewMojo mojo) throws Exception {
        mojo.execute();
        assertTrue(Files.exists(mojo.project.getBasedir().toPath().resolve("target/scrum-report.md")));
    }

    /** A structured answer scoring 9 with three suggestions and no gap. */
    static final String JSON_ANSWER = """
            {"score": 9, "summary": "Invoices follow the PRD closely.",
             "suggestions": [
               {"title": "Round once", "symbol": "grossTotal", "line": null, "change": "Round the total once, at the end.", "citations": []},
               {"title": "Due date", "symbol": null, "line": 20, "change": "Derive the due date from the terms.", "citations": []},
               {"title": "Tax", "symbol": null, "line": null, "change": "Keep the tax rate per line, not per invoice.", "citations": []}],
             "gaps": []}
            """;

    @Test
    @Basedir("/projects/cli-ladder")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void theCommandLineLadderReplacesThePomsAndUsesOllamaHost(ReviewMojo mojo) throws Exception {
        try (FakeModelServer fake = FakeModelServer.start()) {
            fake.script("cli-model", dev.scrum.testing.Reply.content(JSON_ANSWER));
            mojo.environment = Map.of("OLLAMA_HOST", fake.url().toString());
            mojo.session.getUserProperties().setProperty("scrum.ladder", "ollama/cli-model");
            mojo.execute();
            List<RecordedRequest> chats = fake.requests("/api/chat");
            assertEquals(1, chats.size());
            assertEquals("cli-model", chats.get(0).model());
            JsonObject summary = JsonParser.parseString(Files.readString(
                    mojo.project.getBasedir().toPath().resolve("target/scrum/summary.json"))).getAsJsonObject();
            assertEquals("ollama/cli-model", summary.getAsJsonArray("per_file").get(0).getAsJsonObject()
                    .get("model").getAsString());
            assertEquals(9, summary.getAsJsonArray("per_file").get(0).getAsJsonObject().get("score").getAsInt());
        }
    }

    @Test
    @Basedir("/projects/cli-ladder")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "minScore", value = "10")
    void aFollowingScrumAggregateMakesTheGateDecisionInsteadOfTheModulesReview(ReviewMojo mojo) throws Exception {
        try (FakeModelServer fake = FakeModelServer.start()) {
            fake.script("cli-model", dev.scrum.testing.Reply.content(JSON_ANSWER));
            mojo.environment = Map.of("OLLAMA_HOST", fake.url().toString());
            mojo.session.getUserProperties().setProperty("scrum.ladder", "ollama/cli-model");
            MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
            assertTrue(e.getMessage().startsWith("1 file(s) scored below minScore 10: src/main/java/org/acme/Invoice.java "
                    + "(9/10). See "), e.getMessage());

            org.mockito.Mockito.when(mojo.session.getGoals()).thenReturn(List.of("verify", "scrum:aggregate"));
            List<String> infos = LogLines.infos(mojo);
            mojo.execute();
            assertTrue(infos.contains("The gate is left to scrum:aggregate, which decides once for the whole reactor"),
                    infos.toString());
        }
    }

    @Test
    @Basedir("/projects/no-files")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void noFileSelectedIsAWarningAndASuccessAndTheReportSaysSo(ReviewMojo mojo) throws Exception {
        mojo.execute();
        String report = Files.readString(mojo.project.getBasedir().toPath().resolve("target/scrum-report.md"));
        assertTrue(report.contains("No file was selected for review."), report);
    }

    @Test
    @Basedir("/projects/empty-ladder")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void anEmptyLadderIsRefused(ReviewMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("<ladder> is empty"), e.getMessage());
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "redactSecrets", value = "sometimes")
    void anUnknownRedactSecretsValueIsRefused(ReviewMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("<redactSecrets> (scrum.redactSecrets): 'sometimes' is not a redaction "
                + "policy"), e.getMessage());
    }

    @Test
    @Basedir("/projects/cli-ladder")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void offlineARungNotOnThisMachineIsSkippedAsOfflineAndNeverCalled(ReviewMojo mojo) throws Exception {
        try (FakeModelServer fake = FakeModelServer.start()) {
            fake.script("cli-model", dev.scrum.testing.Reply.content(JSON_ANSWER));
            mojo.environment = Map.of("OLLAMA_HOST", fake.url().toString(), "OLLAMA_API_KEY", "sk-offline-test");
            mojo.session.getUserProperties().setProperty("scrum.ladder", "ollama-cloud/big-model,ollama/cli-model");
            org.mockito.Mockito.when(mojo.session.isOffline()).thenReturn(true);
            mojo.execute();
            JsonObject review = JsonParser.parseString(Files.readString(mojo.project.getBasedir().toPath()
                    .resolve("target/scrum/" + ReportLayout.reviewFileName("src/main/java/org/acme/Invoice.java")))).getAsJsonObject();
            JsonObject skipped = review.getAsJsonArray("attempts_history").get(0).getAsJsonObject();
            assertEquals("skipped", skipped.get("status").getAsString());
            assertEquals("offline: Maven runs offline (-o) and https://ollama.com is not on this machine",
                    skipped.get("error").getAsString());
            assertEquals(2, review.get("accepted_on").getAsInt());
        }
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void aDocumentOutsideTheProjectIsRefusedUnlessThePomAllowsIt(ReviewMojo mojo) throws Exception {
        Path outside = Files.createTempDirectory("scrum-outside-");
        Path prd = Files.writeString(outside.resolve("PRD.md"), "# PRD\n\nInvoices carry tax per line. ".repeat(20));
        try {
            mojo.prdPath = prd.toFile();
            MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
            Path base = mojo.project.getBasedir().toPath().toRealPath();
            assertEquals("<prdPath> (scrum.prdPath) leads outside the project: " + prd + " is " + prd.toRealPath()
                    + ", not under " + base + ". Move the document into the project, or, to read it from there on "
                    + "purpose, set <allowDocumentsOutsideProject>true</allowDocumentsOutsideProject> "
                    + "(-Dscrum.allowDocumentsOutsideProject=true)", e.getMessage());

            mojo.allowDocumentsOutsideProject = true;
            mojo.execute();
            String summary = Files.readString(base.resolve("target/scrum/summary.json"));
            assertTrue(summary.contains(prd.toString().replace('\\', '/')), summary);
        } finally {
            Files.delete(prd);
            Files.delete(outside);
        }
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    void aLinkOnADocumentPathIsJudgedByWhereItLeads(ReviewMojo mojo) throws Exception {
        Path outside = Files.createTempFile("scrum-proposal-", ".md");
        Path target = Files.createDirectories(mojo.project.getBasedir().toPath().resolve("target"));
        Path link = target.resolve("PROPOSAL-link.md");
        Files.deleteIfExists(link);
        try {
            Files.createSymbolicLink(link, outside);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("this file system cannot make symbolic links: " + e);
        }
        try {
            mojo.proposalPath = link.toFile();
            MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
            assertTrue(e.getMessage().startsWith("<proposalPath> (scrum.proposalPath) leads outside the project: "
                    + link + " is " + outside.toRealPath() + ", not under "), e.getMessage());
        } finally {
            Files.delete(link);
            Files.delete(outside);
        }
    }
}
