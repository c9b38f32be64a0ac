package dev.scrum.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Dscrum.shard=i/n} on {@code scrum:review} (the dry-run project: Invoice is in shard 2/2, RateLimiter in 1/2). */
@MojoTest
class ShardedReviewMojoTest {

    @TempDir
    Path out;

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "shard", value = "2/2")
    void reviewsItsShardOnlyAndSaysSo(ReviewMojo mojo) throws Exception {
        mojo.outputDirectory = out.toFile();
        List<String> info = LogLines.infos(mojo);
        mojo.execute();
        assertTrue(info.contains("shard 2/2: 1 of 2 selected file(s)"), info.toString());
        JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("scrum/summary.json"))).getAsJsonObject();
        assertEquals("2/2", summary.get("shard").getAsString());
        assertEquals(1, summary.get("target_count").getAsInt());
        assertEquals("src/main/java/org/acme/Invoice.java",
                summary.getAsJsonArray("per_file").get(0).getAsJsonObject().get("file").getAsString());
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "shard", value = "3/2")
    void aShardPastTheCountIsRefusedNamingTheParameterAndTheFix(ReviewMojo mojo) {
        mojo.outputDirectory = out.toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("<shard> (scrum.shard) is 3/2: use i/n with 1 <= i <= n, e.g. -Dscrum.shard=1/4 for the first "
                + "of four shards", e.getMessage());
        assertTrue(!Files.exists(out.resolve("scrum")), "refused before anything ran");
    }

    @Test
    @Basedir("/projects/dry-run")
    @InjectMojo(goal = "review", pom = "pom.xml")
    @MojoParameter(name = "shard", value = "half")
    void aShardThatIsNotIOfNIsRefused(ReviewMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("<shard> (scrum.shard) is 'half': use i/n"), e.getMessage());
    }
}
