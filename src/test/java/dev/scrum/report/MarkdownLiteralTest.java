package dev.scrum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File names with Markdown characters cannot break the Markdown report's headings, tables and links (issue 22). */
class MarkdownLiteralTest {

    static final String WEIRD = "src/a|b_*c*`d`[x](y)<i>#.java";
    /** A table row's cells: split on each {@code |} that no backslash escapes. */
    private static final Pattern CELL_BORDER = Pattern.compile("(?<!\\\\)\\|");

    @TempDir
    Path dir;

    @Test
    void asTextEveryMarkupCharacterIsEscaped() {
        assertEquals("src/a\\|b\\_\\*c\\*\\`d\\`\\[x\\](y)\\<i\\>\\#.java", MarkdownLiteral.text(WEIRD));
        assertEquals("src/plain/Name.java", MarkdownLiteral.text("src/plain/Name.java"), "ordinary names unchanged");
        assertEquals("a\\\\nb\\\\r", MarkdownLiteral.text("a\nb\r"), "line breaks shown, never taken");
    }

    @Test
    void asCodeTheFenceOutrunsTheNamesBackticks() {
        assertEquals("`src/A.java`", MarkdownLiteral.code("src/A.java"));
        assertEquals("``src/a|b_*c*`d`[x](y)<i>#.java``", MarkdownLiteral.code(WEIRD));
        assertEquals("``` ``a`` ```", MarkdownLiteral.code("``a``"));
        assertEquals("``src/a\\|b_*c*`d`[x](y)<i>#.java``", MarkdownLiteral.cell(WEIRD));
        assertEquals("`a\\nb\\u0007`", MarkdownLiteral.code("a\nb\u0007"));
    }

    private static RunReport weirdRun(Path dir) {
        RunReport run = FindingFixtures.run(dir);
        List<FileReview> renamed = run.reviews().stream()
                .map(r -> r.file().equals(FindingFixtures.ORDERS) ? r.toBuilder().file(WEIRD + "\nsecond").build() : r)
                .toList();
        return run.toBuilder().reviews(renamed)
                .skipped(List.of(new SkippedFile("src/Weird_*name*|x.bin", "binary: it contains NUL bytes"))).build();
    }

    @Test
    void theReportsHeadingsTablesAndLinksStayIntact() {
        String md = MarkdownReportWriter.render(weirdRun(dir));
        assertTrue(md.contains("\n## src/a\\|b\\_\\*c\\*\\`d\\`\\[x\\](y)\\<i\\>\\#.java\\\\nsecond\n"), md);
        String row = md.lines().filter(l -> l.startsWith("| [``src/a")).findFirst().orElseThrow();
        assertTrue(row.startsWith("| [``src/a\\|b_*c*`d`[x](y)<i>#.java\\nsecond``](#srcab_cdxyijavansecond) | 7/10 |"),
                row);
        assertEquals(9, CELL_BORDER.split(row, -1).length, "7 cells between 8 borders: " + row);
        String header = md.lines().filter(l -> l.startsWith("| File | Score |")).findFirst().orElseThrow();
        assertEquals(CELL_BORDER.split(header, -1).length, CELL_BORDER.split(row, -1).length);
        assertTrue(md.contains("| `src/Weird_*name*\\|x.bin` | binary: it contains NUL bytes |\n"), md);
        assertFalse(md.contains("\nsecond"), "a line break in a name starts no line");
    }

    @Test
    void theStepSummaryTableStaysIntact() {
        String md = StepSummary.render(weirdRun(dir), Path.of("/ws/target/scrum-report.md"));
        String row = md.lines().filter(l -> l.startsWith("| ``src/a")).findFirst().orElseThrow();
        assertTrue(row.startsWith("| ``src/a\\|b_*c*`d`[x](y)<i>#.java\\nsecond`` | 7/10 |"), row);
        assertEquals(11, CELL_BORDER.split(row, -1).length, "9 cells between 10 borders: " + row);
    }

    @Test
    void theHtmlReportEscapesTheNameToo() {
        String html = HtmlReportWriter.render(weirdRun(dir), ReportDocuments.none());
        assertFalse(html.contains("<i>#.java"), "no element opened by a name");
        assertTrue(html.contains("src/a|b_*c*`d`[x](y)&lt;i&gt;#.java"), "shown as written");
    }
}
