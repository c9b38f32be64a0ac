package dev.scrum.report;

import java.io.IOException;
import java.nio.file.Path;

/** The human-readable reports of a run: {@code scrum-report.md} and, beside it, {@code scrum-report.html}. */
public final class ReportFiles {

    private ReportFiles() {}

    /** Writes the markdown report to {@code reportFile} and the HTML report beside it, each atomically. */
    public static void write(Path reportFile, RunReport run, ReportDocuments documents) throws IOException {
        MarkdownReportWriter.write(reportFile, run, documents);
        HtmlReportWriter.write(htmlFile(reportFile), run, documents);
    }

    /** {@code scrum-report.html} beside {@code scrum-report.md}. */
    public static Path htmlFile(Path reportFile) {
        String name = reportFile.getFileName().toString();
        return reportFile.resolveSibling((name.endsWith(".md") ? name.substring(0, name.length() - 3) : name) + ".html");
    }
}
