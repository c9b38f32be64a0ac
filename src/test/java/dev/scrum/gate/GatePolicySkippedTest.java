package dev.scrum.gate;

import static dev.scrum.report.FindingFixtures.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.report.FindingFixtures;
import dev.scrum.report.GateDecision;
import dev.scrum.report.RunReport;
import dev.scrum.report.SkippedFile;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Nothing a change puts in the tree skips the gate (issue 22): a selected file left unreviewed counts. */
class GatePolicySkippedTest {

    private static final SkippedFile BINARY = new SkippedFile("src/A.java", "binary: it contains NUL bytes");
    private static final SkippedFile LARGE = new SkippedFile("src/B.java",
            "too large: 2048 bytes, more than maxFileBytes (1000)");
    private static final SkippedFile EMPTY = new SkippedFile("src/Empty.java", "empty: 0 bytes, nothing to review");

    /** The fixtures' run with only its accepted review (ORDERS, 7/10) and these skipped files. */
    private static RunReport run(SkippedFile... skipped) {
        RunReport run = FindingFixtures.run(Path.of("/ws"));
        return run.toBuilder().reviews(run.reviews().stream().filter(r -> r.file().equals(ORDERS)).toList())
                .skipped(List.of(skipped)).build();
    }

    @Test
    void skippedFilesFailTheGateByDefaultNamingEachFileAndWhy() {
        GateDecision d = GatePolicy.DEFAULT.decide(run(BINARY, LARGE));
        assertEquals(GateDecision.Outcome.FAILED, d.outcome());
        assertEquals(List.of("2 selected file(s) were not reviewed (failOnSkipped): src/A.java (binary: it contains "
                + "NUL bytes), src/B.java (too large: 2048 bytes, more than maxFileBytes (1000)); list a file in "
                + "<excludes> to leave it out of the review on purpose"), d.failures());
        assertEquals(d, new GatePolicy(true, 0, Set.of(), true).decide(run(BINARY, LARGE)),
                "the four-parameter policy keeps failOnSkipped's default");
    }

    @Test
    void withoutFailOnSkippedItIsAWarningAndTheGatePasses() {
        GateDecision d = new GatePolicy(true, 0, Set.of(), true, false).decide(run(BINARY));
        assertEquals(GateDecision.Outcome.PASSED, d.outcome());
        assertEquals(List.of("1 selected file(s) were not reviewed (failOnSkipped): src/A.java (binary: it contains "
                + "NUL bytes); not failing the build (failOnSkipped=false)"), d.warnings());
    }

    @Test
    void anEmptyFileHasNothingToReviewSoItIsOnlyNoted() {
        GateDecision d = GatePolicy.DEFAULT.decide(run(EMPTY));
        assertEquals(GateDecision.Outcome.PASSED, d.outcome());
        assertEquals(List.of("1 empty file(s) not reviewed, as there is nothing in them to review: src/Empty.java"),
                d.notes());

        GateDecision mixed = GatePolicy.DEFAULT.decide(run(EMPTY, LARGE));
        assertEquals(1, mixed.failures().size());
        assertTrue(mixed.failures().get(0).startsWith("1 selected file(s) were not reviewed (failOnSkipped): "
                + "src/B.java (too large"), mixed.failures().toString());
    }

    @Test
    void skippedFilesComeAfterInjectionsAndUnresolvedFilesAndBeforeScores() {
        RunReport run = FindingFixtures.run(Path.of("/ws")).toBuilder().skipped(List.of(BINARY)).build();
        List<String> failures = new GatePolicy(true, 8, Set.of(), true).decide(run).failures();
        assertEquals(3, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("1 of 2 file(s) unresolved"), failures.toString());
        assertTrue(failures.get(1).startsWith("1 selected file(s) were not reviewed (failOnSkipped): src/A.java"),
                failures.toString());
        assertTrue(failures.get(2).startsWith("1 file(s) scored below minScore 8"), failures.toString());
    }

    @Test
    void aDryRunIsNotGatedAndItsNoteNamesWhatIsNotApplied() {
        RunReport dry = run(BINARY).toBuilder().dryRun(true).build();
        GateDecision configured = new GatePolicy(true, 6, new LinkedHashSet<>(List.of("missing", "partial")), true).decide(dry);
        assertEquals(GateDecision.Outcome.NOT_APPLIED, configured.outcome());
        assertEquals(List.of("dry run: no model was called, so the gate (minScore 6, failOnGaps missing, partial) is "
                + "not applied: this build is not gated"), configured.notes());
        assertEquals("Gate not applied: dry run: no model was called, so the gate (minScore 6, failOnGaps missing, "
                + "partial) is not applied: this build is not gated.", configured.headline());
        assertEquals(List.of("dry run: no model was called, so the gate (failOnInjection, failOnUnresolved, "
                + "failOnSkipped) is not applied: this build is not gated"), GatePolicy.DEFAULT.decide(dry).notes());
        assertEquals("nothing", new GatePolicy(false, 0, Set.of(), false, false).describe());
    }

    @Test
    void onlyAScoreOrGapKindsAreBeyondTheDefaults() {
        assertEquals(List.of(), GatePolicy.DEFAULT.beyondDefaults());
        assertEquals(List.of(), new GatePolicy(false, 0, Set.of(), false, false).beyondDefaults());
        assertEquals(List.of("minScore 6", "failOnGaps missing"),
                new GatePolicy(true, 6, Set.of("missing"), true).beyondDefaults());
        assertEquals(List.of("minScore 11", "failOnGaps contradict, missing"),
                GatePolicy.beyondDefaults(11, List.of(" contradict,", "missing")), "unvalidated, as skip sees them");
        assertEquals(List.of(), GatePolicy.beyondDefaults(0, null));
    }
}
