package dev.scrum.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The baseline file a team commits ({@code scrum-baseline.json}): version 1, the fingerprint scheme, and one
 * entry per accepted finding, sorted by file and fingerprint so that its diffs are small. Each entry carries
 * the file, kind, gap kind, symbol and text for the people reviewing the commit; only {@code fingerprint} is
 * matched. Lines are left out: they move with every edit above a finding.
 *
 * <pre>{@code
 * {"version": 1, "fingerprint_scheme": "scrumFinding/v1", "tool": "scrum-maven-plugin 0.1.0",
 *  "findings": [{"fingerprint": "…", "file": "src/A.java", "kind": "gap", "gap_kind": "missing",
 *                "symbol": "refund", "text": "…"}]}
 * }</pre>
 */
public final class BaselineFile {

    /** The format's version. */
    public static final int VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private BaselineFile() {}

    /** One accepted finding. */
    private record Entry(String fingerprint, String file, Finding finding) {}

    /**
     * Writes every finding and every prompt injection of the run to {@code target}, atomically: a team that keeps
     * a deliberate injection (a test fixture of its own) commits it here, and it no longer fails the gate.
     *
     * @return the number of findings written (repeats of one fingerprint are written once)
     */
    public static int write(Path target, RunReport run) throws IOException {
        Set<String> seen = new HashSet<>();
        List<Entry> entries = run.reviews().stream()
                .flatMap(r -> r.outcome().findings().stream().map(f -> new Entry(Fingerprint.of(r.file(), f),
                r.file(), f)))
                .filter(e -> seen.add(e.fingerprint()))
                .sorted(Comparator.comparing(Entry::file).thenComparing(Entry::fingerprint))
                .toList();
        JsonArray findings = new JsonArray();
        for (Entry e : entries) {
            JsonObject j = new JsonObject();
            j.addProperty("fingerprint", e.fingerprint());
            j.addProperty("file", e.file());
            j.addProperty("kind", e.finding().kind());
            j.addProperty("gap_kind", e.finding().gapKind());
            j.addProperty("symbol", e.finding().symbol());
            j.addProperty("text", e.finding().text());
            findings.add(j);
        }
        List<Injection> injections = run.injections().stream()
                .filter(i -> seen.add(Fingerprint.of(i)))
                .sorted(Comparator.comparing(Injection::path).thenComparing(Injection::line))
                .toList();
        for (Injection i : injections) {
            JsonObject j = new JsonObject();
            j.addProperty("fingerprint", Fingerprint.of(i));
            j.addProperty("file", i.path());
            j.addProperty("kind", "injection");
            j.addProperty("gap_kind", (String) null);
            j.addProperty("symbol", (String) null);
            j.addProperty("text", i.kind() + ": " + i.quoted());
            findings.add(j);
        }
        ToolInfo tool = ToolInfo.current();
        JsonObject o = new JsonObject();
        o.addProperty("version", VERSION);
        o.addProperty("fingerprint_scheme", Fingerprint.SARIF_KEY);
        o.addProperty("tool", tool.name() + " " + tool.version());
        o.add("findings", findings);
        AtomicFile.write(target, GSON.toJson(o) + "\n");
        return entries.size() + injections.size();
    }

    /**
     * Reads a baseline.
     *
     * @throws IOException when the file is missing or unreadable, or not a baseline this plugin writes (the
     *     message names the file and what is wrong)
     */
    public static Baseline read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist");
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new IOException(file + " is not JSON: " + e.getMessage(), e);
        }
        JsonObject o = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        if (o == null || !o.has("version") || !o.get("version").isJsonPrimitive()
                || !o.get("version").getAsJsonPrimitive().isNumber()) {
            throw new IOException(file + " is not a baseline: it has no numeric \"version\"");
        }
        if (o.get("version").getAsDouble() != VERSION) {
            throw new IOException(file + " is a baseline of version " + o.get("version")
                    + "; this plugin reads version " + VERSION + ". Write it again with scrum:baseline");
        }
        if (!o.has("findings") || !o.get("findings").isJsonArray()) {
            throw new IOException(file + " is not a baseline: \"findings\" is not a list");
        }
        Set<String> fingerprints = new HashSet<>();
        int i = 0;
        for (JsonElement e : o.getAsJsonArray("findings")) {
            JsonElement fp = e.isJsonObject() ? e.getAsJsonObject().get("fingerprint") : null;
            if (fp == null || !fp.isJsonPrimitive() || fp.getAsString().isBlank()) {
                throw new IOException(file + " is not a baseline: findings[" + i + "] has no \"fingerprint\"");
            }
            fingerprints.add(fp.getAsString());
            i++;
        }
        return new Baseline(file, fingerprints);
    }
}
