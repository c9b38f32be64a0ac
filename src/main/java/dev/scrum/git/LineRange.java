package dev.scrum.git;

/**
 * Lines {@code from} to {@code to} of a file, both included, counted from 1.
 *
 * @param from the first line
 * @param to the last line, at least {@code from}
 */
public record LineRange(int from, int to) {
    public LineRange {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("not a line range: " + from + "-" + to);
        }
    }

    /** Whether {@code line} is in the range. */
    public boolean contains(int line) {
        return line >= from && line <= to;
    }

    /** {@code 12} or {@code 12-20}. */
    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
