package dev.scrum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.ladder.ServerLoad;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each server's concurrency limit and peak in flight, in the reports, the console summary and the JSON. */
class ServerLoadReportTest {

    private static final ServerLoad LEARNED = new ServerLoad("ollama/qwen", "http://gpu1:11434", true, 8, 6, 4, 5, 30,
            1, 2);
    private static final ServerLoad FIXED = new ServerLoad("openai/gpt", "https://llm.example.com/v1", false, 2, 2, 2,
            2, 3, 0, 0);

    private static RunReport run() {
        return ReportFixtures.run().toBuilder().servers(List.of(LEARNED, FIXED)).build();
    }

    @Test
    void theMarkdownLadderSectionListsEachServer() {
        String md = MarkdownReportWriter.render(run(), ReportFixtures.documents());
        int ladder = md.indexOf("\n## Ladder\n");
        int servers = md.indexOf("\n### Servers\n");
        assertTrue(ladder > 0 && servers > ladder, "under the ladder");
        assertTrue(md.contains("| ollama/qwen | http://gpu1:11434 | learned, up to 8 | 6 | 4 | 5 | 30 | 1 | 2 |"), md);
        assertTrue(md.contains("| openai/gpt | https://llm.example.com/v1 | fixed (maxConcurrent) | 2 | 2 | 2 | 3 | 0 | 0 |"));
        assertFalse(MarkdownReportWriter.render(ReportFixtures.run(), ReportFixtures.documents()).contains("### Servers"),
                "no table without servers (a dry run)");
    }

    @Test
    void theHtmlReportToo() {
        String html = HtmlReportWriter.render(run(), ReportFixtures.documents());
        assertTrue(html.contains("<h3>Servers</h3>"));
        assertTrue(html.contains("<td>http://gpu1:11434</td><td>learned, up to 8</td><td class=\"num\">6</td>"), html);
    }

    @Test
    void theConsoleSummaryHasALinePerServer() {
        List<String> lines = ConsoleSummary.lines(run());
        assertTrue(lines.contains("Server ollama/qwen at http://gpu1:11434: limit learned, up to 8, reached 6, 4 at the "
                + "end; peak 5 in flight; 30 call(s), 1 timeout(s), 2 429/503"), String.join("\n", lines));
    }

    @Test
    void theJsonRoundTrips(@TempDir Path dir) throws Exception {
        RunReport run = run();
        ReportLayout layout = new ReportLayout(dir);
        JsonReportWriter.writeAll(layout, run);
        assertEquals(List.of(LEARNED, FIXED), JsonReportReader.read(layout.jsonDirectory()).servers());
    }
}
