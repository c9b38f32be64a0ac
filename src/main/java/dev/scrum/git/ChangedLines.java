package dev.scrum.git;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The lines of a file a change added or rewrote, as they stand in the file now (a deleted line has no line of
 * its own: the lines around it are unchanged). A file the base did not have is wholly new.
 *
 * @param ranges the changed lines, in order, not overlapping
 * @param added whether the file is new since the base (then {@code ranges} cover all of it)
 */
public record ChangedLines(List<LineRange> ranges, boolean added) {

    /** No line changed. */
    public static final ChangedLines NONE = new ChangedLines(List.of(), false);

    public ChangedLines {
        ranges = List.copyOf(ranges);
    }

    /** Every line of a new file of {@code lines} lines. */
    public static ChangedLines added(int lines) {
        return new ChangedLines(lines == 0 ? List.of() : List.of(new LineRange(1, lines)), true);
    }

    /** Whether {@code line} (from 1) is one of the change's. */
    public boolean contains(int line) {
        return ranges.stream().anyMatch(r -> r.contains(line));
    }

    /** How many lines changed. */
    public int count() {
        return ranges.stream().mapToInt(r -> r.to() - r.from() + 1).sum();
    }

    /** {@code 3-9, 14, 20-22}; {@code none} when nothing changed. */
    @Override
    public String toString() {
        return ranges.isEmpty() ? "none" : ranges.stream().map(LineRange::toString).collect(Collectors.joining(", "));
    }
}
