package dev.scrum.report;

import java.nio.file.Path;

/**
 * What the report formats need besides the run: where the files go, the documents' text (for the sections
 * the reports quote), the project's base directory (code-scanning reports name files relative to the
 * repository) and the CI's step-summary file, if any.
 *
 * @param layout where each file goes
 * @param documents the PRD's and the proposal's text, or {@link ReportDocuments#none()}
 * @param baseDir the project's base directory, which the run's paths are relative to
 * @param stepSummary the file a CI step's markdown summary is appended to ({@code $GITHUB_STEP_SUMMARY}), or
 *     {@code null} outside such a CI
 */
public record ReportContext(ReportLayout layout, ReportDocuments documents, Path baseDir, Path stepSummary) {}
