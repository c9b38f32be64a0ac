package dev.scrum.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSelectionTest {

    @TempDir
    Path base;

    @TempDir
    Path elsewhere;

    @BeforeEach
    void project() throws Exception {
        for (String f : List.of("src/main/java/a/A.java", "src/main/java/a/B.java", "src/main/java/a/gen/G.java",
                "src/test/java/a/ATest.java", "target/generated-sources/annotations/a/Gen.java", "docs/PRD.md")) {
            Files.createDirectories(base.resolve(f).getParent());
            Files.writeString(base.resolve(f), "x");
        }
    }

    private List<String> select(List<String> files, List<String> includes, List<String> excludes) throws Exception {
        return SourceSelection.select(base, files, includes, excludes,
                List.of(base.resolve("src/main/java").toString(),
                        base.resolve("target/generated-sources/annotations").toString()),
                base.resolve("target"));
    }

    @Test
    void byDefaultEveryCompileSourceOutsideTheBuildDirectory() throws Exception {
        assertEquals(List.of("src/main/java/a/A.java", "src/main/java/a/B.java", "src/main/java/a/gen/G.java"),
                select(null, null, null));
    }

    @Test
    void includesAndExcludesAreGlobsFromTheBaseDirectory() throws Exception {
        assertEquals(List.of("src/main/java/a/A.java", "src/test/java/a/ATest.java"),
                select(List.of(), List.of("src/**/A*.java"), List.of()));
        assertEquals(List.of("src/main/java/a/A.java", "src/main/java/a/B.java"),
                select(null, null, List.of("**/gen/**")));
    }

    @Test
    void explicitFilesReplaceIncludesAndMustExistInsideTheProject() throws Exception {
        assertEquals(List.of("src/main/java/a/B.java"), select(List.of(" src/main/java/a/B.java "), List.of("**"), null));
        MojoExecutionException missing = assertThrows(MojoExecutionException.class,
                () -> select(List.of("src/main/java/a/Nope.java"), null, null));
        assertTrue(missing.getMessage().startsWith("<files> entry 'src/main/java/a/Nope.java' does not exist"));
        MojoExecutionException outside = assertThrows(MojoExecutionException.class,
                () -> select(List.of("../etc/passwd"), null, null));
        assertTrue(outside.getMessage().startsWith("<files> entry '../etc/passwd' lies outside the base directory"));
    }

    private void link(String at, Path to) throws IOException {
        try {
            Files.createSymbolicLink(base.resolve(at), to);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("this file system cannot make symbolic links: " + e);
        }
    }

    @Test
    void aLinkToADirectoryIsSelectedItselfNeverDescended() throws Exception {
        Files.createDirectories(elsewhere.resolve("aws"));
        Files.writeString(elsewhere.resolve("aws/credentials"), "secret");
        link("src/main/java/a/aws", elsewhere.resolve("aws"));
        link("src/main/java/a/loop", Path.of(".."));

        assertEquals(List.of("src/main/java/a/A.java", "src/main/java/a/B.java", "src/main/java/a/aws",
                "src/main/java/a/gen/G.java", "src/main/java/a/loop"), select(null, null, null),
                "the links are listed for the review to skip with their reason; nothing under them, and no loop");
        assertEquals(List.of("src/main/java/a/A.java", "src/main/java/a/B.java", "src/main/java/a/aws",
                "src/main/java/a/loop"), select(null, List.of("src/main/java/**/*.java"), List.of("**/gen/**")),
                "a linked directory could hold an included file, so it is listed though its name does not end .java");
    }

    @Test
    void aLinkedDirectoryInTheExcludesIsLeftOut() throws Exception {
        link("src/main/java/a/aws", elsewhere);
        link("src/main/java/a/loop", Path.of(".."));
        assertEquals(List.of("src/main/java/a/A.java", "src/main/java/a/B.java", "src/main/java/a/gen/G.java"),
                select(null, null, List.of("**/aws", "src/main/java/a/loop/**")));
    }

    @Test
    void aSourceRootThatIsALinkIsListedNotWalked() throws Exception {
        Files.createDirectories(base.resolve("src/main/kotlin").getParent());
        link("src/main/kotlin", elsewhere);
        Files.writeString(elsewhere.resolve("K.kt"), "secret");
        assertEquals(List.of("src/main/kotlin"), SourceSelection.select(base, null, null, null,
                List.of(base.resolve("src/main/kotlin").toString()), base.resolve("target")));
    }

    @Test
    void aLinkToAFileIsSelectedLikeAFileForTheReviewToCheckWhereItLeads() throws Exception {
        Files.writeString(elsewhere.resolve("settings-security.xml"), "secret");
        link("src/main/java/a/Settings.java", elsewhere.resolve("settings-security.xml"));
        link("src/main/java/a/Alias.java", Path.of("A.java"));
        assertEquals(List.of("src/main/java/a/A.java", "src/main/java/a/Alias.java", "src/main/java/a/B.java",
                "src/main/java/a/Settings.java", "src/main/java/a/gen/G.java"), select(null, null, null));
    }

    @Test
    void aProjectReachedThroughALinkIsWalked() throws Exception {
        Path alias = elsewhere.resolve("alias");
        try {
            Files.createSymbolicLink(alias, base);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("this file system cannot make symbolic links: " + e);
        }
        assertEquals(List.of("src/main/java/a/A.java", "src/main/java/a/B.java", "src/main/java/a/gen/G.java"),
                SourceSelection.select(alias, null, null, null, List.of(alias.resolve("src/main/java").toString()),
                        alias.resolve("target")));
    }
}
