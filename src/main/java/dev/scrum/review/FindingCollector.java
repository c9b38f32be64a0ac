package dev.scrum.review;

import dev.scrum.check.Citation;
import dev.scrum.check.CitationChecker;
import dev.scrum.check.StructuredAnswer;
import dev.scrum.report.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an accepted answer into findings, each with its citations checked against the passages sent. A
 * structured answer gives them directly; a markdown answer gives one per list item (numbered items are
 * suggestions, bullets are gaps), located by a {@code line N} reference or its first backticked name.
 */
final class FindingCollector {

    private static final Pattern NUMBERED = Pattern.compile("^\\s{0,3}\\d{1,2}[.)]\\s+(.+)$");
    private static final Pattern BULLET = Pattern.compile("^\\s{0,3}[-*+]\\s+(.+)$");
    private static final Pattern LINE = Pattern.compile("(?i)\\b(?:line|l\\.?)\\s*(\\d{1,6})\\b");
    private static final Pattern SYMBOL = Pattern.compile("`([A-Za-z_$][\\w$.#]*)(?:\\(\\))?`");
    private static final Pattern GAP_KIND = Pattern.compile("(?i)\\b(missing|partial|partly|contradicts?|unrequested)\\b");

    private final CitationChecker citations;

    FindingCollector(CitationChecker citations) {
        this.citations = citations;
    }

    List<Finding> fromStructured(StructuredAnswer answer) {
        List<Finding> out = new ArrayList<>();
        for (StructuredAnswer.Suggestion s : answer.suggestions()) {
            out.add(new Finding("suggestion", null, s.title(), s.change(), blankToNull(s.symbol()), s.line(),
                    cite(s.citations())));
        }
        for (StructuredAnswer.Gap g : answer.gaps()) {
            out.add(new Finding("gap", g.kind(), null, g.description(), blankToNull(g.symbol()), null,
                    cite(g.citations())));
        }
        return out;
    }

    List<Finding> fromMarkdown(String markdown) {
        List<Finding> out = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            Matcher numbered = NUMBERED.matcher(line);
            Matcher bullet = BULLET.matcher(line);
            boolean isSuggestion = numbered.matches();
            if (!isSuggestion && !bullet.matches()) {
                continue;
            }
            String text = (isSuggestion ? numbered.group(1) : bullet.group(1)).strip();
            Matcher lm = LINE.matcher(text);
            Integer lineNo = lm.find() ? Integer.valueOf(lm.group(1)) : null;
            Matcher sm = SYMBOL.matcher(text);
            String symbol = sm.find() ? sm.group(1) : null;
            String gapKind = null;
            if (!isSuggestion) {
                Matcher gk = GAP_KIND.matcher(text);
                gapKind = gk.find() ? normalizeGapKind(gk.group(1)) : null;
            }
            out.add(new Finding(isSuggestion ? "suggestion" : "gap", gapKind, null, text, symbol, lineNo,
                    citations.check(text)));
        }
        return out;
    }

    private static String normalizeGapKind(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("contradict")) {
            return "contradicts";
        }
        return w.equals("partly") ? "partial" : w;
    }

    private List<Citation> cite(List<String> raw) {
        List<Citation> out = new ArrayList<>();
        for (String c : raw) {
            List<Citation> found = citations.check(c);
            if (found.isEmpty()) {
                out.add(new Citation(c.strip(), -1, false));
            } else {
                out.addAll(found);
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
