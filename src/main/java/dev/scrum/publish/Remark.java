package dev.scrum.publish;

import java.util.Objects;

/**
 * One thing the review says about a place in a file, ready for a pull request: a finding of an accepted review or
 * a prompt injection. Its title and body are already inert ({@link CommentText}).
 *
 * @param path the file, relative to the repository's root, with /
 * @param line the line it is at (from 1), or {@code null} when it has none
 * @param fingerprint its {@link dev.scrum.report.Fingerprint}, which stays the same across runs while the finding
 *     holds
 * @param title one line: its kind and title ({@code gap (missing): Release on cancel})
 * @param body markdown: what to change, and the passages it cites
 */
public record Remark(String path, Integer line, String fingerprint, String title, String body) {

    public Remark {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }

    /** The inline comment's markdown: title, body and the hidden marker a re-run finds it by. */
    public String commentBody() {
        return "**scrum · " + title + "**\n\n" + body + "\n\n" + CommentMarker.finding(fingerprint) + "\n";
    }

    /** {@code path:line}, or the path alone. */
    public String location() {
        return line == null ? path : path + ":" + line;
    }
}
