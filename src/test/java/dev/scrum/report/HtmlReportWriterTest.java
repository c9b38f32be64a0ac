package dev.scrum.report;

import static dev.scrum.report.ReportFixtures.INVENTORY;
import static dev.scrum.report.ReportFixtures.NOTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.chunk.DocumentKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report's structure, its escaping of untrusted text and its being one self-contained file. */
class HtmlReportWriterTest {

    private static final String HTML = HtmlReportWriter.render(ReportFixtures.run(), ReportFixtures.documents());

    private static List<String> all(String regex, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        while (m.find()) {
            found.add(m.groupCount() > 0 ? m.group(1) : m.group());
        }
        return found;
    }

    private static String between(String from, String to) {
        int start = HTML.indexOf(from);
        assertTrue(start >= 0, from);
        return HTML.substring(start, HTML.indexOf(to, start));
    }

    @Test
    void hasTheVerdictATableRowAndACollapsedSectionPerFileInTheReportsOrder() {
        assertTrue(HTML.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertTrue(HTML.contains("<p class=\"verdict fail\" id=\"verdict\">1 of 7 file(s) unresolved: no rung&#39;s answer "
                + "was accepted.</p>"));
        String table = between("<table id=\"file-table\" class=\"sortable\">", "</table>");
        List<String> rows = all("<tr[^>]*><td data-value=\"([^\"]+)\">", table);
        assertEquals(List.of(INVENTORY, ReportFixtures.PAYMENT, NOTES, ReportFixtures.REFUNDS, ReportFixtures.LEDGER,
                ReportFixtures.CART, ReportFixtures.CHECKOUT), rows);
        assertTrue(table.contains("<th scope=\"col\" class=\"num\" data-type=\"number\">Score</th>"), "sortable by number");
        assertTrue(table.contains("<tr class=\"unresolved\" data-status=\"unresolved\" data-search=\""
                + INVENTORY.toLowerCase() + " \">"), "unresolved rows carry their status for the filter");
        assertTrue(table.contains("data-status=\"resolved cached\""));
        assertTrue(table.contains("data-status=\"resolved low\""), "a score of 4 is low");
        assertTrue(table.contains("data-status=\"resolved parts\""));
        List<String> sections = all("<details class=\"file[^\"]*\" id=\"([^\"]+)\">", HTML);
        assertEquals(7, sections.size());
        assertEquals(7, new HashSet<>(sections).size(), "ids are unique");
        for (String id : sections) {
            assertTrue(table.contains("<a href=\"#" + id + "\">"), "the table links to " + id);
        }
        assertFalse(HTML.contains("<details open"), "sections start collapsed");
        assertTrue(HTML.contains("<button type=\"button\" id=\"expand-all\">"));
    }

    @Test
    void hasTheLadderChartsCoverageAndEachFilesDetails() {
        assertTrue(between("<section id=\"ladder\">", "</section>").contains(
                "<td>ollama/qwen3.5:latest</td><td class=\"num\">4</td><td class=\"num\">6</td><td>2 error, 1 ungrounded</td>"));
        String charts = between("<section id=\"charts\">", "</section>");
        assertEquals(2, all("<svg class=\"chart\"", charts).size());
        assertEquals(10, all("<g class=\"bar (?:low|mid|high)\">", charts.substring(0, charts.indexOf("</svg>"))).size(),
                "a column per score");
        assertTrue(charts.contains("<title>score 4: 1 file(s)</title>"));
        assertTrue(charts.contains("<title>#1 ollama/qwen3.5:latest: 4 file(s)</title>"));
        String coverage = between("<table id=\"coverage-table\">", "</table>");
        assertEquals(8, all("<tr(?: class=\"uncovered\")?><td class=\"lvl", coverage).size(), "every PRD section");
        assertEquals(3, all("<tr class=\"uncovered\">", coverage).size());
        assertTrue(coverage.contains("<td class=\"lvl3\">Refunds</td><td class=\"num\">15</td>"));
        assertTrue(between("<ul id=\"uncovered\">", "</ul>").contains("<li>Loyalty points <span class=\"muted\">(line 28)"));
        String refunds = between("<details class=\"file\" id=\"file-srcmainjavacomexampleordersrefundsjava\">", "</details>");
        assertTrue(refunds.contains("<h3>Findings</h3>"));
        assertTrue(refunds.contains("<td class=\"num\">9</td><td><code>refund</code></td><td><strong>Record the policy "
                + "version</strong>: write it to the audit entry</td><td>PRD@409</td>"));
        assertTrue(refunds.contains("<h3>Review</h3>\n<div class=\"answer\">\n<p><strong>Alignment score: 6/10</strong></p>"));
        assertTrue(refunds.contains("<h4>Suggested changes</h4>"), "the model's headings below the section's");
        assertTrue(refunds.contains("<td><code>[PRD @409]</code></td><td>Refunds</td><td class=\"num\">15</td>"));
        assertTrue(refunds.contains("<td>error</td>"));
        assertTrue(HTML.contains("Too large for the ladder&#39;s smallest context window: reviewed in 3 parts"));
    }

    @Test
    void untrustedTextIsEscapedAndCannotRun() {
        assertEquals(1, all("<script", HTML).size(), "the page's own script only");
        assertTrue(all("<[a-z]+[^>]*\\son[a-z]+\\s*=", HTML).isEmpty(), "no event handler attribute anywhere");
        assertFalse(HTML.contains("<img") || HTML.contains("<svg onload") || HTML.contains("href=\"javascript"));
        String notes = between("id=\"file-srcmainjavacomexampleordersnotesjava\"", "</details>");
        assertTrue(notes.contains("<li>&lt;script&gt;window.__pwned = 1&lt;/script&gt; in <code>notes</code>"), notes);
        assertTrue(notes.contains("<li>&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt; and <strong>bold</strong> "
                + "and <em>emphasis</em>"));
        assertTrue(notes.contains("<li>[a link](javascript:window.__pwned=3)"), "links stay text");
        assertTrue(notes.contains("<pre><code>&lt;script&gt;window.__pwned = 1&lt;/script&gt;\n</code></pre>"));
        assertTrue(notes.contains("<code>&lt;notes&gt;</code>"));
        assertTrue(notes.contains("<strong>&quot;&gt;&lt;svg onload=&quot;window.__pwned = 5&quot;&gt;</strong>"));
    }

    @Test
    void isOneSelfContainedFileWhoseScriptAndStyleRunByTheirHashesOnly() {
        assertTrue(all("<[a-zA-Z][^>]*\\s(?:src|srcset|action|formaction|poster|data)\\s*=", HTML).isEmpty(), "nothing loaded");
        assertTrue(all("href=\"([^\"]*)\"", HTML).stream().allMatch(h -> h.startsWith("#")), "in-page links only");
        assertFalse(HTML.contains("<link") || HTML.contains("@import") || HTML.contains("url(")
                || HTML.contains("http://") || HTML.contains("https://"));
        String script = between("<script>", "</script>").substring("<script>".length());
        String style = between("<style>", "</style>").substring("<style>".length());
        assertTrue(HTML.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '"
                + HtmlReportWriter.sha256(style) + "'; script-src '" + HtmlReportWriter.sha256(script) + "';"));
        assertEquals(1, all("<style", HTML).size());
        assertTrue(all("\\sstyle=", HTML).isEmpty(), "no style attributes: the policy would block them");
    }

    @Test
    void aDryRunAndAnEmptyRunHaveTheirOwnPage() {
        RunReport full = ReportFixtures.run();
        String dry = HtmlReportWriter.render(RunReport.builder()
                        .ranAt(full.ranAt())
                        .dryRun(true)
                        .reviews(full.reviews())
                        .ladder(full.ladder())
                        .embedder(full.embedder())
                        .documents(full.documents())
                        .totalDurationMs(10)
                        .build(),
                ReportDocuments.none());
        assertTrue(dry.contains("<p class=\"verdict dry\" id=\"verdict\">Dry run: 7 file(s) would be reviewed; no model was "
                + "called.</p>"));
        assertFalse(dry.contains("id=\"status-filter\"") || dry.contains("id=\"charts\""));
        assertTrue(dry.contains("<th scope=\"col\" class=\"num\" data-type=\"number\">Prompt characters</th>"));
        assertTrue(dry.contains("is gone or changed), so its sections are not listed."));
        String empty = HtmlReportWriter.render(RunReport.builder()
                        .ranAt(Instant.EPOCH)
                        .reviews(List.of())
                        .ladder(List.of("ollama/m"))
                        .embedder("local")
                        .documents(List.of())
                        .totalDurationMs(0)
                        .build(),
                ReportDocuments.none());
        assertTrue(empty.contains("<p>No file was selected for review.</p>"));
        assertFalse(empty.contains("<details"));
    }

    @Test
    void aModelsMarkdownIsRenderedInASafeSubset() {
        assertEquals("<h4>Title</h4>\n<h5>Sub <code>x&lt;y</code></h5>\n<p>one <em>two</em>\nthree <strong>four</strong></p>\n"
                + "<ul>\n<li>a</li>\n<li>b continued</li></ul>\n<ol>\n<li>first</li></ol>\n",
                SafeMarkdown.toHtml("## Title\n### Sub `x<y`\n\none *two*\nthree __four__\n\n- a\n- b\n  continued\n1. first",
                        4));
        assertEquals("<pre class=\"md-table\">| a | &lt;b&gt; |\n|---|---|\n</pre>\n", SafeMarkdown.toHtml("| a | <b> |\n|---|---|", 4));
        assertEquals("<pre><code>&lt;/code&gt;&lt;script&gt;\n</code></pre>\n", SafeMarkdown.toHtml("```\n</code><script>\n```", 4));
        assertEquals("<p>&lt;b onclick=&quot;x()&quot;&gt;<strong>&amp;amp;</strong>&lt;/b&gt; snake_case_name a*b*c</p>\n",
                SafeMarkdown.toHtml("<b onclick=\"x()\">**&amp;**</b> snake_case_name a*b*c", 4));
        assertEquals("&lt;&gt;&amp;&quot;&#39;\uFFFD\n", Html.esc("<>&\"'\u0000\n"));
    }

    @Test
    void reportFilesWritesBothReportsAndTheDocumentsAreReadBackOnlyWhenUnchanged(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("scrum-report.md");
        ReportFormats.writeAll(ReportFixtures.run(), new ReportContext(new ReportLayout(dir), ReportFixtures.documents(),
                dir, null));
        assertEquals(dir.resolve("scrum-report.html"), new ReportLayout(dir).html());
        assertTrue(Files.readString(md).contains("## Requirements coverage"));
        assertEquals(HTML, Files.readString(dir.resolve("scrum-report.html")));

        Path prd = Files.writeString(dir.resolve("PRD.md"), ReportFixtures.PRD);
        String path = prd.toString();
        assertEquals(ReportFixtures.PRD, ReportDocuments.read(List.of(new DocumentInfo("PRD", path,
                ReportFixtures.PRD.length(), 9))).text(DocumentKind.PRD));
        assertNull(ReportDocuments.read(List.of(new DocumentInfo("PRD", path, 12, 1))).text(DocumentKind.PRD),
                "a PRD that changed since the run is not this run's");
        assertNull(ReportDocuments.read(List.of(new DocumentInfo("PRD", dir.resolve("gone.md").toString(), 12, 1)))
                .text(DocumentKind.PRD));
        assertNull(ReportDocuments.read(List.of(new DocumentInfo("PROPOSAL", path, ReportFixtures.PRD.length(), 9)))
                .text(DocumentKind.PRD), "read as what it was");
    }
}
