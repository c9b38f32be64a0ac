package dev.scrum.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real symbolic links in a temporary directory: where each one leads decides whether it may be read. */
class ProjectBoundaryTest {

    @TempDir
    Path tmp;

    private Path project;
    private Path secret;
    private ProjectBoundary boundary;

    @BeforeEach
    void tree() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve("src/shared"));
        Files.createDirectories(project.resolve("target/generated"));
        Files.writeString(project.resolve("src/A.java"), "class A {}\n");
        Files.writeString(project.resolve("target/generated/G.java"), "class G {}\n");
        Path home = Files.createDirectories(tmp.resolve("home/.aws"));
        secret = Files.writeString(home.resolve("credentials"), "aws_secret_access_key = PLANTED\n");
        boundary = new ProjectBoundary(project, project.resolve("target"));
    }

    private Path link(String at, Path to) throws IOException {
        return symlink(project.resolve(at), to);
    }

    private static Path symlink(Path at, Path to) throws IOException {
        try {
            return Files.createSymbolicLink(at, to);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("this file system cannot make symbolic links: " + e);
            return null;
        }
    }

    @Test
    void aLinkToAFileOutsideTheProjectIsRefusedNamingWhereItLeads() throws IOException {
        Path link = link("src/Credentials.java", secret);
        assertEquals("a link to a file outside the project (" + secret.toRealPath() + "): links are not followed out "
                + "of the project, so it is never read", boundary.refusal(link));
        IOException e = assertThrows(IOException.class, () -> boundary.readable(link));
        assertTrue(e.getMessage().startsWith("src/Credentials.java is not read: a link to a file outside"), e.getMessage());
    }

    @Test
    void aRelativeLinkThatClimbsOutIsRefusedToo() throws IOException {
        Path link = link("src/Up.java", Path.of("../../home/.aws/credentials"));
        assertTrue(boundary.refusal(link).startsWith("a link to a file outside the project"), boundary.refusal(link));
    }

    @Test
    void aLinkToADirectoryOutsideTheProjectIsRefused() throws IOException {
        Path link = link("src/aws", secret.getParent());
        assertEquals("a link to a directory outside the project (" + secret.getParent().toRealPath() + "): links are "
                + "not followed out of the project, so it is never read", boundary.refusal(link));
    }

    @Test
    void aLinkIntoTheBuildDirectoryIsRefused() throws IOException {
        Path link = link("src/G.java", project.resolve("target/generated/G.java"));
        assertEquals("a link into the build directory (target/generated/G.java): files under the build directory are "
                + "never reviewed", boundary.refusal(link));
        assertEquals("in the build directory (target/generated/G.java): files under the build directory are never "
                + "reviewed", boundary.refusal(project.resolve("target/generated/G.java")));
    }

    @Test
    void aLinkToAParentIsADirectoryLinkAndIsNotFollowed() throws IOException {
        Path link = link("src/shared/loop", Path.of(".."));
        assertEquals("a link to a directory (src): links to directories are not followed; the files are reviewed "
                + "where they are, when selected there", boundary.refusal(link));
    }

    @Test
    void aLinkInsideTheProjectToAFileInsideItIsReadThroughItsRealPath() throws IOException {
        Path link = link("src/Alias.java", Path.of("A.java"));
        assertNull(boundary.refusal(link));
        assertNull(boundary.refusal(project.resolve("src/A.java")));
        assertEquals(project.resolve("src/A.java").toRealPath(), boundary.readable(link));
    }

    @Test
    void aProjectReachedThroughALinkIsStillItself() throws IOException {
        Path alias = symlink(tmp.resolve("alias"), project);
        ProjectBoundary through = new ProjectBoundary(alias, alias.resolve("target"));
        assertNull(through.refusal(alias.resolve("src/A.java")));
        assertTrue(through.refusal(alias.resolve("target/generated/G.java")).startsWith("in the build directory"));
    }

    @Test
    void aDocumentIsInsideWhenItsRealPathIs() throws IOException {
        Files.createDirectories(project.resolve("docs"));
        Path prd = Files.writeString(project.resolve("docs/PRD.md"), "# PRD\n");
        Path linked = link("docs/LINKED.md", secret);
        ProjectBoundary documents = new ProjectBoundary(project, null);
        assertTrue(documents.contains(prd));
        assertFalse(documents.contains(linked), "a link on a document path is judged by where it leads");
        assertFalse(documents.contains(secret));
        assertFalse(documents.contains(project.resolve("../home/.aws/credentials")));
        assertTrue(documents.contains(project.resolve("docs/MISSING.md")), "a missing document is judged as written");
    }
}
