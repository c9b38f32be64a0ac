package dev.scrum.maven;

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
                out.resolve("scrum/review_src_main_java_org_acme_Invoice.java.json"))).getAsJsonObject();
        assertEquals(3, review.getAsJsonArray("top_prd_chunks").size());
        assertEquals(0, review.get("attempts_made").getAsInt());
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
    @Basedir("/projects/missing-prd")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(ReviewMojo mojo) throws Exception {
        mojo.execute();
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
}
