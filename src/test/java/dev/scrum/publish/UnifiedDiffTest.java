package dev.scrum.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    /** A GitHub {@code pulls/{n}/files} patch: two hunks, removed and context lines, no trailing newline. */
    private static final String PATCH = """
            @@ -1,5 +1,6 @@
             package shop;
            -import java.util.List;
            +import java.util.ArrayList;
            +import java.util.List;
             
             public class Orders {
            @@ -40,3 +41,4 @@ public class Orders {
                 void refund() {
            +        audit();
                 }
            \\ No newline at end of file""";

    @Test
    void addedLinesAreTheNewSideNumbersOfPlusLinesOnly() {
        assertEquals(Set.of(2, 3, 42), UnifiedDiff.addedLines(PATCH));
    }

    @Test
    void noPatchMeansNoChangedLine() {
        assertTrue(UnifiedDiff.addedLines(null).isEmpty());
        assertTrue(UnifiedDiff.addedLines("Binary files differ").isEmpty());
    }

    /** GitLab's changes {@code diff}: a new file's single hunk. */
    @Test
    void aNewFileChangesEveryLine() {
        assertEquals(Set.of(1, 2, 3), UnifiedDiff.addedLines("@@ -0,0 +1,3 @@\n+a\n+b\n+c\n"));
    }

    /** Gitea's and Forgejo's {@code pulls/{n}.diff}: a whole git diff with a rename, a deletion and a new file. */
    @Test
    void aGitDiffGivesEachNewPathItsLines() {
        String diff = """
                diff --git a/src/A.java b/src/A.java
                index 83db48f..bf269f4 100644
                --- a/src/A.java
                +++ b/src/A.java
                @@ -10,2 +10,3 @@ class A {
                   int x;
                +  int y;
                   int z;
                diff --git a/src/Old.java b/src/Gone.java
                deleted file mode 100644
                index 83db48f..0000000
                --- a/src/Old.java
                +++ /dev/null
                @@ -1,1 +0,0 @@
                -class Old {}
                diff --git a/src/B.java b/src/C.java
                similarity index 90%
                rename from src/B.java
                rename to src/C.java
                diff --git a/src/N.java b/src/N.java
                new file mode 100644
                --- /dev/null
                +++ b/src/N.java
                @@ -0,0 +1,2 @@
                +class N {
                +}
                """;
        ChangedLines changed = UnifiedDiff.ofGitDiff(diff);
        assertEquals(Set.of("src/A.java", "src/C.java", "src/N.java"), changed.files());
        assertEquals(Set.of(11), changed.lines().get("src/A.java"));
        assertEquals(Set.of(), changed.lines().get("src/C.java"));
        assertEquals(Set.of(1, 2), changed.lines().get("src/N.java"));
        assertTrue(changed.changes("src/C.java"));
        assertFalse(changed.touches("src/A.java", 10), "a context line is not a changed line");
        assertTrue(changed.touches("src/A.java", 11));
    }
}
