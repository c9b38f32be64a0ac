package dev.scrum.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.scrum.check.Citation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code scrum/scrum.sarif}: the run as a SARIF 2.1.0 log for GitHub code scanning and IDEs. One result
 * per finding, at its file and line (line 1 when the finding has none, e.g. a {@code missing} gap), and one per
 * unresolved file; a rule per {@link ScrumRule}; {@code partialFingerprints} from {@link Fingerprint}, so that an
 * alert survives unrelated edits; {@code baselineState} when the run had a baseline; each valid citation as a
 * related location in the PRD or the proposal, linked from the message. Paths are relative to the
 * {@link SourceRoot}, with {@code uriBaseId} {@code %SRCROOT%}.
 */
final class SarifWriter {

    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private SarifWriter() {}

    /** Writes the run's SARIF to {@code target}, atomically. */
    static void write(Path target, RunReport run, SourceRoot root) throws IOException {
        AtomicFile.write(target, GSON.toJson(sarif(run, root, ToolInfo.current())) + "\n");
    }

    static JsonObject sarif(RunReport run, SourceRoot root, ToolInfo tool) {
        JsonArray results = new JsonArray();
        for (Injection i : run.injections()) {
            results.add(injection(i, root));
        }
        for (FileReview r : run.reviews()) {
            if (!r.resolved() && !run.dryRun()) {
                results.add(unresolved(r, root));
            }
            for (Finding f : r.outcome().findings()) {
                results.add(result(r, f, root, run.documents()));
            }
        }
        JsonObject srcroot = new JsonObject();
        srcroot.addProperty("uri", root.rootUri());
        srcroot.add("description", message("The root of the repository holding the project (or the project's "
                + "base directory, outside a git work tree)"));
        JsonObject baseIds = new JsonObject();
        baseIds.add(SRCROOT, srcroot);

        JsonObject invocation = new JsonObject();
        invocation.addProperty("executionSuccessful", true);
        invocation.addProperty("startTimeUtc",
                DateTimeFormatter.ISO_INSTANT.format(run.ranAt().truncatedTo(ChronoUnit.SECONDS)));
        JsonArray invocations = new JsonArray();
        invocations.add(invocation);

        JsonObject properties = new JsonObject();
        properties.addProperty("dryRun", run.dryRun());
        properties.add("ladder", strings(run.ladder()));
        properties.addProperty("embedder", run.embedder());

        JsonObject runJson = new JsonObject();
        runJson.add("tool", tool(tool));
        runJson.add("originalUriBaseIds", baseIds);
        runJson.add("invocations", invocations);
        runJson.add("results", results);
        runJson.add("properties", properties);
        JsonArray runs = new JsonArray();
        runs.add(runJson);
        JsonObject log = new JsonObject();
        log.addProperty("$schema", SCHEMA);
        log.addProperty("version", "2.1.0");
        log.add("runs", runs);
        return log;
    }

    private static JsonObject tool(ToolInfo info) {
        JsonArray rules = new JsonArray();
        for (ScrumRule rule : ScrumRule.values()) {
            JsonObject j = new JsonObject();
            j.addProperty("id", rule.id());
            j.addProperty("name", ruleName(rule));
            j.add("shortDescription", message(rule.shortDescription()));
            j.add("fullDescription", message(rule.fullDescription()));
            JsonObject help = message(rule.helpText());
            help.addProperty("markdown", rule.helpMarkdown());
            j.add("help", help);
            JsonObject config = new JsonObject();
            config.addProperty("level", rule.level());
            j.add("defaultConfiguration", config);
            JsonObject props = new JsonObject();
            props.add("tags", strings(List.of("requirements", "llm-review")));
            j.add("properties", props);
            rules.add(j);
        }
        JsonObject driver = new JsonObject();
        driver.addProperty("name", info.name());
        driver.addProperty("version", info.version());
        driver.addProperty("informationUri", info.informationUri());
        driver.add("rules", rules);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);
        return tool;
    }

    private static JsonObject result(FileReview r, Finding f, SourceRoot root, List<DocumentInfo> documents) {
        ScrumRule rule = ScrumRule.of(f);
        JsonArray related = new JsonArray();
        List<String> cites = new ArrayList<>();
        for (Citation c : f.citations()) {
            JsonObject at = c.valid() && c.line() != null ? documentLocation(c, root, documents) : null;
            if (at == null) {
                cites.add(escape(CitationSection.line(c)));
            } else {
                int id = related.size() + 1;
                JsonObject loc = new JsonObject();
                loc.addProperty("id", id);
                loc.add("physicalLocation", at);
                loc.add("message", message(CitationSection.line(c)));
                related.add(loc);
                cites.add("[" + escape(c.doc() + "@" + c.offset()) + "](" + id + ")");
            }
        }
        String text = escape(headline(f)) + (cites.isEmpty() ? "" : " Cites: " + String.join("; ", cites) + ".");
        JsonObject result = located(rule, text, r.file(), f.line(), root);
        JsonObject fingerprints = new JsonObject();
        fingerprints.addProperty(Fingerprint.SARIF_KEY, Fingerprint.of(r.file(), f));
        result.add("partialFingerprints", fingerprints);
        if (related.size() > 0) {
            result.add("relatedLocations", related);
        }
        if (f.baseline() != null) {
            result.addProperty("baselineState", f.baseline() == BaselineState.KNOWN ? "unchanged" : "new");
        }
        JsonObject props = new JsonObject();
        props.addProperty("kind", f.kind());
        if (f.gapKind() != null) {
            props.addProperty("gapKind", f.gapKind());
        }
        if (f.title() != null) {
            props.addProperty("title", f.title());
        }
        if (f.symbol() != null) {
            props.addProperty("symbol", f.symbol());
        }
        props.addProperty("lineKnown", f.line() != null);
        props.add("citations", strings(f.citations().stream().map(CitationSection::line).toList()));
        props.addProperty("model", r.outcome().acceptedRung());
        if (r.outcome().score() != null) {
            props.addProperty("score", r.outcome().score());
        }
        result.add("properties", props);
        return result;
    }

    /** A prompt injection at its line and column, in a file or a document under the root. */
    private static JsonObject injection(Injection i, SourceRoot root) {
        String uri = root.uriOfPath(Path.of(i.path()));
        JsonObject result = located(ScrumRule.PROMPT_INJECTION, "Prompt injection (" + i.kind() + "): "
                + i.description() + ": «" + escape(i.quoted()) + "»", i.path(), i.line(), root);
        JsonObject physical = result.getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation");
        if (uri != null) {
            physical.getAsJsonObject("artifactLocation").addProperty("uri", uri);
        }
        physical.getAsJsonObject("region").addProperty("startColumn", i.column());
        JsonObject fingerprints = new JsonObject();
        fingerprints.addProperty(Fingerprint.SARIF_KEY, Fingerprint.of(i));
        result.add("partialFingerprints", fingerprints);
        if (i.baseline() != null) {
            result.addProperty("baselineState", i.known() ? "unchanged" : "new");
        }
        JsonObject props = new JsonObject();
        props.addProperty("kind", i.kind());
        result.add("properties", props);
        return result;
    }

    private static JsonObject unresolved(FileReview r, SourceRoot root) {
        JsonObject result = located(ScrumRule.UNRESOLVED, "No rung's answer was accepted for this file ("
                + r.attemptsMade() + " model call(s)): it has no review.", r.file(), null, root);
        JsonObject fingerprints = new JsonObject();
        fingerprints.addProperty(Fingerprint.SARIF_KEY, Fingerprint.unresolved(r.file()));
        result.add("partialFingerprints", fingerprints);
        return result;
    }

    /** A result of {@code rule} at {@code line} of {@code file} (line 1 when {@code null}). */
    private static JsonObject located(ScrumRule rule, String text, String file, Integer line, SourceRoot root) {
        JsonObject location = new JsonObject();
        location.add("physicalLocation", physical(root.uri(file), line == null || line < 1 ? 1 : line));
        JsonArray locations = new JsonArray();
        locations.add(location);
        JsonObject result = new JsonObject();
        result.addProperty("ruleId", rule.id());
        result.addProperty("ruleIndex", rule.ordinal());
        result.addProperty("level", rule.level());
        result.add("message", message(text));
        result.add("locations", locations);
        return result;
    }

    /** Where a valid citation's passage starts, when its document lies under the root; else {@code null}. */
    private static JsonObject documentLocation(Citation c, SourceRoot root, List<DocumentInfo> documents) {
        String label = "PLAN".equals(c.doc()) ? "PROPOSAL" : c.doc();
        for (DocumentInfo d : documents) {
            if (d.label().equals(label)) {
                String uri = root.uriOfPath(Path.of(d.path()));
                return uri == null ? null : physical(uri, c.line());
            }
        }
        return null;
    }

    /** The finding in one line: {@code Title: change}, or {@code Missing `symbol`: description}. */
    static String headline(Finding f) {
        if (!"gap".equals(f.kind())) {
            return f.title() == null || f.title().isBlank() ? f.text() : f.title() + ": " + f.text();
        }
        String kind = f.gapKind() == null ? "Gap" : f.gapKind().substring(0, 1).toUpperCase(Locale.ROOT)
                + f.gapKind().substring(1);
        return kind + (f.symbol() == null ? "" : " `" + f.symbol() + "`") + ": " + f.text();
    }

    /** SARIF messages read {@code [text](id)} as a link: literal brackets are escaped. */
    private static String escape(String text) {
        return text.replace("[", "\\[").replace("]", "\\]");
    }

    /** A physical location: a line of a file relative to {@code %SRCROOT%}. */
    private static JsonObject physical(String uri, int startLine) {
        JsonObject artifact = new JsonObject();
        artifact.addProperty("uri", uri);
        artifact.addProperty("uriBaseId", SRCROOT);
        JsonObject region = new JsonObject();
        region.addProperty("startLine", startLine);
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", artifact);
        physical.add("region", region);
        return physical;
    }

    private static JsonObject message(String text) {
        JsonObject m = new JsonObject();
        m.addProperty("text", text);
        return m;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static String ruleName(ScrumRule rule) {
        StringBuilder name = new StringBuilder();
        for (String word : rule.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }
}
