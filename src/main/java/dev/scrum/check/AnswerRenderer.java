package dev.scrum.check;

/** Renders a structured answer as the markdown the report shows and {@code suggestions} holds. */
final class AnswerRenderer {

    private AnswerRenderer() {}

    public static String markdown(StructuredAnswer answer) {
        StringBuilder md = new StringBuilder();
        md.append("**Alignment score: ").append(answer.score()).append("/10**\n\n");
        if (answer.summary() != null && !answer.summary().isBlank()) {
            md.append(answer.summary().strip()).append("\n\n");
        }
        md.append("#### Suggested changes\n\n");
        int i = 1;
        for (StructuredAnswer.Suggestion s : answer.suggestions()) {
            md.append(i++).append(". **").append(oneLine(s.title())).append("**");
            String where = where(s.symbol(), s.line());
            if (!where.isEmpty()) {
                md.append(" (").append(where).append(")");
            }
            md.append(" — ").append(oneLine(s.change()));
            appendCitations(md, s.citations());
            md.append('\n');
        }
        if (!answer.gaps().isEmpty()) {
            md.append("\n#### Gaps\n\n");
            for (StructuredAnswer.Gap g : answer.gaps()) {
                md.append("- *").append(g.kind()).append("*");
                if (g.symbol() != null && !g.symbol().isBlank()) {
                    md.append(" `").append(g.symbol()).append('`');
                }
                md.append(": ").append(oneLine(g.description()));
                appendCitations(md, g.citations());
                md.append('\n');
            }
        }
        return md.toString().strip();
    }

    private static String where(String symbol, Integer line) {
        StringBuilder w = new StringBuilder();
        if (symbol != null && !symbol.isBlank()) {
            w.append('`').append(symbol.strip()).append('`');
        }
        if (line != null) {
            if (w.length() > 0) {
                w.append(", ");
            }
            w.append("line ").append(line);
        }
        return w.toString();
    }

    private static void appendCitations(StringBuilder md, java.util.List<String> citations) {
        for (String c : citations) {
            md.append(" [").append(c.strip().replace("[", "").replace("]", "")).append(']');
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
