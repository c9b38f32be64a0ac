package dev.scrum.report;

import static dev.scrum.report.FindingFixtures.LEDGER;
import static dev.scrum.report.FindingFixtures.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifWriterTest {

    @TempDir
    Path repo;

    /** A project in {@code module/} of a git work tree, its run written under {@code module/target/scrum}. */
    private JsonObject written(RunReport run) throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Path base = repo.resolve("module");
        Path file = new ReportLayout(base.resolve("target")).sarif();
        SarifWriter.write(file, run, SourceRoot.of(base));
        assertEquals(base.resolve("target/scrum/scrum.sarif"), file);
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private JsonObject written() throws IOException {
        return written(FindingFixtures.run(repo.resolve("module")));
    }

    private static Set<ValidationMessage> schemaErrors(String sarif) throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = SarifWriterTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            JsonSchema schema = factory.getSchema(in, config);
            return schema.validate(new ObjectMapper().readTree(sarif));
        }
    }

    private static JsonObject run(JsonObject log) {
        return log.getAsJsonArray("runs").get(0).getAsJsonObject();
    }

    private static List<JsonObject> results(JsonObject log) {
        List<JsonObject> out = new ArrayList<>();
        run(log).getAsJsonArray("results").forEach(e -> out.add(e.getAsJsonObject()));
        return out;
    }

    private static JsonObject physical(JsonObject result) {
        return result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
    }

    @Test
    void isValidAgainstTheSarif210Schema() throws IOException {
        String sarif = written().toString();
        Set<ValidationMessage> errors = schemaErrors(sarif);
        assertTrue(errors.isEmpty(), errors.toString());
        Path base = repo.resolve("module");
        RunReport marked = new Baseline(base.resolve("b.json"), Set.of(Fingerprint.of(ORDERS,
                FindingFixtures.ordersFindings().get(0)))).mark(FindingFixtures.run(base));
        errors = schemaErrors(written(marked).toString());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void theSchemaCheckIsNotVacuous() throws IOException {
        JsonObject log = written();
        log.addProperty("version", "2.0.0");
        run(log).getAsJsonArray("results").get(0).getAsJsonObject().addProperty("level", "fatal");
        assertEquals(2, schemaErrors(log.toString()).size(), schemaErrors(log.toString()).toString());
    }

    @Test
    void oneResultPerFindingAtItsFileAndLineAndOneForTheUnresolvedFile() throws IOException {
        List<JsonObject> results = results(written());
        assertEquals(List.of("scrum/suggestion", "scrum/suggestion", "scrum/gap/missing", "scrum/gap/contradicts",
                "scrum/gap/partial", "scrum/gap/unrequested", "scrum/gap", "scrum/unresolved"),
                results.stream().map(r -> r.get("ruleId").getAsString()).toList());
        // a missing gap has no line: it points at the file's first line
        assertEquals(List.of(12, 30, 1, 44, 50, 60, 70, 1),
                results.stream().map(r -> physical(r).getAsJsonObject("region").get("startLine").getAsInt()).toList());
        assertEquals(List.of("note", "note", "warning", "error", "warning", "note", "warning", "warning"),
                results.stream().map(r -> r.get("level").getAsString()).toList());
        JsonObject artifact = physical(results.get(0)).getAsJsonObject("artifactLocation");
        assertEquals("module/" + ORDERS, artifact.get("uri").getAsString());
        assertEquals("%SRCROOT%", artifact.get("uriBaseId").getAsString());
        assertEquals("module/" + LEDGER, physical(results.get(7)).getAsJsonObject("artifactLocation").get("uri")
                .getAsString());
        assertEquals(repo.toUri().toString(), run(written()).getAsJsonObject("originalUriBaseIds")
                .getAsJsonObject("%SRCROOT%").get("uri").getAsString());
    }

    @Test
    void rulesAreDescribedAndIndexed() throws IOException {
        JsonObject log = written();
        JsonObject driver = run(log).getAsJsonObject("tool").getAsJsonObject("driver");
        assertEquals("scrum-maven-plugin", driver.get("name").getAsString());
        String version = driver.get("version").getAsString();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), "the POM's version, filtered in: " + version);
        assertTrue(driver.get("informationUri").getAsString().startsWith("https://"));
        JsonArray rules = driver.getAsJsonArray("rules");
        assertEquals(ScrumRule.values().length, rules.size());
        for (JsonElement e : rules) {
            JsonObject rule = e.getAsJsonObject();
            assertFalse(rule.getAsJsonObject("shortDescription").get("text").getAsString().isBlank());
            assertFalse(rule.getAsJsonObject("fullDescription").get("text").getAsString().isBlank());
            assertFalse(rule.getAsJsonObject("help").get("text").getAsString().contains("**"));
            assertTrue(rule.getAsJsonObject("help").get("markdown").getAsString().startsWith("**"));
            assertTrue(Set.of("error", "warning", "note").contains(
                    rule.getAsJsonObject("defaultConfiguration").get("level").getAsString()));
        }
        for (JsonObject r : results(log)) {
            assertEquals(r.get("ruleId").getAsString(),
                    rules.get(r.get("ruleIndex").getAsInt()).getAsJsonObject().get("id").getAsString());
        }
    }

    @Test
    void citationsAreRelatedLocationsLinkedFromTheMessage() throws IOException {
        List<JsonObject> results = results(written());
        JsonObject first = results.get(0);
        assertEquals("Record the refund amount: Add the amount to the audit entry \\[see PRD\\]. Cites: [PRD@0](1); "
                + "⚠ invalid citation PLAN@99: no such passage was sent.",
                first.getAsJsonObject("message").get("text").getAsString());
        JsonObject related = first.getAsJsonArray("relatedLocations").get(0).getAsJsonObject();
        assertEquals(1, related.get("id").getAsInt());
        assertEquals("module/docs/PRD.md", related.getAsJsonObject("physicalLocation")
                .getAsJsonObject("artifactLocation").get("uri").getAsString());
        assertEquals(1, related.getAsJsonObject("physicalLocation").getAsJsonObject("region").get("startLine")
                .getAsInt());
        assertEquals("PRD@0 — line 1, under “Refunds”", related.getAsJsonObject("message").get("text").getAsString());
        JsonObject missing = results.get(2);
        assertEquals("Missing `cancel`: Orders cannot be cancelled. Cites: [PRD@800](1); [PLAN@0](2).",
                missing.getAsJsonObject("message").get("text").getAsString());
        assertEquals("module/docs/PROPOSAL.md", missing.getAsJsonArray("relatedLocations").get(1).getAsJsonObject()
                .getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation").get("uri").getAsString());
        assertFalse(missing.getAsJsonObject("properties").get("lineKnown").getAsBoolean());
        assertEquals("cancel", missing.getAsJsonObject("properties").get("symbol").getAsString());
    }

    @Test
    void fingerprintsIgnoreLinesAndBaselineStatesFollowTheMarks() throws IOException {
        Path base = repo.resolve("module");
        List<Finding> findings = FindingFixtures.ordersFindings();
        List<Finding> shifted = findings.stream()
                .map(f -> new Finding(f.kind(), f.gapKind(), f.title(), f.text(), f.symbol(), f.line() == null ? null : f.line() + 5, f.citations(), null))
                .toList();
        List<JsonObject> before = results(written(FindingFixtures.run(base, findings)));
        List<JsonObject> after = results(written(FindingFixtures.run(base, shifted)));
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).get("partialFingerprints"), after.get(i).get("partialFingerprints"));
            assertFalse(before.get(i).has("baselineState"), "no baseline, no state");
        }
        assertEquals(before.size(), before.stream().map(r -> r.get("partialFingerprints")).distinct().count());

        Baseline baseline = new Baseline(base.resolve("b.json"), Set.of(Fingerprint.of(ORDERS, findings.get(3))));
        List<JsonObject> marked = results(written(baseline.mark(FindingFixtures.run(base, shifted))));
        assertEquals("unchanged", marked.get(3).get("baselineState").getAsString());
        assertEquals("new", marked.get(2).get("baselineState").getAsString());
        assertFalse(marked.get(7).has("baselineState"), "an unresolved file is no finding");
        assertNotEquals(before.get(2).get("partialFingerprints"), before.get(3).get("partialFingerprints"));
    }
}
