package dev.scrum.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can be read of a markdown answer, line by line: numbered items are its suggestions, bullets its gaps,
 * every other line prose. Each item's line references ({@code line 12}, {@code lines 12-14}, {@code L12}),
 * first backticked name and gap kind are read the same way for the rubric and for the findings.
 */
public final class MarkdownItems {

    /** What a line of the answer is. */
    public enum Kind { SUGGESTION, GAP, PROSE }

    private static final Pattern NUMBERED = Pattern.compile("^\\s{0,3}\\d{1,2}[.)]\\s+(.+)$");
    private static final Pattern BULLET = Pattern.compile("^\\s{0,3}[-*+]\\s+(.+)$");
    private static final Pattern LINE = Pattern.compile(
            "(?i)\\b(?:lines?|l\\.?)\\s*(\\d{1,6})(?:\\s*(?:-|–|to)\\s*(\\d{1,6}))?\\b");
    private static final Pattern SYMBOL = Pattern.compile("`([A-Za-z_$][\\w$.#]*)(?:\\(\\))?`");
    private static final Pattern GAP_KIND = Pattern.compile("(?i)\\b(missing|partial|partly|contradicts?|unrequested)\\b");

    /**
     * A line of the answer.
     *
     * @param kind suggestion, gap or prose
     * @param number the item's number among its kind, from 1 (0 for prose)
     * @param text the line without its list marker
     */
    public record Item(Kind kind, int number, String text) {

        /** How a rejection names it: {@code suggestion 2}, {@code gap 1}, or {@code the answer} for prose. */
        public String label() {
            return switch (kind) {
                case SUGGESTION -> "suggestion " + number;
                case GAP -> "gap " + number;
                case PROSE -> "the answer";
            };
        }

        /** Every line number it refers to, both ends of a range included, in order. */
        public List<Integer> lineReferences() {
            List<Integer> out = new ArrayList<>();
            Matcher m = LINE.matcher(text);
            while (m.find()) {
                out.add(Integer.valueOf(m.group(1)));
                if (m.group(2) != null) {
                    out.add(Integer.valueOf(m.group(2)));
                }
            }
            return out;
        }

        /** Its first backticked name ({@code `refund`}, {@code `Refunds.refund()`} gives {@code Refunds.refund}), or {@code null}. */
        public String firstSymbol() {
            Matcher m = SYMBOL.matcher(text);
            return m.find() ? m.group(1) : null;
        }

        /** A gap's kind, from its first kind word ({@code partly} reads as partial), or {@code null}. */
        public String gapKind() {
            if (kind != Kind.GAP) {
                return null;
            }
            Matcher m = GAP_KIND.matcher(text);
            if (!m.find()) {
                return null;
            }
            String w = m.group(1).toLowerCase(Locale.ROOT);
            if (w.startsWith("contradict")) {
                return "contradicts";
            }
            return w.equals("partly") ? "partial" : w;
        }
    }

    private MarkdownItems() {}

    /** Every non-blank line of the answer, in order. */
    public static List<Item> of(String markdown) {
        List<Item> out = new ArrayList<>();
        int suggestions = 0;
        int gaps = 0;
        for (String line : (markdown == null ? "" : markdown).split("\n")) {
            Matcher numbered = NUMBERED.matcher(line);
            Matcher bullet = BULLET.matcher(line);
            if (numbered.matches()) {
                out.add(new Item(Kind.SUGGESTION, ++suggestions, numbered.group(1).strip()));
            } else if (bullet.matches()) {
                out.add(new Item(Kind.GAP, ++gaps, bullet.group(1).strip()));
            } else if (!line.isBlank()) {
                out.add(new Item(Kind.PROSE, 0, line.strip()));
            }
        }
        return out;
    }
}
