package dev.scrum.report;

import java.io.IOException;
import java.nio.file.Path;

/** The reports code hosts read, written beside the JSON: {@code scrum.sarif} and {@code gl-code-quality.json}. */
public final class CodeScanningReports {

    private CodeScanningReports() {}

    /**
     * Writes both under {@code jsonDirectory}.
     *
     * @param baseDir the project's base directory, which the run's paths are relative to
     */
    public static void write(Path jsonDirectory, RunReport run, Path baseDir) throws IOException {
        SourceRoot root = SourceRoot.of(baseDir);
        SarifWriter.write(jsonDirectory, run, root);
        GitLabCodeQualityWriter.write(jsonDirectory, run, root);
    }
}
