package dev.scrum.report;

import static dev.scrum.report.FindingFixtures.LEDGER;
import static dev.scrum.report.FindingFixtures.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.ladder.Attempt;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The lines every output shows right after the gate's decision. */
class ReadFirstTest {

    private static final Path BASE = Path.of("/work/shop");

    @Test
    void newGapsComeMostSevereFirstWithFileAndLineThenInvalidCitationsThenUnresolvedFilesWithTheirCause() {
        ReadFirst first = ReadFirst.of(FindingFixtures.run(BASE));

        assertEquals(List.of(
                ORDERS + ":44 contradicts: Refunds are allowed after 30 days; the PRD forbids it.",
                ORDERS + " missing: Orders cannot be cancelled.",
                ORDERS + ":50 partial: Shipping notifies nobody.",
                ORDERS + ":70 gap: Something is off with discounts.",
                ORDERS + ":60 unrequested: Orders export to XML, which nobody asked for."), texts(first.gaps()));
        assertEquals(List.of(ORDERS + ":12 cites PLAN@99, a passage it was not sent"), texts(first.citations()));
        assertEquals(List.of(LEDGER + ": 1 answer(s), none accepted by the checks (last: too short)"),
                texts(first.unresolved()));
        assertNull(first.more());
        assertEquals("New gap: " + ORDERS + ":44 contradicts: Refunds are allowed after 30 days; the PRD forbids it.",
                first.lines().get(0));
        assertEquals("Unresolved: " + LEDGER + ": 1 answer(s), none accepted by the checks (last: too short)",
                first.lines().get(first.lines().size() - 1));
    }

    private static List<String> texts(List<ReadFirst.Line> lines) {
        return lines.stream().map(ReadFirst.Line::text).toList();
    }

    @Test
    void gapsTheBaselineKnowsAreLeftOut() {
        List<Finding> marked = FindingFixtures.ordersFindings().stream()
                .map(f -> f.withBaseline("contradicts".equals(f.gapKind()) ? BaselineState.NEW : BaselineState.KNOWN))
                .toList();

        assertEquals(List.of(ORDERS + ":44 contradicts: Refunds are allowed after 30 days; the PRD forbids it."),
                texts(ReadFirst.of(FindingFixtures.run(BASE, marked)).gaps()));
    }

    @Test
    void anUnreachableServerIsNamedWithWhatToDo() {
        FileReview refused = FileReview.builder().file("src/A.java").outcome(FileOutcome.unresolved(List.of(
                Attempt.failed(1, "ollama/qwen3:latest", "qwen3:latest", "network: connection refused by "
                        + "http://localhost:11434 (is the server running there?); the rung is left out for the rest "
                        + "of the run", 3)))).build();
        RunReport run = RunReport.builder().reviews(List.of(refused)).ladder(List.of("ollama/qwen3:latest")).build();

        assertEquals(List.of("src/A.java: connection refused at http://localhost:11434 (rung ollama/qwen3:latest) — "
                + "start Ollama (`ollama serve`) or run with -Dscrum.dryRun or -Dscrum.skip"),
                texts(ReadFirst.of(run).unresolved()));
    }

    @Test
    void pastTheCapTheRestIsCountedNotDropped() {
        List<Finding> many = IntStream.rangeClosed(1, 13)
                .mapToObj(i -> FindingFixtures.gap("missing", "Requirement " + i + " is missing.", null, i))
                .toList();
        ReadFirst first = ReadFirst.of(FindingFixtures.run(BASE, many), 10);

        assertEquals(10, first.gaps().size());
        assertEquals(ORDERS + ":1 missing: Requirement 1 is missing.", first.gaps().get(0).text());
        assertEquals("3 new gap(s) more in the report's file sections", first.more());
    }

    @Test
    void aDryRunHasNothingToReadFirst() {
        RunReport dry = FindingFixtures.run(BASE).toBuilder().dryRun(true).build();

        assertTrue(ReadFirst.of(dry).isEmpty());
    }

    @Test
    void everyOutputShowsTheLinesRightAfterTheDecision() {
        RunReport run = FindingFixtures.run(BASE).toBuilder()
                .gate(new GateDecision(GateDecision.Outcome.FAILED, List.of("1 file(s) unresolved"), List.of(),
                        List.of())).build();
        String gap = "Refunds are allowed after 30 days; the PRD forbids it.";

        String md = MarkdownReportWriter.render(run);
        assertTrue(md.indexOf("Gate failed") < md.indexOf("**New gaps, the most severe first**"), md);
        assertTrue(md.indexOf(gap) < md.indexOf("| File |"), "the gaps come before the file table");
        assertTrue(md.contains("- `" + ORDERS + ":44` contradicts: " + gap + "\n"), md);
        String summary = StepSummary.render(run, BASE.resolve("target/scrum-report.md"));
        assertTrue(summary.indexOf("Gate failed") < summary.indexOf("**Unresolved files**"), summary);
        assertTrue(summary.indexOf("**Unresolved files**") < summary.indexOf("| File |"), summary);
        String html = HtmlReportWriter.render(run, ReportDocuments.none());
        assertTrue(html.indexOf("id=\"gate\"") < html.indexOf("id=\"verdict\""));
        assertTrue(html.indexOf("id=\"verdict\"") < html.indexOf("id=\"read-first\""));
        assertTrue(html.indexOf("id=\"read-first\"") < html.indexOf("<section id=\"files\">"));
        assertTrue(html.contains("<li><code>" + ORDERS + ":12</code> cites PLAN@99, a passage it was not sent</li>"));
    }
}
