package dev.scrum.check;

import java.util.List;

/**
 * A structured answer, as SPEC.md's schema describes it.
 *
 * @param score the alignment score 1–10
 * @param summary a short verdict
 * @param suggestions concrete changes
 * @param gaps differences between the file and the documents
 */
public record StructuredAnswer(int score, String summary, List<Suggestion> suggestions, List<Gap> gaps) {

    public StructuredAnswer {
        suggestions = List.copyOf(suggestions);
        gaps = List.copyOf(gaps);
    }

    /** A change the file should make, at a symbol or line of it. */
    public record Suggestion(String title, String symbol, Integer line, String change, List<String> citations) {
        public Suggestion {
            citations = List.copyOf(citations);
        }
    }

    /** A gap between the file and the documents: {@code missing}, {@code partial}, {@code contradicts}, {@code unrequested}. */
    public record Gap(String kind, String symbol, String description, List<String> citations) {
        public Gap {
            citations = List.copyOf(citations);
        }
    }
}
