package dev.scrum.report;

import java.io.IOException;
import java.nio.file.Path;

/** One form a run's report is written in; {@link ReportFormats#ALL} lists them all, once. */
public interface ReportFormat {

    /** What it is, for the build log: {@code Markdown report}, {@code SARIF}, ... */
    String name();

    /** Where this run's report goes, or {@code null} when this run writes none (no step summary outside CI). */
    Path target(ReportContext context);

    /** Writes the report to {@code target}. */
    void write(RunReport run, ReportContext context, Path target) throws IOException;

    /**
     * Whether a failure to write it is only a warning: a CI's step summary is a convenience, while the files
     * under {@code outputDirectory} are what the gate and its users read.
     */
    default boolean optional() {
        return false;
    }
}
