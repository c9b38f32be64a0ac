package dev.scrum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRootTest {

    @TempDir
    Path repo;

    @Test
    void aModuleOfAWorkTreeHasItsDirectoryInFrontOfItsPaths() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        SourceRoot root = SourceRoot.of(repo.resolve("services/orders"));
        assertEquals(repo, root.root());
        assertEquals("services/orders/src/A.java", root.path("src/A.java"));
        assertEquals(repo.toUri().toString(), root.rootUri());
    }

    @Test
    void theWorkTreesRootItselfHasNoPrefixAndAGitFileCountsLikeADirectory() throws IOException {
        Files.writeString(repo.resolve(".git"), "gitdir: /elsewhere/.git/worktrees/x\n");
        assertEquals("src/A.java", SourceRoot.of(repo).path("src/A.java"));
    }

    @Test
    void urisArePercentEncodedAndDocumentsOutsideTheRootHaveNone() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        SourceRoot root = SourceRoot.of(repo.resolve("my module"));
        assertEquals("my%20module/src/Ä.java", root.path("src/Ä.java").replace(" ", "%20"));
        assertEquals("my%20module/src/%C3%84.java", root.uri("src/Ä.java"));
        assertEquals("my%20module/docs/PRD.md", root.uriOfPath(Path.of("docs/PRD.md")));
        assertEquals("docs/PRD.md", root.uriOfPath(repo.resolve("docs/PRD.md")));
        assertNull(root.uriOfPath(repo.getParent().resolve("elsewhere/PRD.md")));
    }
}
