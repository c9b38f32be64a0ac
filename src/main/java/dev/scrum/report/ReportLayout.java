package dev.scrum.report;

import java.nio.charset.StandardCharsets;
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

    /** {@code scrum/}{@link #reviewFileName(String)}. */
    public Path review(String file) {
        return jsonDirectory().resolve(reviewFileName(file));
    }

    public Path sarif() {
        return jsonDirectory().resolve(SARIF);
    }

    public Path gitlabCodeQuality() {
        return jsonDirectory().resolve(GITLAB_CODE_QUALITY);
    }

    /**
     * {@code review_<path with / replaced by _>-<hash>.json}: the readable form alone would give {@code a_b/C.java}
     * and {@code a/b_C.java} one name, so the first 8 hex digits of a SHA-256 of the exact path ({@link Fingerprint}'s)
     * follow it. The readable form keeps at most {@value #READABLE_BYTES} bytes (its end, the file's name), so that
     * a deep path still makes a name the file system takes; the hash tells such names apart.
     */
    public static String reviewFileName(String file) {
        String readable = file.replace('/', '_').replace('\\', '_');
        while (readable.getBytes(StandardCharsets.UTF_8).length > READABLE_BYTES) {
            readable = readable.substring(readable.offsetByCodePoints(0, 1));
        }
        return "review_" + readable + "-" + Fingerprint.hash(file).substring(0, 8) + ".json";
    }

    /** Bytes (UTF-8) of the readable form at most: with the rest, a name within the usual 255-byte limit. */
    private static final int READABLE_BYTES = 200;

    /** The layout whose {@code scrum/} directory is {@code jsonDirectory}. */
    public static ReportLayout ofJsonDirectory(Path jsonDirectory) {
        Path parent = jsonDirectory.toAbsolutePath().getParent();
        return new ReportLayout(parent);
    }
}
