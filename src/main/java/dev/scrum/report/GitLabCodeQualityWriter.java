package dev.scrum.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes {@code scrum/gl-code-quality.json}: the run as a GitLab Code Quality report (a subset of Code
 * Climate's format), for {@code artifacts:reports:codequality}, so that merge requests show the findings. One
 * issue per finding and per unresolved file, with the {@link ScrumRule}'s id as {@code check_name} and its
 * severity, the {@link Fingerprint} as {@code fingerprint}, and the path relative to the {@link SourceRoot}.
 */
final class GitLabCodeQualityWriter {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private GitLabCodeQualityWriter() {}

    /** Writes the run's Code Quality report to {@code target}, atomically. */
    static void write(Path target, RunReport run, SourceRoot root) throws IOException {
        AtomicFile.write(target, GSON.toJson(issues(run, root)) + "\n");
    }

    static JsonArray issues(RunReport run, SourceRoot root) {
        JsonArray issues = new JsonArray();
        Set<String> used = new HashSet<>();
        for (Injection i : run.injections()) {
            String known = i.known() ? " (known: in the baseline)" : "";
            issues.add(issue(ScrumRule.PROMPT_INJECTION, "Prompt injection (" + i.kind() + "): " + i.description()
                    + ": «" + i.quoted() + "»" + known, unique(Fingerprint.of(i), used),
                    java.nio.file.Path.of(root.path(i.path())).normalize().toString().replace('\\', '/'), i.line()));
        }
        for (FileReview r : run.reviews()) {
            if (!r.resolved() && !run.dryRun()) {
                issues.add(issue(ScrumRule.UNRESOLVED, "No rung's answer was accepted for this file: it has no review.",
                        unique(Fingerprint.unresolved(r.file()), used), root.path(r.file()), null));
            }
            for (Finding f : r.outcome().findings()) {
                String known = f.baseline() == BaselineState.KNOWN ? " (known: in the baseline)" : "";
                issues.add(issue(ScrumRule.of(f), SarifWriter.headline(f) + known,
                        unique(Fingerprint.of(r.file(), f), used), root.path(r.file()), f.line()));
            }
        }
        return issues;
    }

    /** GitLab keeps one issue per fingerprint: a repeated finding gets {@code -2}, {@code -3}… appended. */
    private static String unique(String fingerprint, Set<String> used) {
        String candidate = fingerprint;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = fingerprint + "-" + n;
        }
        return candidate;
    }

    private static JsonObject issue(ScrumRule rule, String description, String fingerprint, String path,
            Integer line) {
        JsonObject lines = new JsonObject();
        lines.addProperty("begin", line == null || line < 1 ? 1 : line);
        JsonObject location = new JsonObject();
        location.addProperty("path", path);
        location.add("lines", lines);
        JsonObject issue = new JsonObject();
        issue.addProperty("type", "issue");
        issue.addProperty("engine_name", "scrum");
        issue.addProperty("check_name", rule.id());
        issue.addProperty("description", description);
        issue.addProperty("severity", rule.gitLabSeverity());
        issue.addProperty("fingerprint", fingerprint);
        issue.add("location", location);
        return issue;
    }
}
