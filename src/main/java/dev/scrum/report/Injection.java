package dev.scrum.report;

import java.util.Objects;

/**
 * Text in what a model was sent (a reviewed file, the PRD or the proposal) that addresses the reviewer or tries
 * to change its task, format, score or findings, or an invisible or bidirectional-control character: a finding
 * of rule {@code scrum/prompt-injection} that the plugin makes itself, before any model is asked.
 *
 * @param path where it is: the file's path relative to the base directory, or the document's, with {@code /}
 * @param kind what kind of text it is ({@code instruction-override}, {@code bidi-control}, ...)
 * @param description what was found, in words
 * @param line the line, from 1
 * @param column the column, from 1 (UTF-16 code units)
 * @param quoted the text, safe to print anywhere: invisible characters shown as {@code <U+202E>}, cut short
 * @param baseline {@code known} or {@code new} against the run's baseline, or {@code null} when it had none
 */
public record Injection(String path, String kind, String description, int line, int column, String quoted,
        BaselineState baseline) {

    /** The rule every injection falls under, in SARIF, GitLab Code Quality and the JSON. */
    public static final String RULE = "scrum/prompt-injection";

    public Injection {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(quoted, "quoted");
        description = Masked.text(description);
        quoted = Masked.text(quoted);
    }

    /** This injection, marked against a baseline. */
    public Injection withBaseline(BaselineState state) {
        return new Injection(path, kind, description, line, column, quoted, state);
    }

    /** This injection with its path seen from a reactor's root ({@code prefix}: the module's directory). */
    public Injection inModule(String prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        String seen = java.nio.file.Path.of(prefix, path).normalize().toString().replace('\\', '/');
        return new Injection(seen, kind, description, line, column, quoted, baseline);
    }

    /** Whether a baseline accepted it: a known injection no longer fails the gate. */
    public boolean known() {
        return baseline == BaselineState.KNOWN;
    }

    /** {@code path:line}. */
    public String location() {
        return path + ":" + line;
    }
}
