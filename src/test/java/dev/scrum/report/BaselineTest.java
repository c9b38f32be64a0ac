package dev.scrum.report;

import static dev.scrum.report.FindingFixtures.ORDERS;
import static dev.scrum.report.FindingFixtures.gap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    @TempDir
    Path dir;

    private Baseline writtenAndRead(RunReport run) throws IOException {
        Path file = dir.resolve("scrum-baseline.json");
        assertEquals(run.reviews().stream().mapToInt(r -> r.outcome().findings().size()).sum(), BaselineFile.write(file, run));
        return BaselineFile.read(file);
    }

    @Test
    void aRunWrittenAndReadBackKnowsEachOfItsFindings() throws IOException {
        RunReport run = FindingFixtures.run(dir);
        Baseline baseline = writtenAndRead(run);
        assertTrue(baseline.active());
        assertEquals(7, baseline.fingerprints().size());
        RunReport marked = baseline.mark(run);
        assertTrue(marked.reviews().get(0).outcome().findings().stream().allMatch(f -> f.baseline() == BaselineState.KNOWN));
        assertEquals("0 new, 7 known", BaselineState.describe(marked.reviews().get(0).outcome().findings()));
        assertEquals(List.of(), marked.reviews().get(1).outcome().findings());
    }

    @Test
    void theFileIsSortedCarriesWhatAReviewerNeedsAndNoLines() throws IOException {
        BaselineFile.write(dir.resolve("b.json"), FindingFixtures.run(dir));
        JsonObject o = JsonParser.parseString(Files.readString(dir.resolve("b.json"))).getAsJsonObject();
        assertEquals(1, o.get("version").getAsInt());
        assertEquals("scrumFinding/v1", o.get("fingerprint_scheme").getAsString());
        assertTrue(o.get("tool").getAsString().startsWith("scrum-maven-plugin "));
        JsonObject first = o.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals(List.of("fingerprint", "file", "kind", "gap_kind", "symbol", "text"),
                new ArrayList<>(first.keySet()));
        List<String> fingerprints = new ArrayList<>();
        o.getAsJsonArray("findings").forEach(e -> fingerprints.add(e.getAsJsonObject().get("fingerprint").getAsString()));
        assertEquals(fingerprints.stream().sorted().toList(), fingerprints);
    }

    @Test
    void aMovedFindingIsKnownAReworedOrAddedOneIsNew() throws IOException {
        Baseline baseline = writtenAndRead(FindingFixtures.run(dir));
        List<Finding> today = new ArrayList<>(FindingFixtures.ordersFindings());
        Finding contradicts = today.get(3);
        today.set(3, new Finding(contradicts.kind(), contradicts.gapKind(), null, contradicts.text(), contradicts.symbol(), 144, contradicts.citations(), null));
        today.set(4, gap("partial", "Shipping notifies nobody, and logs nothing.", "ship", 50));
        today.add(gap("contradicts", "Discounts stack, which the PRD forbids.", "discount", 80));
        List<Finding> marked = baseline.mark(FindingFixtures.run(dir, today)).reviews().get(0).outcome().findings();
        assertEquals(BaselineState.KNOWN, marked.get(3).baseline());
        assertEquals(BaselineState.NEW, marked.get(4).baseline());
        assertEquals(BaselineState.NEW, marked.get(7).baseline());
        assertEquals("2 new, 6 known", BaselineState.describe(marked));
    }

    @Test
    void noBaselineLeavesTheRunAsItIs() {
        RunReport run = FindingFixtures.run(dir);
        assertSame(run, Baseline.NONE.mark(run));
        assertFalse(Baseline.NONE.active());
        assertEquals(null, BaselineState.describe(run.reviews().get(0).outcome().findings()));
    }

    @Test
    void marksSurviveTheJsonRoundTrip() throws IOException {
        Baseline baseline = new Baseline(dir.resolve("b.json"),
                java.util.Set.of(Fingerprint.of(ORDERS, FindingFixtures.ordersFindings().get(2))));
        FileReview marked = baseline.mark(FindingFixtures.review(ORDERS, FindingFixtures.ordersFindings()));
        Path written = new JsonReportWriter(dir).writeReview(marked);
        JsonObject json = JsonParser.parseString(Files.readString(written)).getAsJsonObject();
        assertEquals("known", json.getAsJsonArray("findings").get(2).getAsJsonObject().get("baseline").getAsString());
        assertEquals("new", json.getAsJsonArray("findings").get(0).getAsJsonObject().get("baseline").getAsString());
        assertEquals(marked.outcome().findings(), JsonReportReader.readReview(written).outcome().findings());
        FileReview unmarked = FindingFixtures.review(ORDERS, FindingFixtures.ordersFindings());
        Path plain = new JsonReportWriter(dir.resolve("plain")).writeReview(unmarked);
        assertFalse(Files.readString(plain).contains("\"baseline\""));
        assertEquals(unmarked.outcome().findings(), JsonReportReader.readReview(plain).outcome().findings());
    }

    @Test
    void aFileThatIsNoBaselineIsRefusedNamingItAndTheProblem() throws IOException {
        Path missing = dir.resolve("none.json");
        assertEquals(missing + " does not exist",
                assertThrows(IOException.class, () -> BaselineFile.read(missing)).getMessage());
        assertRefused("{\"findings\": []}", "is not a baseline: it has no numeric \"version\"");
        assertRefused("{\"version\": 2, \"findings\": []}", "is a baseline of version 2; this plugin reads version 1");
        assertRefused("{\"version\": 1}", "is not a baseline: \"findings\" is not a list");
        assertRefused("{\"version\": 1, \"findings\": [{\"file\": \"a\"}]}",
                "is not a baseline: findings[0] has no \"fingerprint\"");
        assertRefused("not json {", "is not JSON");
    }

    private void assertRefused(String content, String expected) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content);
        String message = assertThrows(IOException.class, () -> BaselineFile.read(file)).getMessage();
        assertTrue(message.startsWith(file + " ") && message.contains(expected), message);
    }
}
