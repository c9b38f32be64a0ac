package dev.scrum.report;

import java.nio.file.Path;

/**
 * Where a run's reports go under its output directory: every file name, once (SPEC.md's "Files written").
 *
 * @param outputDirectory the {@code outputDirectory} parameter's directory, {@code target/} by default
 */
public record ReportLayout(Path outputDirectory) {

    public static final String MARKDOWN = "scrum-report.md";
    public static final String HTML = "scrum-report.html";
    public static final String JSON_DIRECTORY = "scrum";
    public static final String SUMMARY = "summary.json";
    public static final String SARIF = "scrum.sarif";
    public static final String GITLAB_CODE_QUALITY = "gl-code-quality.json";

    /** {@code scrum-report.md}, the report a person reads. */
    public Path markdown() {
        return outputDirectory.resolve(MARKDOWN);
    }

    public Path html() {
        return outputDirectory.resolve(HTML);
    }

    /** {@code scrum/}, where the JSON and the code-scanning reports go. */
    public Path jsonDirectory() {
        return outputDirectory.resolve(JSON_DIRECTORY);
    }

    public Path summary() {
        return jsonDirectory().resolve(SUMMARY);
    }

    /** {@code scrum/review_<path with / replaced by _>.json}. */
    public Path review(String file) {
        return jsonDirectory().resolve(reviewFileName(file));
    }

    public Path sarif() {
        return jsonDirectory().resolve(SARIF);
    }

    public Path gitlabCodeQuality() {
        return jsonDirectory().resolve(GITLAB_CODE_QUALITY);
    }

    /** {@code review_<path with / replaced by _>.json}. */
    public static String reviewFileName(String file) {
        return "review_" + file.replace('/', '_').replace('\\', '_') + ".json";
    }

    /** The layout whose {@code scrum/} directory is {@code jsonDirectory}. */
    public static ReportLayout ofJsonDirectory(Path jsonDirectory) {
        Path parent = jsonDirectory.toAbsolutePath().getParent();
        return new ReportLayout(parent);
    }
}
