package dev.scrum.report;

import dev.scrum.check.Citation;
import dev.scrum.ladder.Attempt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a reader needs right after the gate's decision, most pressing first: the new gaps (the most severe first,
 * each with its file and line), the citations of passages a file was never sent, and the unresolved files with the
 * cause of each. The scores follow, in each output's table. Every output (console, Markdown, HTML, step summary)
 * shows these same lines, in plain text; each writer escapes them for its format.
 *
 * @param gaps {@code src/A.java:12 contradicts: the text}, the most severe first
 * @param citations {@code src/A.java:12 cites PRD@4000, a passage it was not sent}
 * @param unresolved {@code src/A.java: connection refused at http://… — start Ollama …}
 * @param more how many lines of each kind were left out past the cap, as one closing line, or {@code null}
 */
public record ReadFirst(List<Line> gaps, List<Line> citations, List<Line> unresolved, String more) {

    /**
     * One line: where (a file, with its line when known) and what, e.g. {@code src/A.java:12} and
     * {@code contradicts: …}; the writers set {@code where} apart (as code in Markdown).
     *
     * @param separator what stands between them: {@code " "} or {@code ": "}
     */
    public record Line(String where, String separator, String what) {
        /** The line as plain text: {@code src/A.java:12 contradicts: …}. */
        public String text() {
            return where + separator + what;
        }
    }

    /** Lines of each kind shown before the rest is counted (the report's file sections list every one). */
    public static final int MOST_SHOWN = 10;

    /** Severity rank of GitLab's words, the most severe first. */
    private static final List<String> SEVERITY = List.of("critical", "major", "minor", "info");

    public ReadFirst {
        gaps = List.copyOf(gaps);
        citations = List.copyOf(citations);
        unresolved = List.copyOf(unresolved);
    }

    /** The run's lines, each kind capped at {@link #MOST_SHOWN}; a dry run has none. */
    public static ReadFirst of(RunReport run) {
        return of(run, MOST_SHOWN);
    }

    static ReadFirst of(RunReport run, int cap) {
        if (run.dryRun()) {
            return new ReadFirst(List.of(), List.of(), List.of(), null);
        }
        List<Line> gaps = new ArrayList<>();
        List<Line> citations = new ArrayList<>();
        List<Line> unresolved = new ArrayList<>();
        record Located(FileReview review, Finding finding) {}
        List<Located> findings = run.reviews().stream()
                .flatMap(r -> r.outcome().findings().stream().map(f -> new Located(r, f)))
                .toList();
        findings.stream()
                .filter(l -> "gap".equals(l.finding().kind()) && l.finding().baseline() != BaselineState.KNOWN)
                .sorted(Comparator.comparingInt((Located l) -> severity(l.finding()))
                        .thenComparing(l -> l.review().file())
                        .thenComparing(l -> l.finding().line() == null ? Integer.MAX_VALUE : l.finding().line()))
                .forEach(l -> gaps.add(new Line(where(l.review(), l.finding()), " ", gapKind(l.finding()) + ": "
                        + l.finding().text())));
        for (Located l : findings) {
            List<Citation> invalid = l.finding().citations().stream().filter(c -> !c.valid()).toList();
            if (!invalid.isEmpty()) {
                citations.add(new Line(where(l.review(), l.finding()), " ", "cites " + invalid.stream()
                        .map(c -> c.offset() < 0 ? c.doc() : c.doc() + "@" + c.offset())
                        .collect(Collectors.joining(", ")) + ", " + (invalid.size() == 1 ? "a passage" : "passages")
                        + " it was not sent"));
            }
        }
        for (FileReview r : run.unresolved()) {
            unresolved.add(new Line(r.file(), ": ", cause(r)));
        }
        List<String> left = new ArrayList<>();
        String moreGaps = counted(gaps, cap, "new gap(s)");
        String moreCitations = counted(citations, cap, "invalid citation(s)");
        String moreUnresolved = counted(unresolved, cap, "unresolved file(s)");
        for (String m : new String[] {moreGaps, moreCitations, moreUnresolved}) {
            if (m != null) {
                left.add(m);
            }
        }
        return new ReadFirst(cut(gaps, cap), cut(citations, cap), cut(unresolved, cap),
                left.isEmpty() ? null : String.join(", ", left) + " more in the report's file sections");
    }

    /** Whether there is nothing to show. */
    public boolean isEmpty() {
        return gaps.isEmpty() && citations.isEmpty() && unresolved.isEmpty();
    }

    /**
     * Every line under its label, for the console and plain text: {@code New gap: src/A.java:12 missing: …},
     * {@code Invalid citation: …}, {@code Unresolved: …}, then how many were left out.
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        gaps.forEach(g -> out.add("New gap: " + g.text()));
        citations.forEach(c -> out.add("Invalid citation: " + c.text()));
        unresolved.forEach(u -> out.add("Unresolved: " + u.text()));
        if (more != null) {
            out.add(more);
        }
        return out;
    }

    private static int severity(Finding f) {
        int rank = SEVERITY.indexOf(ScrumRule.of(f).gitLabSeverity());
        return rank < 0 ? SEVERITY.size() : rank;
    }

    private static String gapKind(Finding f) {
        return f.gapKind() == null ? "gap" : f.gapKind();
    }

    private static String where(FileReview r, Finding f) {
        return f.line() == null ? r.file() : r.file() + ":" + f.line();
    }

    /**
     * Why no answer was accepted: each distinct cause of its attempts once (connection refused, timeout, …), or,
     * when the models answered and every answer was rejected, the checks' last reason.
     */
    private static String cause(FileReview r) {
        List<UnansweredCause> causes = UnansweredCause.of(List.of(r));
        if (!causes.isEmpty()) {
            return causes.stream().map(UnansweredCause::what).collect(Collectors.joining("; "));
        }
        List<Attempt> attempts = r.outcome().attempts();
        String last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).error();
        return attempts.size() + " answer(s), none accepted by the checks"
                + (last == null || last.isBlank() ? "" : " (last: " + clip(Masked.text(last)) + ")");
    }

    private static String clip(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }

    private static String counted(List<Line> lines, int cap, String what) {
        return lines.size() > cap ? (lines.size() - cap) + " " + what : null;
    }

    private static List<Line> cut(List<Line> lines, int cap) {
        return lines.size() > cap ? lines.subList(0, cap) : lines;
    }
}
