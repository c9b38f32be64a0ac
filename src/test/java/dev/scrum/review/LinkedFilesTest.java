package dev.scrum.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.boundary.ProjectBoundary;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.ChatClient;
import dev.scrum.llm.ChatRequest;
import dev.scrum.llm.ChatResponse;
import dev.scrum.llm.FinishReason;
import dev.scrum.provider.Provider;
import dev.scrum.report.FileReview;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A selected link that leads out of the project, or into its build directory, is named and never read. */
class LinkedFilesTest {

    private static final String MARKER = "PLANTED-7f3c9e21-aws-secret";
    private static final Rung LOCAL = Rung.of(Provider.OLLAMA, "m", URI.create("http://localhost:11434"))
            .withFormat(AnswerFormat.MARKDOWN);

    @TempDir
    Path tmp;

    private Path base;
    private Path outside;
    private final List<ChatRequest> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void project() throws IOException {
        base = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(base.resolve("src"));
        Files.createDirectories(base.resolve("target/generated"));
        Files.writeString(base.resolve("PRD.md"), "# PRD\n\nInvoices carry tax per line and a total. ".repeat(8));
        Files.writeString(base.resolve("src/A.java"), "class A {\n  // invoice\n  int total;\n  int tax;\n  int net;\n}\n");
        Files.writeString(base.resolve("target/generated/G.java"), "class G { // " + MARKER + "\n}\n");
        outside = Files.createDirectories(tmp.resolve("home/.aws"));
        Files.writeString(outside.resolve("credentials"), "aws_secret_access_key = " + MARKER + "\n");
        link("src/Credentials.java", outside.resolve("credentials"));
        link("src/aws", outside);
        link("src/G.java", base.resolve("target/generated/G.java"));
        link("src/Alias.java", Path.of("A.java"));
    }

    private void link(String at, Path to) throws IOException {
        try {
            Files.createSymbolicLink(base.resolve(at), to);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("this file system cannot make symbolic links: " + e);
        }
    }

    private ReviewResult run(List<String> files) throws IOException {
        ChatClient recording = request -> {
            sent.add(request);
            return new ChatResponse(ReviewerTest.GOOD, FinishReason.STOP, 10, 10, 0, false, false, 0);
        };
        return new Reviewer(ReviewerTest.services(recording), Progress.SILENT).run(
                ReviewerTest.small(base, files, List.of(LOCAL)).buildDirectory(base.resolve("target")).build());
    }

    @Test
    void linksOutOfTheProjectAreSkippedWithWhereTheyLeadAndTheirTextReachesNoRequestAndNoReport() throws IOException {
        ReviewResult result = run(List.of("src/A.java", "src/Alias.java", "src/Credentials.java", "src/G.java",
                "src/aws"));

        assertEquals(List.of("src/A.java", "src/Alias.java"),
                result.run().reviews().stream().map(FileReview::file).sorted().toList(),
                "a link inside the project to a file inside it is reviewed");
        Path realOutside = outside.toRealPath();
        assertEquals(List.of(
                "src/Credentials.java: a link to a file outside the project (" + realOutside.resolve("credentials")
                        + "): links are not followed out of the project, so it is never read",
                "src/G.java: a link into the build directory (target/generated/G.java): files under the build "
                        + "directory are never reviewed",
                "src/aws: a link to a directory outside the project (" + realOutside + "): links are not followed out "
                        + "of the project, so it is never read"),
                result.run().skipped().stream().map(s -> s.file() + ": " + s.reason()).toList());
        assertEquals(1, result.run().gate().failures().size());
        String failure = result.run().gate().failures().get(0);
        assertTrue(failure.startsWith("3 selected file(s) were not reviewed (failOnSkipped): src/Credentials.java (a "
                + "link to a file outside the project"), failure);
        assertTrue(failure.endsWith("list a file in <excludes> to leave it out of the review on purpose"), failure);

        assertFalse(sent.isEmpty());
        for (ChatRequest r : sent) {
            assertFalse((r.system() + r.user()).contains(MARKER), "a request carried the linked file's text");
            assertFalse(r.user().contains("aws_secret_access_key"), "a request carried the linked file's text");
        }
        try (Stream<Path> written = Files.walk(base.resolve("target"))) {
            for (Path f : written.filter(Files::isRegularFile).filter(f -> !f.startsWith(base.resolve("target/generated")))
                    .toList()) {
                assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains(MARKER), f + " holds the marker");
            }
        }
    }

    @Test
    void readingALinkThatLeadsOutFailsWithoutReadingIt() {
        IOException e = assertThrows(IOException.class,
                () -> SourceFile.read(new ProjectBoundary(base, base.resolve("target")), "src/Credentials.java",
                        java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(e.getMessage().startsWith("src/Credentials.java is not read: a link to a file outside the project"),
                e.getMessage());
        assertFalse(e.getMessage().contains(MARKER));
    }
}
