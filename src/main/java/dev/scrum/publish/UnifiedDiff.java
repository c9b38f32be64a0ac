package dev.scrum.publish;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads unified diffs: the hunks of one file (GitHub's {@code pulls/{n}/files} {@code patch}, GitLab's
 * {@code diff} of a merge request's changes) or a whole {@code git diff} of many files (Gitea's and Forgejo's
 * {@code .diff}), into the new-side line numbers each adds. Context lines and removed lines are not changed lines;
 * a hunk header the parser cannot read ends that file's hunks rather than guessing.
 */
public final class UnifiedDiff {

    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@.*");
    private static final Pattern GIT_HEADER = Pattern.compile("^diff --git a/(.*) b/(.*)$");

    private UnifiedDiff() {}

    /** The new-side lines the hunks of one file's patch add (from 1, sorted). */
    public static Set<Integer> addedLines(String patch) {
        Set<Integer> added = new TreeSet<>();
        if (patch == null) {
            return added;
        }
        int next = -1;
        for (String line : patch.replace("\r\n", "\n").split("\n", -1)) {
            Matcher hunk = HUNK.matcher(line);
            if (hunk.matches()) {
                next = Integer.parseInt(hunk.group(1));
                continue;
            }
            if (next < 0 || line.startsWith("\\")) {
                continue; // before the first hunk, or "\ No newline at end of file"
            }
            if (line.startsWith("+")) {
                added.add(next++);
            } else if (line.startsWith(" ") || line.isEmpty()) {
                next++;
            } else if (!line.startsWith("-")) {
                next = -1; // something that is no hunk line: stop counting until the next header
            }
        }
        return added;
    }

    /**
     * The lines a whole {@code git diff} adds, by new path. A deleted file ({@code +++ /dev/null}) is left out; a
     * file renamed or changed in mode only is listed with no line.
     */
    public static ChangedLines ofGitDiff(String diff) {
        Map<String, Set<Integer>> lines = new LinkedHashMap<>();
        String path = null;
        StringBuilder patch = new StringBuilder();
        boolean inHeader = false;
        for (String line : diff.replace("\r\n", "\n").split("\n", -1)) {
            Matcher header = GIT_HEADER.matcher(line);
            if (header.matches()) {
                flush(lines, path, patch);
                path = header.group(2);
                inHeader = true;
            } else if (path != null && inHeader && line.startsWith("+++ ")) {
                String target = line.substring(4).strip();
                path = target.equals("/dev/null") ? null : target.startsWith("b/") ? target.substring(2) : target;
            } else if (path != null && inHeader && line.startsWith("deleted file mode")) {
                path = null;
            } else if (path != null && (line.startsWith("@@") || !inHeader)) {
                inHeader = false;
                patch.append(line).append('\n');
            }
        }
        flush(lines, path, patch);
        return ChangedLines.of(lines);
    }

    private static void flush(Map<String, Set<Integer>> lines, String path, StringBuilder patch) {
        if (path != null) {
            lines.put(path, addedLines(patch.toString()));
        }
        patch.setLength(0);
    }
}
