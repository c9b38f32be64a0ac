package dev.scrum.publish;

/**
 * Text from a review (a model's answer, a reviewed file's quoted line, a path) made inert for a pull request's
 * markdown, which GitHub, GitLab and Gitea render with HTML allowed and with mentions, links and images: it stays
 * the words it is and can do nothing else. {@code <}, {@code >} and {@code &} become entities (no HTML, no forged
 * hidden marker), {@code [ ] ! * _ ~ #} and backticks are escaped (no link, image, emphasis or heading), an
 * {@code @} or a {@code #} is followed by a zero-width space (no mention of a user or team, no reference to an
 * issue), and the text is kept on one line and cut to a length.
 */
public final class CommentText {

    private static final int MAX_CHARS = 2000;

    private CommentText() {}

    /** The text, inert and on one line, at most 2000 characters. */
    public static String inert(String text) {
        return inert(text, MAX_CHARS);
    }

    /** The text, inert and on one line, at most {@code maxChars} characters (then ending with …). */
    public static String inert(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\s]+", " ").strip();
        if (flat.length() > maxChars) {
            flat = flat.substring(0, maxChars) + "…";
        }
        StringBuilder out = new StringBuilder(flat.length() + 16);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '@', '#' -> out.append(c).append('\u200B');
                case '[', ']', '!', '*', '_', '~', '`', '\\', '|' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A path or other short name as inline code: backticks in it replaced, so the span cannot be closed early. */
    public static String code(String text) {
        String flat = text == null ? "" : text.replaceAll("[\\p{Cntrl}\\s]+", " ").replace('`', '\'');
        return "`" + flat + "`";
    }
}
