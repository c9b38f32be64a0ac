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

    private record Heading(int offset, String text) {}

    private final LineIndex lines;
    private final List<Heading> headings = new ArrayList<>();

    public DocumentOutline(String text) {
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
                    headings.add(new Heading(start, m.group(1).strip()));
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
}
