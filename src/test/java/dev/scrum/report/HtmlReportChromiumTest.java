package dev.scrum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scrum.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser: Debian's headless Chromium opens {@code target/chromium/scrum-report.html}
 * (a realistic run, {@link ReportFixtures}) and the test clicks, types and reads the rendered page as a reader
 * would. Skipped where {@code /usr/bin/chromium} is not installed ({@code .ci/run} installs it). Leaves
 * screenshots under {@code target/chromium/}.
 */
@Tag("browser")
class HtmlReportChromiumTest {

    private static final Path DIR = Path.of("target", "chromium");
    private static final Path PAGE = DIR.resolve("scrum-report.html");
    private static final String ROWS = "Array.from(document.querySelectorAll('#file-table tbody tr'))";
    private static final String VISIBLE_FILES = ROWS + ".filter(r => r.checkVisibility()).map(r => r.cells[0].dataset.value)";
    private static final String REFUNDS = "#file-srcmainjavacomexampleordersrefundsjava";

    private static HeadlessChromium chromium;

    /** Each test skipped, not failed, without the browser; the browser started once, for the first test. */
    @BeforeEach
    void freshPage() throws Exception {
        assumeTrue(HeadlessChromium.available(), "no " + HeadlessChromium.BINARY + ": apt-get install chromium");
        if (chromium == null) {
            HtmlReportWriter.write(new ReportLayout(DIR).html(), ReportFixtures.run(), ReportFixtures.documents());
            chromium = HeadlessChromium.start(1280, 900);
            chromium.open(PAGE);
            Files.write(DIR.resolve("scrum-report.png"), chromium.screenshot());
        }
        chromium.open(PAGE);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    private List<String> strings(String expression) {
        return HeadlessChromium.strings(chromium.eval(expression));
    }

    private String text(String expression) {
        return chromium.eval(expression).getAsString();
    }

    @Test
    void theReportRendersWithEveryFileItsScriptRunningAndNothingBlockedOrPlantedRunning() {
        assertEquals("1 of 7 file(s) unresolved: no rung's answer was accepted.",
                text("document.getElementById('verdict').textContent"));
        assertEquals(List.of(ReportFixtures.INVENTORY, ReportFixtures.PAYMENT, ReportFixtures.NOTES, ReportFixtures.REFUNDS,
                ReportFixtures.LEDGER, ReportFixtures.CART, ReportFixtures.CHECKOUT), strings(VISIBLE_FILES));
        assertEquals("7 of 7 files shown", text("document.getElementById('file-count').textContent"),
                "the page's script ran under its Content-Security-Policy");
        assertEquals("undefined", text("typeof window.__pwned"), "no planted script or handler ran");
        assertEquals(1, chromium.eval("document.scripts.length").getAsInt());
        assertTrue(chromium.eval("document.querySelector('#file-srcmainjavacomexampleordersnotesjava').textContent"
                + ".includes('" + ReportFixtures.PLANTED_SCRIPT.replace("'", "\\'") + "')").getAsBoolean(),
                "the planted markup is shown as text");
        assertEquals(2, chromium.eval("document.querySelectorAll('svg.chart').length").getAsInt());
        assertTrue(chromium.eval("document.querySelector('svg.chart').getBoundingClientRect().height > 100").getAsBoolean(),
                "the charts are drawn");
        assertEquals(List.of(), chromium.errors(), "no script error, no blocked resource");
    }

    @Test
    void clickingAHeaderSortsTheTableAndClickingAgainReversesIt() {
        chromium.click("#file-table thead th:nth-child(2)");
        assertEquals("ascending", text("document.querySelector('#file-table thead th:nth-child(2)').getAttribute('aria-sort')"));
        assertEquals(List.of("", "4", "5", "6", "7", "8", "9"), strings(ROWS + ".map(r => r.cells[1].dataset.value)"),
                "unresolved (no score) first, then by score");
        chromium.click("#file-table thead th:nth-child(2)");
        assertEquals(List.of("9", "8", "7", "6", "5", "4", ""), strings(ROWS + ".map(r => r.cells[1].dataset.value)"));
        chromium.click("#file-table thead th:nth-child(1)");
        List<String> files = strings(VISIBLE_FILES);
        assertEquals(files.stream().sorted(Comparator.comparing(String::toLowerCase)).toList(), files, "by path");
        chromium.click("#file-table thead th:nth-child(6)");
        assertEquals(List.of("3000", "5000", "6100", "14020", "14500", "21000", "185300"),
                strings(ROWS + ".map(r => r.cells[5].dataset.value)"), "time sorts as a number, not as text");
    }

    @Test
    void typingInTheFilterAndChoosingAStatusHideTheOtherRows() throws Exception {
        chromium.click("#file-filter");
        chromium.type("ledger");
        assertEquals(List.of(ReportFixtures.LEDGER), strings(VISIBLE_FILES));
        assertEquals("1 of 7 files shown", text("document.getElementById('file-count').textContent"));
        chromium.eval("(() => { const f = document.getElementById('file-filter'); f.value = '';"
                + " f.dispatchEvent(new Event('input')); })()");
        chromium.type("gpt-oss");
        assertEquals(List.of(ReportFixtures.PAYMENT, ReportFixtures.REFUNDS), strings(VISIBLE_FILES), "by model too");
        chromium.eval("(() => { const f = document.getElementById('file-filter'); f.value = '';"
                + " f.dispatchEvent(new Event('input')); })()");

        for (var wanted : List.of(List.of("unresolved", ReportFixtures.INVENTORY), List.of("cached", ReportFixtures.CART),
                List.of("low", ReportFixtures.PAYMENT), List.of("parts", ReportFixtures.LEDGER))) {
            chromium.eval("(() => { const s = document.getElementById('status-filter'); s.value = '" + wanted.get(0)
                    + "'; s.dispatchEvent(new Event('change')); })()");
            assertEquals(wanted.subList(1, 2), strings(VISIBLE_FILES), wanted.get(0));
        }
        chromium.eval("(() => { const s = document.getElementById('status-filter'); s.value = 'resolved';"
                + " s.dispatchEvent(new Event('change')); })()");
        assertEquals(6, strings(VISIBLE_FILES).size());

        chromium.click("#uncovered-only");
        assertEquals(List.of("Tracking ⚠", "Loyalty points ⚠", "Appendix: examples ⚠"),
                strings("Array.from(document.querySelectorAll('#coverage-table tbody tr')).filter(r => r.checkVisibility())"
                        + ".map(r => r.cells[0].textContent)"));
        Files.write(DIR.resolve("scrum-report-filtered.png"), chromium.screenshot());
    }

    @Test
    void fileSectionsStartCollapsedAndOpenAndCloseOnAClick() throws Exception {
        String body = "document.querySelector('" + REFUNDS + " > .file-body')";
        assertEquals(false, chromium.eval(body + ".checkVisibility()").getAsBoolean(), "collapsed at first");
        chromium.click(REFUNDS + " > summary");
        assertEquals(true, chromium.eval(body + ".checkVisibility()").getAsBoolean());
        assertTrue(text(body + ".innerText").contains("Record the policy version"));
        chromium.click(REFUNDS + " > summary");
        assertEquals(false, chromium.eval(body + ".checkVisibility()").getAsBoolean(), "collapsed again");

        chromium.click("#expand-all");
        assertEquals(7, chromium.eval("document.querySelectorAll('details.file[open]').length").getAsInt());
        chromium.click("#collapse-all");
        assertEquals(0, chromium.eval("document.querySelectorAll('details.file[open]').length").getAsInt());

        chromium.click("#file-table a[href='#file-srcmainjavacomexampleorderspaymentjava']");
        chromium.waitUntil("document.querySelector('#file-srcmainjavacomexampleorderspaymentjava').open");
        chromium.click(REFUNDS + " > summary");
        Files.write(DIR.resolve("scrum-report-open.png"), chromium.screenshot());
    }
}
