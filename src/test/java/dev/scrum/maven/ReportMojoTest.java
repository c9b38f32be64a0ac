package dev.scrum.maven;

import static dev.scrum.report.FindingFixtures.LEDGER;
import static dev.scrum.report.FindingFixtures.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.report.Finding;
import dev.scrum.report.FindingFixtures;
import dev.scrum.report.GateDecision;
import dev.scrum.report.ReportLayout;
import dev.scrum.report.ReportPage;
import dev.scrum.report.RunReport;
import dev.scrum.review.ShardMerger;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scrum:report}: the site's page from the review's JSON, rendered through Doxia's XHTML5 sink (issue 21). */
class ReportMojoTest {

    private static final String LOW = "1 file(s) scored below minScore 8: " + ORDERS + " (7/10)";
    private static final String UNRESOLVED = "1 of 2 file(s) unresolved (no rung's answer was accepted): " + LEDGER;
    /** Planted in a gap: must reach the page as text. */
    private static final String PLANTED = "<script>alert(1)</script>";

    @TempDir
    Path tmp;

    private final ReportMojo mojo = new ReportMojo();

    @BeforeEach
    void project() {
        mojo.reviewDirectory = tmp.resolve("target").toFile();
    }

    private void review(RunReport run) throws Exception {
        ShardMerger.write(run, tmp.resolve("target"), tmp, null);
    }

    private static String html(ReportPage page) {
        StringWriter out = new StringWriter();
        ReportPageSink.render(page, new Xhtml5BaseSink(out));
        return out.toString();
    }

    @Test
    void thePageOpensWithTheFailedGateThenNamesEachFileWithItsScoreGapsAndTheUnresolvedFile() throws Exception {
        List<Finding> findings = new ArrayList<>(FindingFixtures.ordersFindings());
        findings.add(FindingFixtures.gap("missing", "No audit trail " + PLANTED, "audit", 80));
        review(FindingFixtures.run(tmp, findings).toBuilder().gate(new GateDecision(GateDecision.Outcome.FAILED,
                List.of(UNRESOLVED, LOW), List.of(), List.of())).build());
        List<String> infos = LogLines.infos(mojo);

        String html = html(mojo.page());

        int title = html.indexOf("Scrum review</h1>");
        int gate = html.indexOf("<b>Gate failed</b>");
        assertTrue(title > 0 && gate > title, html);
        assertEquals(-1, html.substring(title + "Scrum review</h1>".length(), gate).replaceAll("<[^>]*>|\\s", "")
                .indexOf('a'), "nothing stands between the title and the decision: " + html);
        assertTrue(html.indexOf("<li>" + UNRESOLVED + "</li>") > gate, html);
        assertTrue(html.indexOf("<b>Verdict:</b>") > html.indexOf(LOW), html);
        // the file table: each file with its score and its gaps, the unresolved one first
        assertTrue(html.contains("<td>" + LEDGER + "</td>\n<td>unresolved</td>"), html);
        assertTrue(html.contains("<td>" + ORDERS + "</td>\n<td>7/10</td>"), html);
        assertTrue(html.contains("<td>gap: missing</td>"), html);
        assertTrue(html.contains("Orders cannot be cancelled."), html);
        assertTrue(html.contains("Unresolved files</h2>"), html);
        assertTrue(html.contains("<li>" + LEDGER + ": no rung&apos;s answer was accepted")
                || html.contains("<li>" + LEDGER + ": no rung's answer was accepted"), html);
        // a finding's markup is text
        assertFalse(html.contains(PLANTED), html);
        assertTrue(html.contains("No audit trail &lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertEquals(List.of("Scrum review page from " + tmp.resolve("target/scrum") + ": 2 file(s), Gate failed: "
                + UNRESOLVED + ". " + LOW + "."), infos);
    }

    @Test
    void withoutAReviewThePageSaysToRunTheReviewAndTheSiteGoesOn() {
        List<String> warnings = LogLines.warnings(mojo);

        String html = html(mojo.page());

        Path summary = tmp.resolve("target/scrum/summary.json");
        assertTrue(html.contains("No Scrum review was written yet: " + summary + " does not exist. Run mvn "
                + "scrum:review"), html);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("No Scrum review to show: " + summary + " does not exist"), warnings.get(0));
    }

    @Test
    void anUnreadableReviewIsSaidOnThePageWithTheFix() throws Exception {
        Path json = new ReportLayout(tmp.resolve("target")).jsonDirectory();
        Files.createDirectories(json);
        Files.writeString(json.resolve(ReportLayout.SUMMARY), "{ not json");
        List<String> warnings = LogLines.warnings(mojo);

        String html = html(mojo.page());

        assertTrue(html.contains("The review under " + json + " cannot be read ("), html);
        assertTrue(warnings.get(0).endsWith("run mvn scrum:review again to write it afresh"), warnings.get(0));
    }

    @Test
    void itNeverWritesItsPageOverTheReviewsOwnHtmlReport() throws Exception {
        review(FindingFixtures.run(tmp));
        mojo.setReportOutputDirectory(tmp.resolve("target").toFile());

        MavenReportException e = assertThrows(MavenReportException.class, mojo::canGenerateReport);

        assertTrue(e.getMessage().startsWith("scrum:report would write its page over the review's own "
                + "scrum-report.html in " + tmp.resolve("target") + ": its <outputDirectory> is where scrum:review "
                + "wrote"), e.getMessage());
        assertTrue(e.getMessage().endsWith("point the page at the review with <reviewDirectory> "
                + "(scrum.outputDirectory)"), e.getMessage());
    }

    @Test
    void itIsTheSitesScrumReviewProjectReportAndSkipLeavesItOut() throws Exception {
        mojo.setReportOutputDirectory(tmp.resolve("target/site").toFile());
        assertEquals("scrum-report", mojo.getOutputName());
        assertEquals("Scrum review", mojo.getName(Locale.ROOT));
        assertEquals(MavenReport.CATEGORY_PROJECT_REPORTS, mojo.getCategoryName());
        assertTrue(mojo.canGenerateReport());
        mojo.skip = true;
        List<String> infos = LogLines.infos(mojo);
        assertFalse(mojo.canGenerateReport());
        assertEquals(List.of("Skipping the Scrum review page (scrum.skip=true)"), infos);
    }
}
