package dev.scrum.symbols;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of a text: their count, numbered as the review prompt numbers them, and the line of an offset.
 */
public final class LineIndex {

    private final int[] starts;
    private final int lineCount;

    public LineIndex(String text) {
        List<Integer> s = new ArrayList<>();
        s.add(0);
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                s.add(k + 1);
            }
        }
        this.starts = s.stream().mapToInt(Integer::intValue).toArray();
        // a final line break ends the last line; it does not begin another (as the prompt counts)
        this.lineCount = text.endsWith("\n") ? starts.length - 1 : starts.length;
    }

    /** The number of lines. */
    public int lineCount() {
        return lineCount;
    }

    /** The 1-based line of {@code offset}. */
    public int lineOf(int offset) {
        int at = Arrays.binarySearch(starts, offset);
        return at >= 0 ? at + 1 : -at - 1;
    }
}
