package dev.scrum.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangedFilesTest {

    private static final PersonIdent ME = new PersonIdent("Test", "test@example.org");

    @TempDir
    Path dir;

    @Test
    void theRefsTreeAgainstTheWorkingTreeCommittedOrNot() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write("tracked.log", "tracked although *.log is ignored later");
            commit(git, "tracked.log");
            write(".gitignore", "*.log\nbuild/\n");
            for (String f : new String[] {"same.txt", "modified.txt", "staged.txt", "deleted.txt", "removed.txt",
                    "renamed.txt", "later.txt", "reverted.txt", "src/a/Kept.java"}) {
                write(f, "first version of " + f);
            }
            RevCommit ref = commit(git, ".");

            write("later.txt", "committed after the ref");
            commit(git, "later.txt");
            write("modified.txt", "changed in the working tree only");
            write("staged.txt", "changed and staged");
            write("added.txt", "new and staged");
            git.add().addFilepattern("staged.txt").addFilepattern("added.txt").call();
            write("src/a/Untracked.java", "new, neither staged nor ignored");
            write("ignored.log", "ignored");
            write("build/out.txt", "ignored directory");
            write("tracked.log", "a tracked file changed: ignore rules do not apply to it");
            Files.delete(dir.resolve("deleted.txt"));
            git.rm().addFilepattern("removed.txt").call();
            Files.move(dir.resolve("renamed.txt"), dir.resolve("src/a/RenamedTo.txt"));
            git.add().addFilepattern("src/a/RenamedTo.txt").setUpdate(false).call();
            git.add().addFilepattern("renamed.txt").setUpdate(true).call();
            write("reverted.txt", "staged, then the working tree written back");
            git.add().addFilepattern("reverted.txt").call();
            write("reverted.txt", "first version of reverted.txt");

            assertEquals(Set.of("added.txt", "later.txt", "modified.txt", "src/a/RenamedTo.txt",
                            "src/a/Untracked.java", "staged.txt", "tracked.log"),
                    ChangedFiles.since(dir, ref.name()));
        }
    }

    @Test
    void aSubdirectoryGetsItsOwnFilesRelativeToItself() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            write("root.txt", "root");
            write("module-a/src/A.java", "a");
            write("module-b/src/B.java", "b");
            commit(git, ".");
            write("root.txt", "root, changed");
            write("module-a/src/A.java", "a, changed");
            write("module-a/src/New.java", "new");
            write("module-b/src/B.java", "b, changed");

            assertEquals(Set.of("src/A.java", "src/New.java"), ChangedFiles.since(dir.resolve("module-a"), "HEAD"));
            assertEquals(Set.of("module-a/src/A.java", "module-a/src/New.java", "module-b/src/B.java", "root.txt"),
                    ChangedFiles.since(dir, "HEAD"));
        }
    }

    @Test
    void branchesTagsAncestorsAndShasAllNameTheCommit() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write("a.txt", "a");
            RevCommit first = commit(git, ".");
            git.tag().setName("v1").setAnnotated(true).setMessage("v1").setTagger(ME).setSigned(false).call();
            git.branchCreate().setName("release").call();
            write("b.txt", "b");
            commit(git, ".");

            for (String ref : new String[] {"HEAD~1", "v1", "release", first.name(), first.abbreviate(8).name()}) {
                assertEquals(Set.of("b.txt"), ChangedFiles.since(dir, ref), ref);
            }
            assertEquals(Set.of(), ChangedFiles.since(dir, "main"));
        }
    }

    @Test
    void anUnknownRefOrOneThatIsNoCommitIsNamed() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            write("a.txt", "a");
            commit(git, ".");
        }
        for (String ref : new String[] {"origin/nope", "HEAD~5", "HEAD^{tree}", "a..b"}) {
            ChangedFilesException e = assertThrows(ChangedFilesException.class, () -> ChangedFiles.since(dir, ref));
            assertEquals(ChangedFilesException.Reason.UNKNOWN_REF, e.reason());
            assertEquals("changedSince: git ref '" + ref + "' does not resolve to a commit in " + dir.toRealPath(),
                    e.getMessage());
        }
    }

    @Test
    void noRepositoryIsSaidSo() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        ChangedFilesException e = assertThrows(ChangedFilesException.class, () -> ChangedFiles.since(project, "HEAD"));
        assertEquals(ChangedFilesException.Reason.NOT_A_REPOSITORY, e.reason());
        assertEquals("changedSince needs a git repository: " + project.toRealPath() + " is not inside one",
                e.getMessage());
    }

    @Test
    void theLinesAChangeAddedOrRewroteAsTheyStandNow() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write("src/Orders.java", "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\n");
            write("src/Gone.java", "a\nb\nc\n");
            write("src/Same.java", "same\n");
            RevCommit base = commit(git, ".");
            // line 3 rewritten, two lines inserted after 7, line 9 deleted: the new file's 3 and 8-9 changed
            write("src/Orders.java", "l1\nl2\nthree\nl4\nl5\nl6\nl7\nnew a\nnew b\nl8\nl10\n");
            write("src/Gone.java", "a\nc\n");
            write("src/New.java", "x\ny\n");

            Change change = ChangedFiles.lines(dir, base.name(),
                    List.of("src/Orders.java", "src/Gone.java", "src/New.java", "src/Same.java"));

            assertEquals(base.name(), change.base());
            assertEquals(List.of(new LineRange(3, 3), new LineRange(8, 9)), change.of("src/Orders.java").ranges());
            assertEquals("3, 8-9", change.of("src/Orders.java").toString());
            assertTrue(change.of("src/Orders.java").contains(9));
            assertFalse(change.of("src/Orders.java").contains(10));
            assertEquals(ChangedLines.NONE, change.of("src/Gone.java"), "a deletion leaves no line of its own");
            assertEquals(new ChangedLines(List.of(new LineRange(1, 2)), true), change.of("src/New.java"));
            assertEquals(0, change.of("src/Same.java").count());
        }
    }

    @Test
    void aLinkInTheWorkingTreeHasNoLinesAndIsNotRead() throws Exception {
        Path outside = Files.writeString(Files.createTempFile("outside", ".txt"), "secret\n");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write("src/A.java", "a\n");
            RevCommit base = commit(git, ".");
            try {
                Files.createSymbolicLink(dir.resolve("src/Link.java"), outside);
            } catch (UnsupportedOperationException | java.io.IOException e) {
                org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
            }
            assertEquals(ChangedLines.NONE,
                    ChangedFiles.lines(dir, base.name(), List.of("src/Link.java")).of("src/Link.java"));
        } finally {
            Files.delete(outside);
        }
    }

    private void write(String relative, String text) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static RevCommit commit(Git git, String pattern) throws Exception {
        git.add().addFilepattern(pattern).call();
        return git.commit().setMessage("commit").setAuthor(ME).setCommitter(ME).setSign(false).call();
    }
}
