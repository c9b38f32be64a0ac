package dev.scrum.publish;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lines a pull request adds or changes, per file, on the new side of its diff: where an inline comment may go.
 *
 * @param lines new-side line numbers (from 1) added or changed, by path relative to the repository root, with /
 * @param known whether the diff was read; {@link #unknown()} (a dry run, which makes no request) takes every line
 *     of every file as changed
 */
public record ChangedLines(Map<String, Set<Integer>> lines, boolean known) {

    public ChangedLines {
        Map<String, Set<Integer>> copy = new LinkedHashMap<>();
        lines.forEach((path, numbers) -> copy.put(path, Set.copyOf(new TreeSet<>(numbers))));
        lines = Map.copyOf(copy);
    }

    /** The diff of these files. */
    public static ChangedLines of(Map<String, Set<Integer>> lines) {
        return new ChangedLines(lines, true);
    }

    /** No diff read: every line counts as changed. */
    public static ChangedLines unknown() {
        return new ChangedLines(Map.of(), false);
    }

    /** Whether the pull request changes {@code path} at all (a rename or a mode change counts). */
    public boolean changes(String path) {
        return !known || lines.containsKey(path);
    }

    /** Whether {@code line} of {@code path} is added or changed by the pull request. */
    public boolean touches(String path, Integer line) {
        if (line == null) {
            return false;
        }
        if (!known) {
            return true;
        }
        Set<Integer> changed = lines.get(path);
        return changed != null && changed.contains(line);
    }

    /** The changed files, sorted. */
    public Set<String> files() {
        return new TreeSet<>(lines.keySet());
    }
}
