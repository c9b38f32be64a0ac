package dev.scrum.git;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a change did to the reviewed files against its base: for each file, the lines it added or rewrote. The
 * review marks them in the prompt and asks for findings on them first, and each finding records whether its line
 * is one of them.
 *
 * @param base the git ref the change is measured against ({@code changedSince}), as given
 * @param files each changed file's lines, by path relative to the base directory with {@code /}
 */
public record Change(String base, Map<String, ChangedLines> files) {

    /** No base known: nothing is marked, and findings record nothing about the change. */
    public static final Change NONE = new Change(null, Map.of());

    public Change {
        files = files == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Whether the run knows a base to measure against. */
    public boolean known() {
        return base != null;
    }

    /** The file's changed lines; {@link ChangedLines#NONE} for a file the change did not touch or no base. */
    public ChangedLines of(String file) {
        return files.getOrDefault(file, ChangedLines.NONE);
    }
}
