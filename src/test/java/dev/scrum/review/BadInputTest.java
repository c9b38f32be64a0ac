package dev.scrum.review;

import dev.scrum.report.ReportLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.scrum.ladder.AttemptStatus;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.ChatClient;
import dev.scrum.llm.ChatResponse;
import dev.scrum.llm.FinishReason;
import dev.scrum.provider.EmbeddingSettings;
import dev.scrum.provider.Provider;
import dev.scrum.report.FileReview;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever a repository holds, the run says clearly what it made of it, and the rest of the run goes on. */
class BadInputTest {

    private static final Rung LOCAL = Rung.of(Provider.OLLAMA, "m", URI.create("http://localhost:11434"))
            .withFormat(AnswerFormat.MARKDOWN);
    private static final ChatClient GOOD = request -> new ChatResponse(ReviewerTest.GOOD, FinishReason.STOP, 10, 10, 0, false, false, 0);

    @TempDir
    Path base;

    @BeforeEach
    void project() throws Exception {
        Files.createDirectories(base.resolve("src"));
        Files.writeString(base.resolve("PRD.md"), "# PRD\n\nInvoices carry tax per line and a total. ".repeat(8));
        Files.writeString(base.resolve("src/A.java"), "class A {\n  // invoice\n  int total;\n  int tax;\n  int net;\n}\n");
    }

    private ReviewRequest request(List<String> files, Path prd, Path proposal, List<Rung> ladder) {
        return ReviewerTest.small(base, files, ladder)
                .prd(prd)
                .proposal(proposal)
                .threads(2)
                .maxFileBytes(1000)
                .build();
    }

    private ReviewResult run(List<String> files) throws Exception {
        return new Reviewer(ReviewerTest.services(GOOD), Progress.SILENT).run(request(files, base.resolve("PRD.md"),
                null, List.of(LOCAL)));
    }

    private JsonObject json(String relative) throws Exception {
        return JsonParser.parseString(Files.readString(base.resolve("target/scrum/" + relative))).getAsJsonObject();
    }

    @Test
    void emptyBinaryAndTooLargeFilesAreSkippedAndListedTheRestIsReviewed() throws Exception {
        Files.writeString(base.resolve("src/Empty.java"), "");
        Files.writeString(base.resolve("src/Blank.java"), "\n  \n\t\n");
        Files.write(base.resolve("src/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Files.writeString(base.resolve("src/Big.java"), "class Big {}\n" + "// filler\n".repeat(200));

        ReviewResult result = run(List.of("src/A.java", "src/Empty.java", "src/Blank.java", "src/logo.png",
                "src/Big.java"));

        assertEquals(List.of("src/A.java"), result.run().reviews().stream().map(FileReview::file).toList());
        assertTrue(result.unresolved().isEmpty(), "skipped files are not unresolved");
        assertEquals(List.of("2 selected file(s) were not reviewed (failOnSkipped): src/logo.png (binary: it contains "
                + "NUL bytes), src/Big.java (too large: 2013 bytes, more than maxFileBytes (1000)); list a file in "
                + "<excludes> to leave it out of the review on purpose"), result.run().gate().failures(),
                "the binary and the too large file fail the gate; the empty ones have nothing to review");
        assertEquals(List.of("src/Empty.java: empty: 0 bytes, nothing to review",
                "src/Blank.java: empty: only whitespace, nothing to review",
                "src/logo.png: binary: it contains NUL bytes",
                "src/Big.java: too large: 2013 bytes, more than maxFileBytes (1000)"),
                result.run().skipped().stream().map(s -> s.file() + ": " + s.reason()).toList());
        assertEquals(4, json("summary.json").getAsJsonArray("skipped_files").size());
        String report = Files.readString(result.reportFile());
        assertTrue(report.contains("| `src/Empty.java` | empty: 0 bytes, nothing to review |"), report);
        assertTrue(report.contains("| `src/logo.png` | binary: it contains NUL bytes |"), report);
    }

    @Test
    void aFileThatIsNotUtf8IsReviewedAndSaidSo() throws Exception {
        Files.write(base.resolve("src/Latin1.java"),
                "class Latin1 {\n  // invoice for M\u00fcller\n  int total;\n  int tax;\n  int net;\n}\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        ReviewResult result = run(List.of("src/A.java", "src/Latin1.java"));

        assertEquals(2, result.run().resolvedCount());
        assertTrue(json(ReportLayout.reviewFileName("src/Latin1.java")).get("malformed_utf8").getAsBoolean());
        assertFalse(json(ReportLayout.reviewFileName("src/A.java")).get("malformed_utf8").getAsBoolean());
        assertTrue(Files.readString(result.reportFile())
                .contains("Not valid UTF-8: malformed bytes were replaced (U+FFFD) before the review."));
    }

    @Test
    void anUnexpectedExceptionForOneFileIsThatFilesErrorAndTheOthersGoOn() throws Exception {
        for (String name : List.of("B", "C")) {
            Files.writeString(base.resolve("src/" + name + ".java"), Files.readString(base.resolve("src/A.java"))
                    .replace("class A", "class " + name));
        }
        AtomicInteger calls = new AtomicInteger();
        ChatClient buggy = request -> {
            calls.incrementAndGet();
            if (request.user().contains("src/B.java")) {
                throw new IllegalStateException("parser bug: unbalanced brace");
            }
            return GOOD.chat(request);
        };

        ReviewResult result = new Reviewer(ReviewerTest.services(buggy), Progress.SILENT).run(request(
                List.of("src/A.java", "src/B.java", "src/C.java"), base.resolve("PRD.md"), null, List.of(LOCAL)));

        assertEquals(3, calls.get());
        assertEquals(List.of("src/B.java"), result.unresolved().stream().map(FileReview::file).toList());
        assertEquals(2, result.run().resolvedCount());
        JsonObject attempt = json(ReportLayout.reviewFileName("src/B.java")).getAsJsonArray("attempts_history").get(0).getAsJsonObject();
        assertEquals("error", attempt.get("status").getAsString());
        assertEquals(UnexpectedFailure.PLUGIN, attempt.get("provider_model").getAsString());
        assertTrue(attempt.get("error").getAsString().startsWith(
                "internal: IllegalStateException: parser bug: unbalanced brace (at BadInputTest.java:"),
                attempt.get("error").getAsString());
        assertTrue(Files.exists(result.reportFile()));
        assertEquals(AttemptStatus.ERROR, result.unresolved().get(0).outcome().attempts().get(0).status());
    }

    @Test
    void anEmptyBlankOrMissingDocumentIsRefusedNamingTheParameterAndThePath() throws Exception {
        Path empty = Files.writeString(base.resolve("EMPTY.md"), "");
        Path blank = Files.writeString(base.resolve("BLANK.md"), " \n\n ");
        Path folder = Files.createDirectories(base.resolve("docs"));
        Reviewer reviewer = new Reviewer(ReviewerTest.services(GOOD), Progress.SILENT);

        ConfigurationException prd = assertThrows(ConfigurationException.class,
                () -> reviewer.run(request(List.of("src/A.java"), empty, null, List.of(LOCAL))));
        assertEquals("prdPath", prd.parameter());
        assertEquals("The PRD " + empty + " is empty. Point <prdPath> at a document with content.", prd.getMessage());
        ConfigurationException proposal = assertThrows(ConfigurationException.class,
                () -> reviewer.run(request(List.of("src/A.java"), base.resolve("PRD.md"), blank, List.of(LOCAL))));
        assertEquals("proposalPath", proposal.parameter());
        assertTrue(proposal.getMessage().contains(blank + " is empty"), proposal.getMessage());
        ConfigurationException directory = assertThrows(ConfigurationException.class,
                () -> reviewer.run(request(List.of("src/A.java"), folder, null, List.of(LOCAL))));
        assertTrue(directory.getMessage().startsWith("The PRD " + folder + " is a directory, not a file."),
                directory.getMessage());
        assertFalse(Files.exists(base.resolve("target/scrum/summary.json")), "nothing ran");
    }

    @Test
    void aBinaryPrdOrProposalIsRefusedBeforeAnyModelIsCalled() throws Exception {
        byte[] text = Files.readAllBytes(base.resolve("PRD.md"));
        byte[] withNul = java.util.Arrays.copyOf(text, text.length + 1);
        Path nul = Files.write(base.resolve("NUL.md"), withNul);
        byte[] noise = new byte[600];
        new java.util.Random(22).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = noise[i] == 0 ? 1 : noise[i];
        }
        Path garbage = Files.write(base.resolve("PRD.pdf"), noise);
        AtomicInteger calls = new AtomicInteger();
        ChatClient counting = request -> {
            calls.incrementAndGet();
            return GOOD.chat(request);
        };
        Reviewer reviewer = new Reviewer(ReviewerTest.services(counting), Progress.SILENT);

        ConfigurationException prd = assertThrows(ConfigurationException.class,
                () -> reviewer.run(request(List.of("src/A.java"), nul, null, List.of(LOCAL))));
        assertEquals("prdPath", prd.parameter());
        assertEquals("The PRD " + nul + " is not text: it contains a NUL byte (at character " + text.length
                + "), so it is binary. Point <prdPath> (or -Dscrum.prdPath) at a Markdown, AsciiDoc or plain-text "
                + "document in UTF-8; convert a PDF or Word file to text first.", prd.getMessage());
        ConfigurationException proposal = assertThrows(ConfigurationException.class,
                () -> reviewer.run(request(List.of("src/A.java"), base.resolve("PRD.md"), garbage, List.of(LOCAL))));
        assertEquals("proposalPath", proposal.parameter());
        assertTrue(proposal.getMessage().startsWith("The proposal " + garbage + " is not text: "), proposal.getMessage());
        assertTrue(proposal.getMessage().contains("are control characters or bytes that are not UTF-8, more than 30%"),
                proposal.getMessage());
        assertEquals(0, calls.get(), "no model may be called");
        assertFalse(Files.exists(base.resolve("target/scrum/summary.json")), "nothing ran");
    }

    @Test
    void aDocumentWithSomeOddCharactersIsStillText() {
        assertEquals(null, ReviewDocuments.notText("# PRD\n\nM\uFFFDller \u001b[1mbold\u001b[0m\f\r\n\tok"));
        assertEquals(null, ReviewDocuments.notText("abcdefg\u0001\u0002\u0003"), "3 of 10 is not more than 30%");
        assertTrue(ReviewDocuments.notText("abcdef\u0001\u0002\u0003\uFFFD").startsWith("4 of its 10 characters (40%)"));
    }

    @Test
    void filesSelectedButNoneReviewableAreSaidSoNotNoFileSelected() throws Exception {
        Files.write(base.resolve("src/B.java"), "class B { // \0 }\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.writeString(base.resolve("src/Big.java"), "class Big {}\n" + "// filler\n".repeat(200));
        List<String> warnings = new java.util.ArrayList<>();
        Progress warned = new Progress() {
            @Override
            public void info(String line) {}

            @Override
            public void warn(String line) {
                warnings.add(line);
            }
        };
        ReviewResult result = new Reviewer(ReviewerTest.services(GOOD), warned).run(request(
                List.of("src/B.java", "src/Big.java"), base.resolve("PRD.md"), null, List.of(LOCAL)));

        String none = "2 file(s) selected, none reviewable: src/B.java (binary: it contains NUL bytes), src/Big.java "
                + "(too large: 2013 bytes, more than maxFileBytes (1000))";
        assertTrue(warnings.contains(none + ". Nothing is reviewed; list a file in <excludes> to leave it out on "
                + "purpose."), warnings.toString());
        assertTrue(warnings.stream().noneMatch(w -> w.contains("No file selected")), warnings.toString());
        String report = Files.readString(result.reportFile());
        assertFalse(report.contains("No file was selected"), report);
        assertFalse(report.contains("All 0 file(s) reviewed"), report);
        assertTrue(report.contains("**" + none + ".**"), report);
        assertTrue(report.startsWith("# Scrum review report\n\n**❌ Gate failed**\n\n- 2 selected file(s) were not "
                + "reviewed (failOnSkipped): src/B.java (binary"), report);
    }

    @Test
    void aLadderWithNoUsableRungIsRefusedNamingEachRungAndWhy() {
        Rung cloud = Rung.of(Provider.OLLAMA_CLOUD, "gpt-oss:120b", URI.create("https://ollama.com"))
                .withSkipReason("no API key: set OLLAMA_API_KEY or give the rung a serverId or apiKeyEnv");
        Reviewer reviewer = new Reviewer(ReviewerTest.services(GOOD), Progress.SILENT);

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> reviewer.run(request(List.of("src/A.java"), base.resolve("PRD.md"), null, List.of(cloud))));

        assertEquals("ladder", e.parameter());
        assertEquals("no rung of the ladder can be called: ollama-cloud/gpt-oss:120b (no API key: set OLLAMA_API_KEY "
                + "or give the rung a serverId or apiKeyEnv). Configure an API key (serverId or apiKeyEnv) or add a "
                + "local rung.", e.getMessage());
    }

    @Test
    void offlineWithEveryRemoteRungSkippedTheAdviceIsToGoOnlineOrAddALocalRungNotAKey() {
        Rung cloud = Rung.of(Provider.OLLAMA_CLOUD, "gpt-oss:120b", URI.create("https://ollama.com")).offline();
        Rung keyless = Rung.of(Provider.OPENAI, "gpt-4o-mini", URI.create("https://api.example.test/v1"))
                .withSkipReason("no API key: set OPENAI_API_KEY or give the rung a serverId or apiKeyEnv");
        Reviewer reviewer = new Reviewer(ReviewerTest.services(GOOD), Progress.SILENT);

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> reviewer.run(
                request(List.of("src/A.java"), base.resolve("PRD.md"), null, List.of(cloud, keyless))));

        assertEquals("ladder", e.parameter());
        assertEquals("no rung of the ladder can be called: ollama-cloud/gpt-oss:120b (offline: Maven runs offline "
                + "(-o) and https://ollama.com is not on this machine); openai/gpt-4o-mini (no API key: set "
                + "OPENAI_API_KEY or give the rung a serverId or apiKeyEnv). The remote rungs were skipped because "
                + "Maven runs offline (-o): run without -o, configure a local rung (Ollama on localhost: "
                + "<provider>ollama</provider> with no <baseUrl>), or run with -Dscrum.dryRun.", e.getMessage());
        assertFalse(e.getMessage().contains("Configure an API key"), e.getMessage());
    }
}
