package dev.scrum.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangedSinceTest {

    @TempDir
    Path base;

    private final List<String> lines = new ArrayList<>();

    @Test
    void unsetOrBlankKeepsTheSelection() throws Exception {
        List<String> selected = List.of("src/A.java");
        assertSame(selected, ChangedSince.filter(base, null, selected, lines::add));
        assertSame(selected, ChangedSince.filter(base, " ", selected, lines::add));
        assertEquals(List.of(), lines);
    }

    @Test
    void keepsTheChangedSelectedFilesInOrderAndSaysHowMany() throws Exception {
        try (Git git = Git.init().setDirectory(base.toFile()).call()) {
            for (String f : List.of("src/A.java", "src/B.java", "src/C.java", "notes.txt")) {
                Files.createDirectories(base.resolve(f).getParent());
                Files.writeString(base.resolve(f), f);
            }
            git.add().addFilepattern(".").call();
            PersonIdent me = new PersonIdent("Test", "test@example.org");
            git.commit().setMessage("init").setAuthor(me).setCommitter(me).setSign(false).call();
        }
        Files.writeString(base.resolve("src/C.java"), "changed");
        Files.writeString(base.resolve("src/A.java"), "changed");
        Files.writeString(base.resolve("notes.txt"), "changed, not selected");

        assertEquals(List.of("src/A.java", "src/C.java"), ChangedSince.filter(base, " HEAD ",
                List.of("src/A.java", "src/B.java", "src/C.java"), lines::add));
        assertEquals(List.of("changedSince HEAD: 2 of 3 selected file(s) changed"), lines);
    }

    @Test
    void gitTroubleNamesTheParameterAndTheFix() throws Exception {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> ChangedSince.filter(base, "origin/main", List.of("src/A.java"), lines::add));
        assertTrue(e.getMessage().startsWith("changedSince needs a git repository: " + base.toRealPath()
                + " is not inside one. Run the build in a git clone, or leave <changedSince> (scrum.changedSince)"
                + " unset"), e.getMessage());
        Git.init().setDirectory(base.toFile()).call().close();
        e = assertThrows(MojoExecutionException.class,
                () -> ChangedSince.filter(base, "origin/main", List.of("src/A.java"), lines::add));
        assertTrue(e.getMessage().startsWith("changedSince: git ref 'origin/main' does not resolve to a commit in "
                + base.toRealPath() + ". Set <changedSince> (scrum.changedSince) to a branch, tag or commit"),
                e.getMessage());
        assertTrue(e.getMessage().contains("git fetch origin main"), e.getMessage());
    }
}
