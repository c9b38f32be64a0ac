package dev.scrum.report;

import dev.scrum.check.Citation;
import java.util.List;

/**
 * One suggestion or gap of an accepted review, located in the file.
 *
 * @param kind {@code suggestion} or {@code gap}
 * @param gapKind for a gap: {@code missing}, {@code partial}, {@code contradicts} or {@code unrequested};
 *     else {@code null}
 * @param title a suggestion's title, or {@code null}
 * @param text what to change, or what the gap is
 * @param symbol the symbol it names, or {@code null}
 * @param line the line it is located at, or {@code null}
 * @param citations the passages it cites, each checked against what was sent
 * @param baseline {@code known} or {@code new} against the run's baseline, or {@code null} when it had none
 */
public record Finding(
        String kind, String gapKind, String title, String text, String symbol, Integer line,
        List<Citation> citations, BaselineState baseline) {
    public Finding {
        citations = List.copyOf(citations);
        title = Masked.text(title);
        text = Masked.text(text);
        symbol = Masked.text(symbol);
    }

    /** This finding, marked against a baseline ({@code null}: unmarked). */
    public Finding withBaseline(BaselineState state) {
        return new Finding(kind, gapKind, title, text, symbol, line, citations, state);
    }
}
