package dev.scrum.chunk;

import dev.scrum.symbols.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a source file too large for a model's context into parts of at most {@code maxChars}, at the best
 * boundary available: after the end of a class or method (a closing brace at member indentation followed by a
 * blank line), else at a blank line, else at a line end. Every line lands in exactly one part, in order, so no
 * byte of the file is dropped; only a single line longer than {@code maxChars} is cut inside the line.
 */
public final class SourceSplitter {

    private static final Pattern MEMBER_END = Pattern.compile("^\\s{0,4}}[;)]?\\s*$");

    private final int maxChars;

    public SourceSplitter(int maxChars) {
        if (maxChars < 200) {
            throw new IllegalArgumentException("a part must hold at least 200 characters: " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /**
     * A part of the file.
     *
     * @param firstLine its first line, from 1
     * @param lastLine its last line
     * @param text its exact text (lines with their line ends)
     */
    public record Part(int firstLine, int lastLine, String text) {}

    public List<Part> split(String text) {
        List<String> lines = lines(text);
        List<Part> parts = new ArrayList<>();
        int start = 0;
        while (start < lines.size()) {
            int end = cut(lines, start);
            StringBuilder b = new StringBuilder();
            for (int i = start; i < end; i++) {
                b.append(lines.get(i));
            }
            if (b.length() > maxChars) {
                // one line longer than a part: cut inside it, keeping its line number
                String line = b.toString();
                for (int from = 0; from < line.length(); from += maxChars) {
                    parts.add(new Part(start + 1, start + 1, line.substring(from, Math.min(line.length(), from + maxChars))));
                }
            } else {
                parts.add(new Part(start + 1, end, b.toString()));
            }
            start = end;
        }
        return parts;
    }

    /** The exclusive end of the part starting at {@code start}. */
    private int cut(List<String> lines, int start) {
        int chars = 0;
        int bestMember = -1;
        int bestBlank = -1;
        int i = start;
        for (; i < lines.size(); i++) {
            int len = lines.get(i).length();
            if (chars + len > maxChars) {
                break;
            }
            chars += len;
            boolean blank = lines.get(i).isBlank();
            if (blank && i > start && MEMBER_END.matcher(lines.get(i - 1)).matches()) {
                bestMember = i + 1;
            } else if (blank) {
                bestBlank = i + 1;
            }
        }
        if (i == lines.size()) {
            return i;
        }
        if (i == start) {
            return start + 1;
        }
        int half = start + (i - start) / 2;
        if (bestMember > half) {
            return bestMember;
        }
        if (bestBlank > half) {
            return bestBlank;
        }
        return i;
    }

    /** The lines of {@code text}, each with its line end, so that joining them gives the text back. */
    static List<String> lines(String text) {
        return LineIndex.withEnds(text);
    }
}
