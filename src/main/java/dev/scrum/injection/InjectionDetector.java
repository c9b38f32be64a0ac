package dev.scrum.injection;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finds text that speaks to the model reading a review prompt instead of to the people reading the code or the
 * document: instructions to ignore the prompt, chat roles and template tokens, claims of pre-approval,
 * directives about the review's score, findings or answer format, imitations of the prompt's own headings and
 * fences ({@link InjectionKind}). Each line is folded first ({@link FoldedLine}: NFKD, marks and invisible
 * characters dropped, look-alike letters folded to Latin), so that full-width, homoglyph and zero-width-split
 * spellings match too; hits are reported at the original line and column. Bidirectional controls and other
 * invisible characters are reported wherever they are. Ordinary text that merely uses the words (ignore,
 * previous, system, prompt, score, reviewer) does not match: each rule needs the text to address the reader or
 * the review's own outcome. Thread-safe; no state.
 */
public final class InjectionDetector {

    /** The longest excerpt kept, in UTF-16 units, around a hit of a long line. */
    private static final int EXCERPT = 200;
    /** How many non-blank lines after a code fence a heading counts as following it. */
    private static final int FENCE_REACH = 3;

    private InjectionDetector() {}

    /**
     * Every hit in {@code text} (a source file, or a document or one of its passages), in line order and, on a
     * line, in column order; at most one hit per line and kind.
     */
    public static List<InjectionHit> scan(String text) {
        List<String> lines = lines(text);
        List<InjectionHit> hits = new ArrayList<>();
        int sinceFence = Integer.MAX_VALUE;
        FoldedLine next = lines.isEmpty() ? null : FoldedLine.of(lines.get(0));
        for (int i = 0; i < lines.size(); i++) {
            FoldedLine line = next;
            next = i + 1 < lines.size() ? FoldedLine.of(lines.get(i + 1)) : null;
            scanLine(hits, line, next, i + 1, sinceFence < FENCE_REACH);
            if (EscapeRules.FENCE.matcher(line.lower()).find()) {
                sinceFence = 0;
            } else if (!line.original().isBlank() && sinceFence != Integer.MAX_VALUE) {
                sinceFence++;
            }
        }
        return hits;
    }

    /** The lines of {@code text}, split at CR, LF and CRLF. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(at, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                at = i + 1;
            }
        }
        lines.add(text.substring(at));
        return lines;
    }

    private static void scanLine(List<InjectionHit> hits, FoldedLine line, FoldedLine next, int lineNo,
            boolean afterFence) {
        Map<InjectionKind, Integer> found = new EnumMap<>(InjectionKind.class);
        String original = line.original();
        int bidi = HiddenCharacters.firstBidi(original);
        if (bidi >= 0) {
            found.put(InjectionKind.BIDI_CONTROL, bidi);
        }
        int invisible = HiddenCharacters.firstInvisible(original, lineNo == 1);
        if (invisible >= 0) {
            found.put(InjectionKind.INVISIBLE_CHARACTER, invisible);
        }
        for (TextRule rule : TextRules.ALL) {
            if (found.containsKey(rule.kind()) || (rule.afterFence() && !afterFence)) {
                continue;
            }
            int index = rule.find(line);
            if (index >= 0) {
                found.put(rule.kind(), line.originalIndex(index));
            }
        }
        Continuation joined = Continuation.of(line, next);
        if (joined != null) {
            for (TextRule rule : TextRules.ALL) {
                if (rule.joinable() && !found.containsKey(rule.kind())) {
                    int index = rule.findAcross(joined.text(), joined.boundary());
                    if (index >= 0) {
                        found.put(rule.kind(), joined.text().originalIndex(index));
                    }
                }
            }
        }
        found.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> hits.add(
                new InjectionHit(e.getKey(), lineNo, e.getValue() + 1, excerpt(original, e.getValue()))));
    }

    /** The line, stripped; of a long line, the part around the hit. */
    private static String excerpt(String line, int index) {
        if (line.length() <= EXCERPT) {
            return line.strip();
        }
        int from = Math.max(0, index - 40);
        return line.substring(from, Math.min(line.length(), from + EXCERPT)).strip();
    }
}
