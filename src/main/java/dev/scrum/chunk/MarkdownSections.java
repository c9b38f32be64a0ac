package dev.scrum.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings of a Markdown document: ATX headings ({@code ## Title}, closing {@code #}s and a trailing
 * {@code {#id}} dropped) and setext headings (a one-line paragraph underlined with {@code ===} or {@code ---}).
 * Lines inside fenced code blocks ({@code ```} or {@code ~~~}) and a leading YAML front matter are never
 * headings.
 */
final class MarkdownSections {

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern NOT_PARAGRAPH = Pattern.compile("^(?: {4}|\\t| {0,3}(?:[>|#]|[-*+][ \\t]|\\d+[.)][ \\t]|<))");
    private static final Pattern ID = Pattern.compile("[ \\t]*\\{#[^}]*}$");

    private MarkdownSections() {}

    /** The headings of {@code text}, in order. */
    static List<Sections.Heading> headings(String text) {
        List<Sections.Line> lines = Sections.lines(text);
        List<Sections.Heading> out = new ArrayList<>();
        String fence = null;
        int i = frontMatterEnd(lines);
        for (; i < lines.size(); i++) {
            Sections.Line line = lines.get(i);
            String l = line.text();
            if (fence != null) {
                if (closesFence(fence, l)) {
                    fence = null;
                }
                continue;
            }
            Matcher f = FENCE.matcher(l);
            if (f.matches() && !(f.group(1).charAt(0) == '`' && f.group(2).contains("`"))) {
                fence = f.group(1);
                continue;
            }
            Matcher atx = ATX.matcher(l);
            if (atx.matches() && atx.group(2) != null && !atx.group(2).isBlank()) {
                String title = ID.matcher(atx.group(2).strip()).replaceFirst("");
                out.add(new Sections.Heading(line.offset(), line.offset(), atx.group(1).length(), title, '#'));
                continue;
            }
            Matcher setext = SETEXT.matcher(l);
            if (setext.matches() && i > 0 && isParagraphLine(lines, i - 1, out)) {
                Sections.Line title = lines.get(i - 1);
                char marker = setext.group(1).charAt(0);
                out.add(new Sections.Heading(title.offset(), title.offset(), marker == '=' ? 1 : 2,
                        title.text().strip(), marker));
            }
        }
        return out;
    }

    private static boolean closesFence(String fence, String line) {
        String l = line.strip();
        return l.startsWith(fence) && l.chars().allMatch(c -> c == fence.charAt(0));
    }

    /** A one-line paragraph at line {@code i}: text, with a blank line (or nothing, or a heading) before it. */
    private static boolean isParagraphLine(List<Sections.Line> lines, int i, List<Sections.Heading> found) {
        Sections.Line line = lines.get(i);
        if (line.blank() || NOT_PARAGRAPH.matcher(line.text()).find() || SETEXT.matcher(line.text()).matches()) {
            return false;
        }
        if (!found.isEmpty() && found.get(found.size() - 1).headingOffset() == line.offset()) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        Sections.Line before = lines.get(i - 1);
        return before.blank() || ATX.matcher(before.text()).matches();
    }

    private static int frontMatterEnd(List<Sections.Line> lines) {
        if (lines.isEmpty() || !lines.get(0).text().equals("---")) {
            return 0;
        }
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).text();
            if (l.equals("---") || l.equals("...")) {
                return i + 1;
            }
        }
        return 0;
    }
}
