package dev.scrum.report;

import static dev.scrum.report.ReportFixtures.CART;
import static dev.scrum.report.ReportFixtures.CHECKOUT;
import static dev.scrum.report.ReportFixtures.INVENTORY;
import static dev.scrum.report.ReportFixtures.LEDGER;
import static dev.scrum.report.ReportFixtures.NOTES;
import static dev.scrum.report.ReportFixtures.PAYMENT;
import static dev.scrum.report.ReportFixtures.REFUNDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The markdown report's order and sections, on a realistic run ({@link ReportFixtures}). */
class MarkdownReportTest {

    private static final String MD = MarkdownReportWriter.render(ReportFixtures.run(), ReportFixtures.documents());

    private static String section(String heading) {
        int start = MD.indexOf("\n## " + heading + "\n");
        assertTrue(start >= 0, "no section " + heading);
        int end = MD.indexOf("\n## ", start + 1);
        return MD.substring(start, end < 0 ? MD.length() : end);
    }

    @Test
    void opensWithTheVerdictThenWhatALeadLooksAtNext() {
        assertTrue(MD.startsWith("# Scrum review report\n\n**1 of 7 file(s) unresolved: no rung's answer was accepted.**\n\n"
                + "**New gaps, the most severe first**\n\n"
                + "- `" + PAYMENT + ":41` contradicts: captures at checkout, not on shipping\n"
                + "- `" + REFUNDS + "` missing: refunds are not sent back within five days\n\n"
                + "**Citations of passages a file was not sent**\n\n"
                + "- `" + PAYMENT + ":41` cites PRD@99999, a passage it was not sent\n\n"
                + "**Unresolved files**\n\n- `" + INVENTORY + "`: no answer within the rung's timeout"), MD);
        assertTrue(MD.contains("\n\nLowest score 4/10 (" + PAYMENT + ") · 5 suggestion(s) and 2 gap(s) (1 contradicts, 1 missing) · "
                + "3 of 8 PRD section(s) given to no file and cited by no finding · 1 file(s) skipped.\n"), MD);
        assertTrue(MD.contains("- PRD: `docs/PRD.md` (" + ReportFixtures.PRD.length()
                + " characters, 38 lines, 9 passages, 8 sections)\n"), "the documents' names and sizes");
        List<String> order = List.of("\n## Files\n", "**Total:** ", "\n## Ladder\n", "\n## Charts\n",
                "\n## Requirements coverage\n", "\n## Skipped files\n", "\n## " + INVENTORY + "\n");
        for (int i = 1; i < order.size(); i++) {
            assertTrue(MD.indexOf(order.get(i - 1)) < MD.indexOf(order.get(i)), order.get(i - 1) + " before " + order.get(i));
        }
    }

    @Test
    void listsUnresolvedThenLowestScoresFirstInTheTableAndTheSections() {
        List<String> expected = List.of(INVENTORY, PAYMENT, NOTES, REFUNDS, LEDGER, CART, CHECKOUT);
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| \\[`([^`]+)`\\]").matcher(section("Files"));
        while (row.find()) {
            rows.add(row.group(1));
        }
        assertEquals(expected, rows);
        List<Integer> sections = expected.stream().map(f -> MD.indexOf("\n## " + f + "\n")).toList();
        assertEquals(sections.stream().sorted().toList(), sections, "the file sections in the table's order");
        assertTrue(section("Files").contains("| 8/10 | attempt 1 | ollama/qwen3.5:latest | 1 (cached) | 5.0 s | 2,000 + 300 |"));
        assertTrue(section("Files").contains("**Total:** 6 of 7 accepted, 15 model calls this run (1 file(s) from the cache), "
                + "19,750 + 2,110 tokens."));
    }

    @Test
    void showsHowEachRungOfTheLadderWasUsed() {
        String ladder = section("Ladder");
        assertTrue(ladder.contains("| 1 | ollama/qwen3.5:latest | 4 | 6 | 2 error, 1 ungrounded |"), ladder);
        assertTrue(ladder.contains("| 2 | ollama/qwen3:latest | 0 | 3 | 2 thin, 1 malformed |"), ladder);
        assertTrue(ladder.contains("| 3 | ollama-cloud/gpt-oss:120b | 2 | 2 | 1 skipped |"), ladder);
        assertTrue(ladder.contains("| – | unresolved | 1 | | |"), ladder);
    }

    @Test
    void chartsAreMermaidBlocksOfScoresAndRungs() {
        String charts = section("Charts");
        Matcher block = Pattern.compile("```mermaid\n(.*?)\n```", Pattern.DOTALL).matcher(charts);
        assertTrue(block.find());
        String[] xy = block.group(1).split("\n");
        assertEquals("xychart-beta", xy[0]);
        assertEquals("    title \"Files by alignment score\"", xy[1]);
        Matcher axis = Pattern.compile("^    x-axis \"score\" \\[(\"[^\"]+\"(?:, \"[^\"]+\")*)\\]$").matcher(xy[2]);
        assertTrue(axis.matches(), xy[2]);
        assertEquals(10, axis.group(1).split(", ").length, "scores 1 to 10");
        assertEquals("    y-axis \"files\" 0 --> 10", xy[3]);
        assertEquals("    bar [0, 0, 0, 1, 1, 1, 1, 1, 1, 0]", xy[4], "one file each at 4 to 9");
        assertEquals(5, xy.length);

        assertTrue(block.find());
        String[] pie = block.group(1).split("\n");
        assertEquals("pie showData", pie[0]);
        assertEquals("    title Files by the rung that accepted them", pie[1]);
        assertEquals(List.of("    \"#1 ollama/qwen3.5:latest\" : 4", "    \"#3 ollama-cloud/gpt-oss:120b\" : 2",
                "    \"unresolved\" : 1"), List.of(pie).subList(2, pie.length), "a slice per rung that accepted files");
        assertFalse(block.find());
        assertEquals("#3 it's 'quoted' ", MermaidCharts.label("#3 it's \"quoted\"\n"), "labels cannot break the quotes");
    }

    @Test
    void coverageListsEverySectionWhatWasGivenAndCitedAndWhatNothingTouched() {
        String coverage = section("Requirements coverage");
        assertTrue(coverage.contains("| Section | Line | Given to | Cited by |"));
        assertTrue(coverage.contains("| Orders PRD | 1 | [`Notes.java`](#srcmainjavacomexampleordersnotesjava), "
                + "[`Checkout.java`](#srcmainjavacomexampleorderscheckoutjava) | "
                + "[`Notes.java`](#srcmainjavacomexampleordersnotesjava) (line 3) |"), coverage);
        assertTrue(coverage.contains("| &emsp;&emsp;Refunds | 15 | [`Refunds.java`](#srcmainjavacomexampleordersrefundsjava) | "
                + "[`Refunds.java`](#srcmainjavacomexampleordersrefundsjava) (line 9, line 14, missing gap) |"),
                "a level-3 heading indented twice; each citing finding named");
        assertTrue(coverage.contains("| &emsp;**Loyalty points** ⚠ | 28 | – | – |"), coverage);
        assertFalse(coverage.contains("not a heading"), "a # line in fenced code is no section");
        assertTrue(coverage.endsWith("""
                ### Sections no file was given or cited

                Candidates for requirements nothing implements:

                - Tracking (line 24)
                - Loyalty points (line 28)
                - Appendix: examples (line 32)
                """), coverage);
    }

    @Test
    void aCitationCountsWhereItsPassageIsNotOnlyAtItsOffset() {
        // Payment cites the Payments passage, which ends where Refunds begins: Payments is cited, Refunds is not
        String coverage = section("Requirements coverage");
        assertTrue(coverage.contains("| &emsp;Payments | 10 |"));
        assertTrue(coverage.lines().filter(l -> l.contains("&emsp;Payments |")).findFirst().orElseThrow()
                .endsWith("| [`Payment.java`](#srcmainjavacomexampleorderspaymentjava) (line 41) |"));
    }

    @Test
    void withoutThePrdsTextCoverageSaysWhyAndPassagesHaveNoPlace() {
        String md = MarkdownReportWriter.render(ReportFixtures.run());
        assertTrue(md.contains("\n## Requirements coverage\n\nThe PRD's text was not at hand when this report was written "
                + "(`docs/PRD.md` is gone or changed), so its sections are not listed.\n"), md);
        assertTrue(md.contains("| [PRD @409] | – | – | 164 |"));
    }

    @Test
    void eachFileSectionHasItsFindingsTheModelsTextPassagesWithTheirPlaceAndAttempts() {
        String refunds = section(REFUNDS);
        assertTrue(refunds.startsWith("\n## " + REFUNDS + "\n\n**Score:** 6/10 · accepted on attempt 3 "
                + "(ollama-cloud/gpt-oss:120b) · 14.0 s · citations: 4 valid, 0 invalid\n\n### Findings\n"), refunds);
        assertTrue(refunds.contains("| 1 | suggestion | 9 | `refund` | Record the policy version: write it to the audit entry "
                + "| PRD@409 |"));
        assertTrue(refunds.contains("| 3 | gap: missing | – | `sendToOriginalMethod` | refunds are not sent back within five "
                + "days | PRD@409, PLAN@0 |"));
        assertTrue(refunds.contains("\n### Review\n\n**Alignment score: 6/10**\n"), "the model's text under the file");
        assertTrue(refunds.contains("\n#### Suggested changes\n"), "its headings nested below the file's");
        assertTrue(refunds.contains("| [PRD @409] | Refunds | 15 | 164 | 0.810 | – | ### Refunds REF-1."), "heading, offset, line");
        assertTrue(refunds.contains("| [PLAN @0] | Proposal: refunds that remember their policy | 1 | 149 |"));
        assertTrue(refunds.contains("| 1 | ollama/qwen3.5:latest | error | 0 | 0.1 s | http: HTTP 500"));
        assertTrue(section(LEDGER).contains("reviewed in 3 parts, then consolidated"));
        assertTrue(section(CART).contains("· cached, reviewed 2026-11-20T08:30:00Z"));
        assertTrue(section(INVENTORY).contains("**Unresolved:** no rung's answer was accepted (2 calls, 185.3 s)."));
    }

    @Test
    void htmlAModelWroteIsInertOutsideCode() {
        String notes = section(NOTES);
        assertFalse(notes.replaceAll("(?s)```html.*?```", "").contains("<script>"), notes);
        assertTrue(notes.contains("1. &lt;script>window.__pwned = 1&lt;/script> in `notes`"), notes);
        assertTrue(notes.contains("```html\n<script>window.__pwned = 1</script>\n```"), "fenced code is left as it is");
        assertTrue(notes.contains("| `<notes>` |"), "inline code is left as it is");
    }

    @Test
    void aDryRunListsWhatWouldBeSentAndTheCoverageOfWhatWasRetrieved() {
        RunReport full = ReportFixtures.run();
        RunReport dry = RunReport.builder()
                .ranAt(full.ranAt())
                .dryRun(true)
                .reviews(full.reviews())
                .skipped(full.skipped())
                .ladder(full.ladder())
                .embedder(full.embedder())
                .documents(full.documents())
                .totalDurationMs(full.totalDurationMs())
                .build();
        String md = MarkdownReportWriter.render(dry, ReportFixtures.documents());
        assertTrue(md.startsWith("# Scrum review report\n\n**Dry run: 7 file(s) would be reviewed; no model was called.**"));
        assertFalse(md.contains("## Charts") || md.contains("## Ladder") || md.contains("- Ladder:"));
        assertTrue(md.contains("## Requirements coverage"));
        assertTrue(md.indexOf("\n## " + REFUNDS + "\n") < md.indexOf("\n## " + CHECKOUT + "\n"), "as selected");
    }
}
