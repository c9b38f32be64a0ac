package dev.scrum.injection;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * One line in the form the rules match: compatibility-decomposed (NFKD: full-width and mathematical letters,
 * ligatures, circled letters become plain ones), accents and other combining marks dropped, invisible and
 * control characters dropped, Cyrillic and Greek look-alikes folded to Latin letters ({@link Homoglyphs}),
 * every space character a plain space, and lower-cased. Each character of the folded text knows the column of
 * the original character it came from, so a hit is reported where the reader sees it.
 */
final class FoldedLine {

    private final String original;
    /** The folded text, case kept: for the few rules that tell {@code SYSTEM} from {@code system}. */
    private final String folded;
    private final String lower;
    /** {@code origin[i]}: the index in {@link #original} of the character that {@code folded[i]} comes from. */
    private final int[] origin;

    private FoldedLine(String original, String folded, int[] origin) {
        this.original = original;
        this.folded = escapesAsBreaks(folded);
        this.lower = lower(this.folded);
        this.origin = origin;
    }

    static FoldedLine of(String line) {
        if (plainAscii(line)) {
            int[] origin = new int[line.length()];
            Arrays.setAll(origin, i -> i);
            return new FoldedLine(line, line.replace('\t', ' '), origin);
        }
        StringBuilder out = new StringBuilder(line.length());
        int[] origin = new int[line.length() * 2 + 4];
        int n = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int at = i;
            i += Character.charCount(cp);
            if (HiddenCharacters.droppedWhenFolding(cp)) {
                continue;
            }
            String decomposed = cp < 0x80 ? null : Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
            if (decomposed == null) {
                origin = room(origin, n + 1);
                out.append(cp == '\t' ? ' ' : (char) cp);
                origin[n++] = at;
                continue;
            }
            for (int j = 0; j < decomposed.length(); ) {
                int d = decomposed.codePointAt(j);
                j += Character.charCount(d);
                int type = Character.getType(d);
                if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                        || HiddenCharacters.droppedWhenFolding(d)) {
                    continue;
                }
                if (Character.isSpaceChar(d) || Character.isWhitespace(d)) {
                    d = ' ';
                }
                char[] chars = Character.toChars(Homoglyphs.fold(d));
                origin = room(origin, n + chars.length);
                for (char c : chars) {
                    out.append(c);
                    origin[n++] = at;
                }
            }
        }
        return new FoldedLine(line, out.toString(), Arrays.copyOf(origin, n));
    }

    /**
     * A string literal's {@code \\n} or {@code \\r} escape becomes a backslash and a line feed, {@code \\t} a
     * backslash and a space (same length, so indexes stay): the words after {@code "\\nIgnore"} start a line.
     */
    private static String escapesAsBreaks(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        int backslashes = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (backslashes % 2 == 1 && (c == 'n' || c == 'r' || c == 't')) {
                chars[i] = c == 't' ? ' ' : '\n';
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return new String(chars);
    }

    private static boolean plainAscii(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= 0x7F || (c < 0x20 && c != '\t')) {
                return false;
            }
        }
        return true;
    }

    private static int[] room(int[] origin, int needed) {
        return needed <= origin.length ? origin : Arrays.copyOf(origin, Math.max(needed, origin.length * 2));
    }

    /** Lower case, one char for one char, so that indexes stay those of {@link #folded}. */
    private static String lower(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    String original() {
        return original;
    }

    String folded() {
        return folded;
    }

    String lower() {
        return lower;
    }

    /** The index in the original line of the character at {@code index} of the folded text. */
    int originalIndex(int index) {
        if (origin.length == 0) {
            return 0;
        }
        return origin[Math.min(Math.max(index, 0), origin.length - 1)];
    }
}
