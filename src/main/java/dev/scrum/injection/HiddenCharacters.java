package dev.scrum.injection;

/**
 * The characters a reader does not see: bidirectional controls (Trojan Source, CVE-2021-42574), zero-width
 * and other invisible format characters, tag characters, runs of variation selectors, Hangul fillers, and the
 * control characters that hide text on a terminal. Where a script needs an invisible character (a zero-width
 * non-joiner between Persian letters, a joiner inside an emoji sequence, a subdivision flag's tags, an
 * ideographic variation selector after a Han character) it is not reported.
 */
final class HiddenCharacters {

    private HiddenCharacters() {}

    /** U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C: they reorder what is shown. */
    static boolean bidi(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    /** The index of the first bidirectional control in {@code line}, or -1. */
    static int firstBidi(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (bidi(line.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first invisible character of {@code line} that is there to hide something, or -1.
     *
     * @param textStart whether the line starts the text (a byte-order mark is allowed there)
     */
    static int firstInvisible(String line, boolean textStart) {
        int prev = -1;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int next = i + Character.charCount(cp);
            int after = next < line.length() ? line.codePointAt(next) : -1;
            if (hiding(cp, prev, after, i == 0 && textStart, line, i)) {
                return i;
            }
            prev = cp;
            i = next;
        }
        return -1;
    }

    private static boolean hiding(int cp, int prev, int next, boolean fileStart, String line, int at) {
        return switch (cp) {
            case 0x200B, 0x2060 -> !betweenPunctuation(prev, next) && !(scriptNeedsJoiner(prev) && scriptNeedsJoiner(next));
            case 0x200C, 0x200D -> !betweenPunctuation(prev, next) && !emoji(prev) && !emoji(next)
                    && !(scriptNeedsJoiner(prev) && scriptNeedsJoiner(next));
            case 0x2061, 0x2062, 0x2063, 0x2064, 0x180E, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2028, 0x2029 -> true;
            case 0xFEFF -> !fileStart;
            case 0x00AD -> Character.isLetter(prev) && Character.isLetter(next) && (prev < 0x80 || next < 0x80);
            case 0x0008, 0x001B, 0x007F -> true;
            default -> (cp >= 0x0080 && cp <= 0x009F)
                    || (cp >= 0xE0000 && cp <= 0xE007F && !subdivisionFlag(line, at))
                    || (variationSelector(cp) && (variationSelector(prev) || (cp >= 0xE0100 && !han(prev))));
        };
    }

    /**
     * Between two ASCII punctuation characters a zero-width character splits no word: Javadoc writes
     * {@code "**\u200B/"} so that a glob does not end the comment.
     */
    private static boolean betweenPunctuation(int prev, int next) {
        return asciiPunctuation(prev) && asciiPunctuation(next);
    }

    private static boolean asciiPunctuation(int cp) {
        return cp > ' ' && cp < 0x7F && !Character.isLetterOrDigit(cp);
    }

    /** A part of an emoji sequence: a symbol, a skin-tone modifier, a variation selector. */
    private static boolean emoji(int cp) {
        if (cp < 0) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL || variationSelector(cp);
    }

    /** A letter of a script that joins with ZWJ/ZWNJ or breaks words with ZWSP (not Latin, Greek or Cyrillic). */
    private static boolean scriptNeedsJoiner(int cp) {
        if (cp < 0) {
            return false;
        }
        if (emoji(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        if (!Character.isLetter(cp) && type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.GREEK
                && script != Character.UnicodeScript.CYRILLIC && script != Character.UnicodeScript.COMMON;
    }

    private static boolean variationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static boolean han(int cp) {
        return cp >= 0 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** Whether the tag character at {@code at} belongs to a run of tags after U+1F3F4 (a subdivision flag). */
    private static boolean subdivisionFlag(String line, int at) {
        int i = at;
        while (i > 0) {
            int cp = line.codePointBefore(i);
            if (cp == 0x1F3F4) {
                return true;
            }
            if (cp < 0xE0000 || cp > 0xE007F) {
                return false;
            }
            i -= Character.charCount(cp);
        }
        return false;
    }

    /** Whether a character is one the detector drops before matching words (format, control, filler). */
    static boolean droppedWhenFolding(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || (type == Character.CONTROL && cp != '\t') || variationSelector(cp)
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x180E;
    }

    /** Whether a character must be shown as {@code <U+XXXX>} in a quoted excerpt. */
    static boolean unsafeToPrint(int cp) {
        int type = Character.getType(cp);
        return droppedWhenFolding(cp) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.CONTROL || cp == 0x034F;
    }
}
