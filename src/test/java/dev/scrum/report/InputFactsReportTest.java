package dev.scrum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.scrum.ladder.Attempt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries, masked secrets and malformed UTF-8 in the JSON and the report, and back through the reader. */
class InputFactsReportTest {

    private static FileReview withFacts() {
        FileReview r = ReportWritersTest.resolved();
        List<Attempt> attempts = new ArrayList<>(r.outcome().attempts());
        attempts.set(1, attempts.get(1).withRetries(2));
        FileInput in = r.input();
        return r.toBuilder()
                .input(new FileInput(in.prdPassages(), in.proposalPassages(), in.promptChars(), in.queryPassages(), 3, true, List.of()))
                .outcome(r.outcome().toBuilder().attempts(attempts).build())
                .build();
    }

    @Test
    void theJsonSaysHowManySecretsWereMaskedNeverWhat(@TempDir Path dir) throws Exception {
        JsonReportWriter writer = new JsonReportWriter(dir);
        JsonObject review = JsonParser.parseString(Files.readString(writer.writeReview(withFacts()))).getAsJsonObject();
        JsonObject summary = JsonParser.parseString(Files.readString(writer.writeSummary(
                ReportWritersTest.run(false, withFacts(), ReportWritersTest.unresolved())))).getAsJsonObject();

        assertEquals(3, review.get("redactions").getAsInt());
        assertTrue(review.get("malformed_utf8").getAsBoolean());
        assertEquals(2, review.getAsJsonArray("attempts_history").get(1).getAsJsonObject().get("retries").getAsInt());
        assertEquals(3, summary.getAsJsonArray("per_file").get(0).getAsJsonObject().get("redactions").getAsInt());
        assertEquals(3, summary.get("total_redactions").getAsInt());
        FileReview read = JsonReportReader.readReview(dir.resolve(ReportLayout.reviewFileName(withFacts().file())));
        assertEquals(3, read.input().secretsMasked());
        assertTrue(read.input().malformedUtf8());
        assertEquals(2, read.outcome().attempts().get(1).retries());
    }

    @Test
    void theReportSaysItPerFileAndForTheRun() {
        String md = MarkdownReportWriter.render(ReportWritersTest.run(false, withFacts()));

        assertTrue(md.contains("- Secrets masked before sending (redactSecrets): 3 in 1 file(s)\n"), md);
        assertTrue(md.contains("Secrets masked before sending: 3 (each replaced by «redacted:kind»; what they were is "
                + "recorded nowhere)."), md);
        assertTrue(md.contains("Not valid UTF-8: malformed bytes were replaced (U+FFFD) before the review."), md);
        assertTrue(md.contains("| 2 | ollama/qwen3:latest | accepted | 1830 | 40.0 s | after 2 retries |"), md);
    }

    @Test
    void anAnswerCannotBreakTheReportsStructure() {
        String answer = "# Review\n\n```java\n# not a heading\n## nor this\n```\n\n## Gaps\n\n```\nunclosed";

        String nested = MarkdownReportWriter.nested(answer);

        assertEquals("#### Review\n\n```java\n# not a heading\n## nor this\n```\n\n##### Gaps\n\n```\nunclosed\n```",
                nested);
    }
}
