package dev.scrum.report;

/**
 * A file name (or any short text from the reviewed tree) shown as written in the Markdown outputs (the report
 * and the CI step summary): nothing in it becomes markup, and it stays on its line, so that a name such as
 * {@code src/a|b_*c*`d`[x](y).java} cannot end a table cell, open emphasis or a link, close an inline code span
 * or start a new line. The one place the Markdown outputs escape names; the HTML report escapes its own
 * ({@link Html#esc}).
 */
final class MarkdownLiteral {

    /** The characters CommonMark and GitHub read as markup in running text; each is shown by its backslash escape. */
    private static final String MARKUP = "\\`*_[]<>#|~&";

    private MarkdownLiteral() {}

    /** As plain text (a heading's, a list item's): every markup character backslash-escaped. */
    static String text(String s) {
        String visible = visible(s);
        StringBuilder out = new StringBuilder(visible.length() + 8);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            if (MARKUP.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * As inline code outside a table: fenced by one backtick more than its longest run of backticks (padded with
     * a space when it begins or ends with one), inside which nothing else is markup.
     */
    static String code(String s) {
        String visible = visible(s);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < visible.length(); i++) {
            run = visible.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = visible.startsWith("`") || visible.endsWith("`")
                || visible.startsWith(" ") && visible.endsWith(" ") && !visible.isBlank();
        return fence + (pad ? " " + visible + " " : visible) + fence;
    }

    /** As inline code in a table cell: {@link #code}, with each {@code |} escaped (GitHub tables split on it first). */
    static String cell(String s) {
        return code(s).replace("|", "\\|");
    }

    /** Line breaks, tabs and other control characters as visible escapes ({@code \n}, {@code \u0007}), one line. */
    static String visible(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
