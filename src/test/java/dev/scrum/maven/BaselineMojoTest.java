package dev.scrum.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineMojoTest {

    @TempDir
    Path tmp;

    @Test
    void skipWritesNoBaselineAndLogsOneLine() throws Exception {
        BaselineMojo mojo = new BaselineMojo();
        mojo.skip = true;
        mojo.outputDirectory = tmp.resolve("target").toFile();
        mojo.baselineFile = tmp.resolve("scrum-baseline.json").toFile();
        List<String> infos = LogLines.infos(mojo);

        mojo.execute();

        assertEquals(List.of("Skipping the baseline (scrum.skip=true)"), infos);
        assertFalse(tmp.resolve("scrum-baseline.json").toFile().exists(), "nothing is written");
    }
}
