package dev.scrum.symbols;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of a text: their count, numbered as the review prompt numbers them, and the line of an offset.
 *
 * <p>The one definition of a line end for every part of the review (the prompt's numbered listing, parts of a
 * large file, declarations, document sections, citations, SARIF regions): CR LF, LF, or a lone CR (classic Mac
 * OS files). A final line end ends the last line; it does not begin another.
 */
public final class LineIndex {

    private final int[] starts;
    private final int lineCount;

    public LineIndex(String text) {
        List<Integer> s = new ArrayList<>();
        s.add(0);
        for (int k = 0; k < text.length(); k++) {
            int end = endAt(text, k);
            if (end > 0) {
                k += end - 1;
                s.add(k + 1);
            }
        }
        this.starts = s.stream().mapToInt(Integer::intValue).toArray();
        this.lineCount = starts[starts.length - 1] == text.length() && text.length() > 0
                ? starts.length - 1
                : starts.length;
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

    /** The length of the line end at {@code k} of {@code text}: 2 for CR LF, 1 for LF or a lone CR, else 0. */
    public static int endAt(CharSequence text, int k) {
        char c = text.charAt(k);
        if (c == '\n') {
            return 1;
        }
        if (c != '\r') {
            return 0;
        }
        return k + 1 < text.length() && text.charAt(k + 1) == '\n' ? 2 : 1;
    }

    /** The lines of {@code text} without their line ends ({@link #lineCount()} of them). */
    public static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of("");
        }
        List<String> out = new ArrayList<>();
        for (String line : withEnds(text)) {
            int k = line.length();
            while (k > 0 && (line.charAt(k - 1) == '\n' || line.charAt(k - 1) == '\r')) {
                k--;
            }
            out.add(line.substring(0, k));
        }
        return out;
    }

    /** The lines of {@code text}, each with its line end, so that joining them gives the text back. */
    public static List<String> withEnds(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < text.length(); k++) {
            int end = endAt(text, k);
            if (end > 0) {
                out.add(text.substring(from, k + end));
                k += end - 1;
                from = k + 1;
            }
        }
        if (from < text.length()) {
            out.add(text.substring(from));
        }
        return out;
    }

    /**
     * {@code text} with each lone CR made an LF, so that code looking for LF sees every line end. One character
     * for one: every offset stays the offset of the same character.
     */
    public static String lfForLoneCr(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int k = 0; k < chars.length; k++) {
            if (chars[k] == '\r' && (k + 1 == chars.length || chars[k + 1] != '\n')) {
                chars[k] = '\n';
            }
        }
        return new String(chars);
    }
}
