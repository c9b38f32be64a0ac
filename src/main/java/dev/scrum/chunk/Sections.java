package dev.scrum.chunk;

import dev.scrum.symbols.LineIndex;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Turns the headings a parser found into sections with heading paths. */
final class Sections {

    private Sections() {}

    /**
     * A heading as a parser found it.
     *
     * @param start where its section starts (its first anchor or attribute line, else the heading line)
     * @param headingOffset where the heading line starts
     * @param level its level
     * @param title its text
     * @param marker {@code #} or {@code =}, the character the heading was written with ({@code -} for a setext
     *     heading of level 2)
     */
    record Heading(int start, int headingOffset, int level, String title, char marker) {}

    /** A line of a text, without its line end. */
    record Line(int offset, String text) {
        boolean blank() {
            return text.isBlank();
        }
    }

    static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        int from = 0;
        while (from <= text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(from, end);
            out.add(new Line(from, line.endsWith("\r") ? line.substring(0, line.length() - 1) : line));
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
        return out;
    }

    /**
     * The sections of a text whose headings are {@code headings} (in order). When the first heading is the only one
     * of the top level and others follow, it is the document's title: its own section's path is its title, and the
     * other paths leave it out.
     */
    static List<Section> build(String text, List<Heading> headings) {
        LineIndex lines = new LineIndex(text);
        List<Section> out = new ArrayList<>();
        if (headings.isEmpty()) {
            return out;
        }
        int first = headings.get(0).start();
        if (!text.substring(0, first).isBlank()) {
            out.add(new Section(0, first, 0, null, null, 1));
        }
        int top = headings.stream().mapToInt(Heading::level).min().orElseThrow();
        boolean titled = headings.size() > 1 && headings.get(0).level() == top
                && headings.stream().filter(h -> h.level() == top).count() == 1;
        Deque<Heading> open = new ArrayDeque<>();
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            while (!open.isEmpty() && open.peek().level() >= h.level()) {
                open.pop();
            }
            open.push(h);
            List<String> titles = new ArrayList<>();
            open.descendingIterator().forEachRemaining(o -> titles.add(o.title()));
            if (titled && i > 0) {
                titles.remove(0);
            }
            int end = i + 1 < headings.size() ? headings.get(i + 1).start() : text.length();
            out.add(new Section(h.start(), end, h.level(), h.title(), String.join(Section.PATH_SEPARATOR, titles),
                    lines.lineOf(h.headingOffset())));
        }
        return out;
    }
}
