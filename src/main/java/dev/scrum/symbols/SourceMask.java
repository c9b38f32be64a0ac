package dev.scrum.symbols;

/**
 * Blanks a source file's comments and string and character literals with spaces, keeping every other
 * character and every line break where it was, so that offsets and line numbers of the result are those of
 * the file and no name inside a comment or a string is mistaken for code.
 */
final class SourceMask {

    private SourceMask() {}

    /** The code of {@code text}: comments and literals blanked. */
    static String codeOnly(String text, Language language) {
        char[] out = text.toCharArray();
        boolean python = language == Language.PYTHON;
        int i = 0;
        int n = out.length;
        while (i < n) {
            char c = out[i];
            if (python && c == '#') {
                i = blankUntilLineEnd(out, i);
            } else if (!python && c == '/' && i + 1 < n && out[i + 1] == '/') {
                i = blankUntilLineEnd(out, i);
            } else if (!python && c == '/' && i + 1 < n && out[i + 1] == '*') {
                int end = indexOf(out, "*/", i + 2);
                i = blank(out, i, end < 0 ? n : end + 2);
            } else if ((c == '"' || c == '\'') && startsWith(out, i, triple(c))
                    && (c == '"' || python || language == Language.GROOVY)) {
                int end = indexOf(out, triple(c), i + 3);
                i = blank(out, i, end < 0 ? n : end + 3);
            } else if (c == '"' || c == '\'') {
                i = blank(out, i, quotedEnd(out, i));
            } else {
                i++;
            }
        }
        return new String(out);
    }

    private static String triple(char quote) {
        return String.valueOf(quote).repeat(3);
    }

    /** The index past a one-line literal opened at {@code start}: its closing quote, or the line's end. */
    private static int quotedEnd(char[] s, int start) {
        char quote = s[start];
        int i = start + 1;
        while (i < s.length && s[i] != '\n') {
            if (s[i] == '\\') {
                i += 2;
                continue;
            }
            if (s[i] == quote) {
                return i + 1;
            }
            i++;
        }
        return Math.min(i, s.length);
    }

    private static int blankUntilLineEnd(char[] s, int start) {
        int i = start;
        while (i < s.length && s[i] != '\n') {
            i++;
        }
        return blank(s, start, i);
    }

    /** Blanks {@code [from, to)} except line breaks; returns {@code to}. */
    private static int blank(char[] s, int from, int to) {
        int end = Math.min(to, s.length);
        for (int i = from; i < end; i++) {
            if (s[i] != '\n' && s[i] != '\r') {
                s[i] = ' ';
            }
        }
        return end;
    }

    private static boolean startsWith(char[] s, int at, String what) {
        if (at + what.length() > s.length) {
            return false;
        }
        for (int k = 0; k < what.length(); k++) {
            if (s[at + k] != what.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char[] s, String what, int from) {
        for (int i = from; i <= s.length - what.length(); i++) {
            if (startsWith(s, i, what)) {
                return i;
            }
        }
        return -1;
    }
}
