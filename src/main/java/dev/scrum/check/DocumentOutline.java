package dev.scrum.check;

import dev.scrum.symbols.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an offset of a document is: its line, and the nearest Markdown ({@code ## Refunds}) or AsciiDoc
 * ({@code == Refunds}) heading at or before it. Lines inside fenced code blocks are never headings.
 */
public final class DocumentOutline {

    private static final Pattern HEADING = Pattern.compile("^(?:#{1,6}|={1,6})[ \\t]+(.+?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^[ \\t]{0,3}(?:```|~~~)");

    private record Heading(int offset, int level, String text) {}

    /**
     * A section of a document: its heading and the text up to the next heading of any level.
     *
     * @param level the heading's level, 1 to 6 ({@code ##} or {@code ==} is 2); 0 for text before the first heading
     * @param heading the heading's text, or {@code null} for text before the first heading
     * @param offset where the section (its heading line) begins
     * @param bodyOffset where the text under the heading begins
     * @param end where the next section begins, or the document's length
     * @param line the 1-based line the section begins on
     * @param hasBody whether any text but blanks stands between the heading and the next heading
     */
    public record Section(int level, String heading, int offset, int bodyOffset, int end, int line, boolean hasBody) {}

    private final String text;
    private final LineIndex lines;
    private final List<Heading> headings = new ArrayList<>();

    public DocumentOutline(String text) {
        this.text = text;
        this.lines = new LineIndex(text);
        boolean fenced = false;
        int start = 0;
        for (String line : text.split("\n", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (FENCE.matcher(l).find()) {
                fenced = !fenced;
            } else if (!fenced) {
                Matcher m = HEADING.matcher(l);
                if (m.matches()) {
                    int level = 0;
                    while (level < l.length() && l.charAt(level) == l.charAt(0)) {
                        level++;
                    }
                    headings.add(new Heading(start, level, m.group(1).strip()));
                }
            }
            start += line.length() + 1;
        }
    }

    /** The 1-based line of {@code offset}. */
    public int line(int offset) {
        return lines.lineOf(offset);
    }

    /** The heading of the section {@code offset} is in, or {@code null} before the first heading. */
    public String heading(int offset) {
        String found = null;
        for (Heading h : headings) {
            if (h.offset() > offset) {
                break;
            }
            found = h.text();
        }
        return found;
    }

    /**
     * Every section, in order; the text before the first heading is one too when it is not blank. A document
     * without headings is one section.
     */
    public List<Section> sections() {
        List<Section> out = new ArrayList<>();
        int first = headings.isEmpty() ? text.length() : headings.get(0).offset();
        if (!text.substring(0, first).isBlank() || headings.isEmpty()) {
            out.add(new Section(0, null, 0, 0, first, 1, !text.substring(0, first).isBlank()));
        }
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            int end = i + 1 < headings.size() ? headings.get(i + 1).offset() : text.length();
            int newline = text.indexOf('\n', h.offset());
            int body = newline < 0 || newline >= end ? end : newline + 1;
            out.add(new Section(h.level(), h.text(), h.offset(), body, end, line(h.offset()),
                    !text.substring(body, end).isBlank()));
        }
        return out;
    }
}
