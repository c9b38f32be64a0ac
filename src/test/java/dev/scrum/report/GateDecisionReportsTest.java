package dev.scrum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every output opens with what the gate decided and why (issue 21). */
class GateDecisionReportsTest {

    private static final String LOW = "1 file(s) scored below minScore 8: src/main/java/shop/Orders.java (7/10)";
    private static final GateDecision FAILED = new GateDecision(GateDecision.Outcome.FAILED,
            List.of(LOW, "1 new gap(s) of kind missing (failOnGaps): src/A.java, line 3, missing: <b>refunds</b> | x"),
            List.of("1 of 2 file(s) unresolved (no rung's answer was accepted): src/main/java/shop/Ledger.java; "
                    + "not failing the build (failOnUnresolved=false)"),
            List.of());

    @TempDir
    Path tmp;

    private RunReport run(GateDecision gate) {
        return FindingFixtures.run(tmp).toBuilder().gate(gate).build();
    }

    @Test
    void theMarkdownReportOpensWithTheDecisionAndEachReasonBeforeTheVerdict() {
        String md = MarkdownReportWriter.render(run(FAILED));
        assertTrue(md.startsWith("# Scrum review report\n\n**❌ Gate failed**\n\n- " + LOW + "\n"), md);
        // the texts are inert: a gap's text cannot open an HTML element or a table cell
        assertTrue(md.contains("missing: &lt;b>refunds&lt;/b> \\| x\n"), md);
        assertTrue(md.contains("- ⚠️ 1 of 2 file(s) unresolved"), md);
        assertTrue(md.indexOf("Gate failed") < md.indexOf("1 of 2 file(s) unresolved: no rung's answer"), md);
    }

    @Test
    void aPassedGateSaysWhatItChecked() {
        GateDecision passed = new GateDecision(GateDecision.Outcome.PASSED, List.of(), List.of(),
                List.of("Every scored file is at or above minScore 5"));
        String md = MarkdownReportWriter.render(run(passed));
        assertTrue(md.startsWith("# Scrum review report\n\n**✅ Gate passed**\n\n- Every scored file is at or above "
                + "minScore 5\n\n"), md);
        assertEquals("Gate passed.", new GateDecision(GateDecision.Outcome.PASSED, List.of(), List.of(), List.of())
                .headline());
    }

    @Test
    void aRunWithoutADecisionSaysNoneRatherThanGuessing() {
        String md = MarkdownReportWriter.render(run(null));
        assertFalse(md.contains("Gate "), md);
    }

    @Test
    void theStepSummaryAndTheHtmlReportOpenWithItToo() {
        String step = StepSummary.render(run(FAILED), tmp.resolve("target/scrum-report.md"));
        assertTrue(step.startsWith("## Scrum review\n\n**❌ Gate failed**\n\n- " + LOW + "\n"), step);
        String html = HtmlReportWriter.render(run(FAILED), ReportDocuments.none());
        int gate = html.indexOf("<section class=\"gate fail\" id=\"gate\">");
        assertTrue(gate > 0 && gate < html.indexOf("id=\"verdict\""), html);
        assertTrue(html.contains("<li>1 new gap(s) of kind missing (failOnGaps): src/A.java, line 3, missing: "
                + "&lt;b&gt;refunds&lt;/b&gt; | x</li>"), html);
    }

    @Test
    void theSummaryJsonCarriesItFirstAndReadsBack() throws IOException {
        JsonObject summary = JsonReportWriter.summary(run(FAILED));
        assertEquals("gate", summary.keySet().iterator().next());
        JsonObject gate = summary.getAsJsonObject("gate");
        assertEquals("failed", gate.get("outcome").getAsString());
        assertEquals(LOW, gate.getAsJsonArray("failures").get(0).getAsString());
        assertEquals(1, gate.getAsJsonArray("warnings").size());

        Path dir = tmp.resolve("out");
        JsonReportWriter.writeAll(new ReportLayout(dir), run(FAILED));
        assertEquals(FAILED, JsonReportReader.read(dir.resolve("scrum")).gate());
    }

    @Test
    void aSummaryWhoseFailuresContradictItsOutcomeIsRefused() throws IOException {
        Path dir = tmp.resolve("out");
        JsonReportWriter.writeAll(new ReportLayout(dir), run(FAILED));
        Path summary = dir.resolve("scrum/summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"outcome\": \"failed\"", "\"outcome\": \"passed\""));
        IOException e = assertThrows(IOException.class, () -> JsonReportReader.read(dir.resolve("scrum")));
        assertTrue(e.getMessage().contains("failures"), e.getMessage());
    }

    @Test
    void aRunServedWhollyFromTheCacheCountsNoModelCall() {
        RunReport fresh = FindingFixtures.run(tmp);
        RunReport cached = fresh.toBuilder().reviews(fresh.reviews().stream().map(FileReview::asCached).toList())
                .build();
        List<String> lines = ConsoleSummary.lines(cached);
        assertEquals("2 file(s), 1 accepted, 0 skipped, 0 model call(s) this run (2 from the cache), 3.0 s",
                lines.get(lines.size() - 1));
    }
}
