package dev.scrum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepSummaryTest {

    @TempDir
    Path dir;

    @Test
    void theVerdictAndATableWithUnresolvedFilesFirst() {
        String md = StepSummary.render(FindingFixtures.run(dir), Path.of("/ws/target/scrum-report.md"));
        assertTrue(md.startsWith("## Scrum review\n\n**1 of 2 file(s) unresolved.** 5 gap(s).\n\n"
                + "**New gaps, the most severe first**\n\n- `" + FindingFixtures.ORDERS + ":44` contradicts: "), md);
        assertTrue(md.contains("**Unresolved files**\n\n- `src/main/java/shop/Ledger.java`: 1 answer(s), none accepted "
                + "by the checks (last: too short)\n\n| File |"), md);
        assertTrue(md.contains("| File | Score | Accepted on | Model | Attempts | Time | Tokens | Gaps | Findings |\n"), md);
        int ledger = md.indexOf("| `src/main/java/shop/Ledger.java` | – | **unresolved** | – | 1 | 1.0 s | 810 | 0 | 0 |");
        int orders = md.indexOf("| `src/main/java/shop/Orders.java` | 7/10 | attempt 1 | ollama/qwen-test | 1 | 2.0 s | 1200 | 5 | 7 |");
        assertTrue(ledger > 0 && orders > ledger, md);
        assertTrue(md.endsWith("Full report: `scrum-report.md` (/ws/target/scrum-report.md).\n\n"), md);
    }

    @Test
    void baselineMarksAreCounted() {
        RunReport run = FindingFixtures.run(dir);
        Baseline baseline = new Baseline(dir.resolve("b.json"), Set.of(Fingerprint.of(FindingFixtures.ORDERS,
                FindingFixtures.ordersFindings().get(2))));
        String md = StepSummary.render(baseline.mark(run), Path.of("r.md"));
        assertTrue(md.contains("4 gap(s) not in the baseline, 1 known finding(s)."), md);
        assertTrue(md.contains("| 5 | 7 (6 new, 1 known) |"), md);
    }

    @Test
    void appendingKeepsWhatTheFileHeld() throws IOException {
        Path summary = dir.resolve("step/summary.md");
        Files.createDirectories(summary.getParent());
        Files.writeString(summary, "# Earlier step\n\n");
        StepSummary.append(summary, FindingFixtures.run(dir), Path.of("r.md"));
        StepSummary.append(summary, FindingFixtures.run(dir), Path.of("r.md"));
        String text = Files.readString(summary);
        assertTrue(text.startsWith("# Earlier step\n\n## Scrum review\n"), text);
        assertEquals(2, text.split("## Scrum review", -1).length - 1);
    }
}
