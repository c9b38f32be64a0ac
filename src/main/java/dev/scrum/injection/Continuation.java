package dev.scrum.injection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence that runs on to the next line, as a wrapped comment, Javadoc, Markdown paragraph or a string
 * concatenated over two lines does: the first line (without a closing {@code " +}) joined with a space to the
 * next one's text (without its comment markers and opening quote). Only a line that ends in a word and a next
 * line that starts with one are joined, so code is hardly ever.
 *
 * @param text the joined line; its first {@code boundary} characters are the first line's, folded
 * @param boundary where the first line's folded text ends
 */
record Continuation(FoldedLine text, int boundary) {

    /** A string literal closed and concatenated at the end of a line: {@code "… previous " +}. */
    private static final Pattern CONCATENATED = Pattern.compile("\\s*\"\\s*\\+?\\s*$");
    /** The comment markers, quotes and concatenation that open a continued line. */
    private static final Pattern OPENING = Pattern.compile("^[\\s/*#>;+\\-\"']*");

    /** The two lines joined, or null when {@code line} does not run on into {@code next}. */
    static Continuation of(FoldedLine line, FoldedLine next) {
        if (next == null) {
            return null;
        }
        String first = line.original();
        Matcher closing = CONCATENATED.matcher(first);
        String head = closing.find() ? first.substring(0, closing.start()) : first.stripTrailing();
        if (head.isEmpty() || !endsInWord(head)) {
            return null;
        }
        String second = next.original();
        Matcher opening = OPENING.matcher(second);
        String tail = opening.lookingAt() ? second.substring(opening.end()) : second;
        if (tail.isEmpty() || !Character.isLetter(tail.codePointAt(0))) {
            return null;
        }
        int boundary = FoldedLine.of(head).folded().length();
        return new Continuation(FoldedLine.of(head + " " + tail), boundary);
    }

    private static boolean endsInWord(String head) {
        int last = head.codePointBefore(head.length());
        return Character.isLetterOrDigit(last) || last == ',';
    }
}
