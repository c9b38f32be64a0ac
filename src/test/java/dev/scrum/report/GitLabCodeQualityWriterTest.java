package dev.scrum.report;

import static dev.scrum.report.FindingFixtures.LEDGER;
import static dev.scrum.report.FindingFixtures.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitLabCodeQualityWriterTest {

    @TempDir
    Path repo;

    private List<JsonObject> issues(RunReport run) throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Path base = repo.resolve("module");
        Path file = new ReportLayout(base.resolve("target")).gitlabCodeQuality();
        GitLabCodeQualityWriter.write(file, run, SourceRoot.of(base));
        assertEquals("gl-code-quality.json", file.getFileName().toString());
        JsonArray array = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
        List<JsonObject> out = new ArrayList<>();
        array.forEach(e -> out.add(e.getAsJsonObject()));
        return out;
    }

    @Test
    void oneIssuePerFindingAndUnresolvedFileInGitLabsShape() throws IOException {
        List<JsonObject> issues = issues(FindingFixtures.run(repo.resolve("module")));
        assertEquals(8, issues.size());
        for (JsonObject issue : issues) {
            assertEquals(Set.of("type", "engine_name", "check_name", "description", "severity", "fingerprint",
                    "location"), issue.keySet());
            assertTrue(Set.of("info", "minor", "major", "critical", "blocker")
                    .contains(issue.get("severity").getAsString()), issue.toString());
            JsonObject location = issue.getAsJsonObject("location");
            assertTrue(location.get("path").getAsString().startsWith("module/src/main/java/shop/"), issue.toString());
            assertTrue(location.getAsJsonObject("lines").get("begin").getAsInt() >= 1);
        }
        assertEquals(List.of("scrum/suggestion", "scrum/suggestion", "scrum/gap/missing", "scrum/gap/contradicts",
                "scrum/gap/partial", "scrum/gap/unrequested", "scrum/gap", "scrum/unresolved"),
                issues.stream().map(i -> i.get("check_name").getAsString()).toList());
        assertEquals(List.of("info", "info", "major", "critical", "minor", "info", "minor", "major"),
                issues.stream().map(i -> i.get("severity").getAsString()).toList());
        assertEquals(List.of(12, 30, 1, 44, 50, 60, 70, 1), issues.stream()
                .map(i -> i.getAsJsonObject("location").getAsJsonObject("lines").get("begin").getAsInt()).toList());
        JsonObject contradicts = issues.get(3);
        assertEquals("Contradicts `refund`: Refunds are allowed after 30 days; the PRD forbids it.",
                contradicts.get("description").getAsString());
        assertEquals(Fingerprint.of(ORDERS, FindingFixtures.ordersFindings().get(3)),
                contradicts.get("fingerprint").getAsString());
        assertEquals("module/" + LEDGER, issues.get(7).getAsJsonObject("location").get("path").getAsString());
    }

    @Test
    void fingerprintsAreUniqueEvenForARepeatedFindingAndKnownOnesSaySo() throws IOException {
        List<Finding> findings = FindingFixtures.ordersFindings();
        List<Finding> repeated = Stream.concat(findings.stream(), Stream.of(findings.get(4))).toList();
        Path base = repo.resolve("module");
        Baseline baseline = new Baseline(base.resolve("b.json"), Set.of(Fingerprint.of(ORDERS, findings.get(4))));
        List<JsonObject> issues = issues(baseline.mark(FindingFixtures.run(base, repeated)));
        assertEquals(issues.size(), issues.stream().map(i -> i.get("fingerprint")).distinct().count());
        assertEquals(Fingerprint.of(ORDERS, findings.get(4)) + "-2", issues.get(7).get("fingerprint").getAsString());
        assertTrue(issues.get(4).get("description").getAsString().endsWith("(known: in the baseline)"));
        assertEquals(2, issues.stream().filter(i -> i.get("description").getAsString().contains("known")).count());
    }
}
