package dev.scrum.injection;

import java.util.Locale;
import java.util.Objects;

/**
 * One hit of the detector.
 *
 * @param kind what kind of text it is
 * @param line the line, from 1, in the text as given (lines end at CR, LF or CRLF)
 * @param column the column, from 1, in UTF-16 code units of the original line (SARIF's default column kind)
 * @param excerpt the original text of the line from near the hit, as written (it may hold invisible characters)
 */
public record InjectionHit(InjectionKind kind, int line, int column, String excerpt) {

    /** About the longest {@link #quoted()} text, in characters, before it is cut with an ellipsis. */
    static final int QUOTED_MAX = 120;

    public InjectionHit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(excerpt, "excerpt");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1: " + line + ":" + column);
        }
    }

    /**
     * The excerpt made safe to print anywhere: every invisible, bidirectional-control, control or
     * line-separating character is shown as {@code <U+202E>}, runs of white space become one space, and the
     * text is cut at about {@value #QUOTED_MAX} characters with an ellipsis.
     */
    public String quoted() {
        StringBuilder out = new StringBuilder(Math.min(excerpt.length(), QUOTED_MAX) + 16);
        boolean space = false;
        for (int i = 0; i < excerpt.length(); ) {
            int cp = excerpt.codePointAt(i);
            i += Character.charCount(cp);
            if (out.length() >= QUOTED_MAX) {
                out.append('…');
                break;
            }
            if (cp == ' ' || cp == '\t') {
                if (!space) {
                    out.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            if (HiddenCharacters.unsafeToPrint(cp)) {
                out.append(String.format(Locale.ROOT, "<U+%04X>", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString().strip();
    }
}
