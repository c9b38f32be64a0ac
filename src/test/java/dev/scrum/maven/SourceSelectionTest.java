package dev.scrum.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSelectionTest {

    @TempDir
    Path base;

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
}
