package dev.scrum.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's markdown as HTML, in a safe subset: headings, paragraphs, bullet and numbered lists, fenced code,
 * inline code, bold and emphasis; tables and anything else stay text. Every character of the input is escaped
 * first and only this class's own tags are added, so nothing the model wrote can become markup (no raw HTML, no
 * links, no attributes).
 */
final class SafeMarkdown {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,9}[.)]\\s+(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern STRONG = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*|__(?=\\S)(.+?)(?<=\\S)__");
    private static final Pattern EM = Pattern.compile("(?<![\\w*])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![\\w*])"
            + "|(?<![\\w_])_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?![\\w_])");

    private SafeMarkdown() {}

    /**
     * The markdown as HTML; its headings start at {@code topLevel} ({@code 4}: the model's top heading becomes
     * {@code <h4>}, nested under the report's own).
     */
    static String toHtml(String markdown, int topLevel) {
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        int top = 7;
        for (String line : lines) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                top = Math.min(top, m.group(1).length());
            }
        }
        StringBuilder html = new StringBuilder(markdown.length() + markdown.length() / 4);
        StringBuilder paragraph = new StringBuilder();
        String list = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher fence = FENCE.matcher(line);
            boolean fenced = fence.find();
            Matcher heading = HEADING.matcher(line);
            boolean isHeading = !fenced && heading.matches();
            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            String kind = bullet.matches() ? "ul" : numbered.matches() ? "ol" : null;
            boolean table = line.strip().startsWith("|");
            boolean text = !line.isBlank() && !fenced && !isHeading && kind == null && !table;
            if (text && list != null && Character.isWhitespace(line.charAt(0))) {
                html.append(' ').append(inline(line.strip()));
                continue;
            }
            if (text && list == null) {
                paragraph.append(paragraph.length() == 0 ? "" : "\n").append(line.strip());
                continue;
            }
            flush(html, paragraph);
            if (list != null && !list.equals(kind)) {
                html.append("</li></").append(list).append(">\n");
                list = null;
            }
            if (fenced) {
                String marker = fence.group(1);
                StringBuilder code = new StringBuilder();
                while (++i < lines.length && !lines[i].strip().startsWith(marker)) {
                    code.append(lines[i]).append('\n');
                }
                html.append("<pre><code>").append(Html.esc(code.toString())).append("</code></pre>\n");
            } else if (isHeading) {
                int level = Math.min(6, topLevel + heading.group(1).length() - top);
                html.append("<h").append(level).append('>').append(inline(heading.group(2))).append("</h")
                        .append(level).append(">\n");
            } else if (kind != null) {
                String item = kind.equals("ul") ? bullet.group(1) : numbered.group(1);
                html.append(list == null ? "<" + kind + ">\n<li>" : "</li>\n<li>").append(inline(item));
                list = kind;
            } else if (table) {
                StringBuilder rows = new StringBuilder(line).append('\n');
                while (i + 1 < lines.length && lines[i + 1].strip().startsWith("|")) {
                    rows.append(lines[++i]).append('\n');
                }
                html.append("<pre class=\"md-table\">").append(Html.esc(rows.toString())).append("</pre>\n");
            } else if (text) {
                paragraph.append(line.strip());
            }
        }
        flush(html, paragraph);
        if (list != null) {
            html.append("</li></").append(list).append(">\n");
        }
        return html.toString();
    }

    private static void flush(StringBuilder html, StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            html.append("<p>").append(inline(paragraph.toString())).append("</p>\n");
            paragraph.setLength(0);
        }
    }

    /** Inline code, bold and emphasis over the escaped text; code spans are left as they are. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher code = CODE.matcher(text);
        int at = 0;
        while (code.find()) {
            out.append(emphasis(Html.esc(text.substring(at, code.start())))).append("<code>")
                    .append(Html.esc(code.group(1))).append("</code>");
            at = code.end();
        }
        return out.append(emphasis(Html.esc(text.substring(at)))).toString();
    }

    private static String emphasis(String escaped) {
        String strong = STRONG.matcher(escaped).replaceAll(m -> "<strong>"
                + Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(2)) + "</strong>");
        return EM.matcher(strong).replaceAll(m -> "<em>"
                + Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(2)) + "</em>");
    }
}
