package dev.scrum.review;

import dev.scrum.check.Citation;
import dev.scrum.check.CitationChecker;
import dev.scrum.check.MarkdownItems;
import dev.scrum.check.StructuredAnswer;
import dev.scrum.report.Finding;
import dev.scrum.symbols.SymbolTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an accepted answer into findings, each with its citations checked against the passages sent. A
 * structured answer gives them directly; a markdown answer gives one per list item (numbered items are
 * suggestions, bullets are gaps, see {@link MarkdownItems}). A finding is located at the answer's line (a
 * {@code line N} reference in markdown), else at the line declaring its symbol; a {@code missing} gap has no
 * line, since what it names is not in the file.
 */
final class FindingCollector {

    private final CitationChecker citations;
    private final SymbolTable file;

    FindingCollector(CitationChecker citations, SymbolTable file) {
        this.citations = citations;
        this.file = file;
    }

    List<Finding> fromStructured(StructuredAnswer answer) {
        List<Finding> out = new ArrayList<>();
        for (StructuredAnswer.Suggestion s : answer.suggestions()) {
            String symbol = blankToNull(s.symbol());
            out.add(new Finding("suggestion", null, s.title(), s.change(), symbol, locate(s.line(), symbol, null),
                    cite(s.citations()), null));
        }
        for (StructuredAnswer.Gap g : answer.gaps()) {
            String symbol = blankToNull(g.symbol());
            out.add(new Finding("gap", g.kind(), null, g.description(), symbol, locate(null, symbol, g.kind()),
                    cite(g.citations()), null));
        }
        return out;
    }

    List<Finding> fromMarkdown(String markdown) {
        List<Finding> out = new ArrayList<>();
        for (MarkdownItems.Item item : MarkdownItems.of(markdown)) {
            if (item.kind() == MarkdownItems.Kind.PROSE) {
                continue;
            }
            boolean suggestion = item.kind() == MarkdownItems.Kind.SUGGESTION;
            List<Integer> lines = item.lineReferences();
            String symbol = item.firstSymbol();
            out.add(new Finding(suggestion ? "suggestion" : "gap", item.gapKind(), null, item.text(), symbol,
                    locate(lines.isEmpty() ? null : lines.get(0), symbol, item.gapKind()),
                    citations.check(item.text()), null));
        }
        return out;
    }

    /** The answer's line, else the first line declaring the symbol; none for what a gap says is missing. */
    private Integer locate(Integer line, String symbol, String gapKind) {
        if ("missing".equals(gapKind)) {
            return null;
        }
        if (line != null) {
            return line;
        }
        return symbol == null ? null : file.line(symbol).orElse(null);
    }

    private List<Citation> cite(List<String> raw) {
        List<Citation> out = new ArrayList<>();
        for (String c : raw) {
            List<Citation> found = citations.check(c);
            if (found.isEmpty()) {
                out.add(new Citation(c.strip(), -1, false, null, null));
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
