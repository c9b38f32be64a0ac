package dev.scrum.publish;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden HTML comments by which a re-run finds its own comments again: one on the summary, one on each inline
 * comment carrying the finding's {@link dev.scrum.report.Fingerprint} (file, kind, symbol and text, not the line).
 * Text taken from a review is made inert by {@link CommentText} (every {@code <} escaped), so no reviewed file nor
 * model answer can forge a marker.
 */
public final class CommentMarker {

    /** The summary comment's marker. */
    public static final String SUMMARY = "<!-- scrum-maven-plugin:summary -->";

    private static final String FINDING = "scrum-maven-plugin:finding:";
    private static final String OUTDATED = "scrum-maven-plugin:outdated";
    private static final Pattern FINDING_MARKER = Pattern.compile("<!-- " + FINDING + "([0-9a-f]{32}) -->");

    private CommentMarker() {}

    /** The marker of an inline comment on the finding with this fingerprint. */
    public static String finding(String fingerprint) {
        return "<!-- " + FINDING + fingerprint + " -->";
    }

    /** The marker added to an inline comment whose finding no longer holds. */
    public static String outdated() {
        return "<!-- " + OUTDATED + " -->";
    }

    /** Whether a comment's body is the summary this plugin posted. */
    public static boolean isSummary(String body) {
        return body != null && body.contains(SUMMARY);
    }

    /** The fingerprint of the finding an inline comment of this plugin is on; empty for any other comment. */
    public static Optional<String> fingerprint(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher m = FINDING_MARKER.matcher(body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether an inline comment was already marked outdated. */
    public static boolean isOutdated(String body) {
        return body != null && body.contains("<!-- " + OUTDATED + " -->");
    }
}
