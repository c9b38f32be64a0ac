package dev.scrum.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A selected file that was not reviewed, and why (too large, binary, unreadable, empty, a link out of the
 * project).
 *
 * @param file relative to the base directory, with {@code /}
 * @param reason why, starting with its kind: {@code too large: …}, {@code binary: …}, {@code unreadable: …},
 *     {@code empty: …}, or where a link leads: {@code a link to a file outside the project (…): …}
 */
public record SkippedFile(String file, String reason) {

    public SkippedFile {
        reason = Masked.text(reason);
    }

    /** How the reason of an empty (or whitespace-only) file starts: {@code empty: 0 bytes, nothing to review}. */
    public static final String EMPTY = "empty";

    /**
     * Whether the file is empty or only whitespace: nothing in it could be reviewed, so nothing is hidden by not
     * reviewing it, and it does not count against {@code failOnSkipped}.
     */
    public boolean empty() {
        return reason.startsWith(EMPTY + ":");
    }

    /** {@code src/A.java (binary: it contains NUL bytes), src/B.java (too large: …)}. */
    public static String describe(List<SkippedFile> files) {
        return files.stream().map(s -> s.file() + " (" + s.reason() + ")").collect(Collectors.joining(", "));
    }

    /**
     * What to say when files were selected but none was reviewed: {@code 3 file(s) selected, none reviewable:
     * src/A.java (binary: it contains NUL bytes), …}.
     */
    public static String noneReviewable(List<SkippedFile> files) {
        return files.size() + " file(s) selected, none reviewable: " + describe(files);
    }
}
