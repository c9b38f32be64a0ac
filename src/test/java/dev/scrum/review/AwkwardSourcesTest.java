package dev.scrum.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.ChatClient;
import dev.scrum.llm.ChatResponse;
import dev.scrum.llm.FinishReason;
import dev.scrum.provider.Provider;
import dev.scrum.report.ReportLayout;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22: files with lone CR line ends and files in the project's source encoding are reviewed as written. */
class AwkwardSourcesTest {

    private static final Rung LOCAL = Rung.of(Provider.OLLAMA, "m", URI.create("http://localhost:11434"))
            .withFormat(AnswerFormat.MARKDOWN);
    /** Six lines, each ended by a lone CR (classic Mac OS). */
    private static final String CR_ONLY = "class A {\r  // invoice\r  int total;\r  int tax;\r  int net;\r}\r";

    @TempDir
    Path base;

    /** The user prompt of every call. */
    private final List<String> prompts = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void project() throws Exception {
        Files.createDirectories(base.resolve("src"));
        Files.writeString(base.resolve("PRD.md"), "# PRD\n\nInvoices carry tax per line and a total. ".repeat(8));
    }

    private ReviewResult run(Charset encoding, String... files) throws Exception {
        ChatClient client = request -> {
            prompts.add(request.user());
            return new ChatResponse(ReviewerTest.GOOD, FinishReason.STOP, 10, 10, 0, false, false, 0);
        };
        return new Reviewer(ReviewerTest.services(client), Progress.SILENT).run(ReviewRequest.builder()
                .baseDir(base).files(List.of(files)).prd(base.resolve("PRD.md")).ladder(List.of(LOCAL))
                .chunkSize(200).chunkOverlap(20).topK(2).minAnswerChars(100).threads(1)
                .outputDirectory(base.resolve("target")).encoding(encoding).build());
    }

    private JsonObject json(Path file) throws Exception {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    @Test
    void aFileWithLoneCrLineEndsHasItsLinesInThePromptTheFindingsAndSarif() throws Exception {
        Files.writeString(base.resolve("src/A.java"), CR_ONLY);

        ReviewResult result = run(null, "src/A.java");

        assertEquals(1, result.run().resolvedCount(), "the answer's lines 3-5 exist in a file of 6 lines");
        String prompt = prompts.get(0);
        assertTrue(prompt.contains("(6 lines)"), prompt);
        assertTrue(prompt.contains("3|   int total;\n4|   int tax;\n5|   int net;\n6| }\n"), prompt);
        List<Integer> lines = new ArrayList<>();
        for (JsonElement f : json(base.resolve("target/scrum/" + ReportLayout.reviewFileName("src/A.java")))
                .getAsJsonArray("findings")) {
            JsonElement line = f.getAsJsonObject().get("line");
            if (line != null && !line.isJsonNull()) {
                lines.add(line.getAsInt());
            }
        }
        assertEquals(List.of(3, 4, 5), lines);
        List<Integer> regions = new ArrayList<>();
        JsonArray results = json(base.resolve("target/scrum/scrum.sarif")).getAsJsonArray("runs").get(0).getAsJsonObject()
                .getAsJsonArray("results");
        for (JsonElement r : results) {
            JsonObject location = r.getAsJsonObject().getAsJsonArray("locations").get(0).getAsJsonObject()
                    .getAsJsonObject("physicalLocation");
            if (location.getAsJsonObject("artifactLocation").get("uri").getAsString().equals("src/A.java")) {
                regions.add(location.getAsJsonObject("region").get("startLine").getAsInt());
            }
        }
        assertTrue(regions.containsAll(List.of(3, 4, 5)), regions.toString());
    }

    @Test
    void aLatin1FileIsDecodedWithTheGivenEncoding() throws Exception {
        String source = "class Latin1 {\n  // invoice for Müller, café\n  int total;\n  int tax;\n  int net;\n}\n";
        Files.write(base.resolve("src/Latin1.java"), source.getBytes(StandardCharsets.ISO_8859_1));

        ReviewResult result = run(StandardCharsets.ISO_8859_1, "src/Latin1.java");

        assertEquals(1, result.run().resolvedCount());
        assertTrue(prompts.get(0).contains("2|   // invoice for Müller, café\n"), prompts.get(0));
        assertFalse(prompts.get(0).contains("\uFFFD"));
        assertFalse(json(base.resolve("target/scrum/" + ReportLayout.reviewFileName("src/Latin1.java")))
                .get("malformed_utf8").getAsBoolean(), "every byte is valid ISO-8859-1");
    }

    @Test
    void withoutAnEncodingTheFileIsUtf8() throws Exception {
        Files.writeString(base.resolve("src/A.java"), "class A {\n  // café\n  int total;\n  int tax;\n  int net;\n}\n");

        run(null, "src/A.java");

        assertTrue(prompts.get(0).contains("2|   // café\n"), prompts.get(0));
    }
}
