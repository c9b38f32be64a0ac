package dev.scrum.publish;

import dev.scrum.report.BaselineState;
import dev.scrum.report.FileReview;
import dev.scrum.report.Finding;
import dev.scrum.report.GateDecision;
import dev.scrum.report.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one summary comment on a pull request, kept up to date in place: the gate's decision first (the review's
 * own, read back from its JSON), then the reviewed files the pull request changes with their scores, the
 * unresolved files, the new gaps, the prompt injections, every finding that is not inline (outside the diff, or
 * refused by the platform), and where the full report is. It starts with {@link CommentMarker#SUMMARY}. Every text
 * from the review is made inert by {@link CommentText}; the body is cut to fit the platforms' limit, saying so.
 */
public final class SummaryComment {

    /** GitHub's limit on a comment body is 65536 characters; GitLab's and Gitea's are larger. */
    static final int MAX_CHARS = 60_000;

    private SummaryComment() {}

    /**
     * @param run the review, as {@code scrum:review} (or {@code scrum:merge}, {@code scrum:aggregate}) wrote it
     * @param placement where its findings went
     * @param refused inline remarks the platform would not take (a line it does not accept): listed here instead
     * @param diff the pull request's changed lines
     * @param prefix the project's directory from the repository's root ({@code ""} at the root)
     * @param report where the full report is, for a reader: a path or a URL
     */
    public static String render(RunReport run, Placement placement, List<Remark> refused, ChangedLines diff,
            String prefix, String report) {
        StringBuilder md = new StringBuilder(4096);
        md.append(CommentMarker.SUMMARY).append('\n');
        md.append("## Scrum review\n\n");
        decision(md, run.gate());
        files(md, run, diff, prefix);
        List<FileReview> unresolved = run.unresolved();
        if (!unresolved.isEmpty()) {
            md.append("### Unresolved files (").append(unresolved.size()).append(")\n\n");
            unresolved.forEach(r -> md.append("- ").append(CommentText.code(Placement.inRepository(prefix, r.file())))
                    .append(": no rung's answer was accepted\n"));
            md.append('\n');
        }
        List<String> gaps = new ArrayList<>();
        for (FileReview r : run.reviews()) {
            for (Finding f : r.outcome().findings()) {
                if ("gap".equals(f.kind()) && f.baseline() != BaselineState.KNOWN) {
                    gaps.add("- " + CommentText.code(Placement.inRepository(prefix, r.file())
                            + (f.line() == null ? "" : ":" + f.line())) + " **" + CommentText.inert(
                            f.gapKind() == null ? "gap" : f.gapKind(), 40) + "**: " + CommentText.inert(f.text(), 400));
                }
            }
        }
        if (!gaps.isEmpty()) {
            md.append("### New gaps (").append(gaps.size()).append(")\n\n");
            gaps.forEach(g -> md.append(g).append('\n'));
            md.append('\n');
        }
        if (!run.injections().isEmpty()) {
            md.append("### ⚠️ Prompt injections (").append(run.injections().size()).append(")\n\n")
                    .append("Text in the reviewed files or the documents addresses the reviewer; the reviews that read "
                            + "it are untrusted.\n\n");
            run.injections().forEach(i -> md.append("- ").append(CommentText.code(Placement.inRepository(prefix,
                    i.path()) + ":" + i.line())).append(' ').append(CommentText.inert(i.description(), 200))
                    .append(": «").append(CommentText.inert(i.quoted(), 200)).append('»')
                    .append(i.known() ? " (known)" : "").append('\n'));
            md.append('\n');
        }
        remarks(md, "Findings outside the diff", placement.elsewhere().stream()
                .filter(r -> !r.title().startsWith("prompt injection")).toList());
        remarks(md, "Findings the platform did not take inline", refused);
        md.append(String.format(Locale.ROOT, "Inline: %d comment(s) on changed lines. Full report: %s%n",
                placement.inline().size() - refused.size(), CommentText.code(report)));
        return fit(md.toString());
    }

    private static void decision(StringBuilder md, GateDecision gate) {
        if (gate == null) {
            md.append("**Gate decided elsewhere** (this review's gate is left to `scrum:aggregate`)\n\n");
            return;
        }
        md.append(switch (gate.outcome()) {
            case FAILED -> "**❌ Gate failed**";
            case PASSED -> "**✅ Gate passed**";
            case NOT_APPLIED -> "**Gate not applied**";
        }).append("\n\n");
        gate.failures().forEach(f -> md.append("- ").append(CommentText.inert(f, 600)).append('\n'));
        gate.warnings().forEach(w -> md.append("- ⚠️ ").append(CommentText.inert(w, 600)).append('\n'));
        gate.notes().forEach(n -> md.append("- ").append(CommentText.inert(n, 600)).append('\n'));
        if (!gate.failures().isEmpty() || !gate.warnings().isEmpty() || !gate.notes().isEmpty()) {
            md.append('\n');
        }
    }

    private static void files(StringBuilder md, RunReport run, ChangedLines diff, String prefix) {
        List<FileReview> changed = run.reviews().stream()
                .filter(r -> diff.changes(Placement.inRepository(prefix, r.file()))).toList();
        md.append("### Changed files reviewed (").append(changed.size()).append(" of ").append(run.reviews().size())
                .append(" reviewed)\n\n");
        for (FileReview r : changed) {
            md.append("- ").append(CommentText.code(Placement.inRepository(prefix, r.file()))).append(": ")
                    .append(!r.resolved() ? "**unresolved**"
                            : r.outcome().score() == null ? "accepted, no score" : r.outcome().score() + "/10")
                    .append(r.untrusted() ? " (untrusted)" : "")
                    .append(", ").append(r.outcome().findings().size()).append(" finding(s)\n");
        }
        if (changed.isEmpty()) {
            md.append("None of the reviewed files is changed by this pull request.\n");
        }
        md.append('\n');
    }

    private static void remarks(StringBuilder md, String heading, List<Remark> remarks) {
        if (remarks.isEmpty()) {
            return;
        }
        md.append("### ").append(heading).append(" (").append(remarks.size()).append(")\n\n");
        for (Remark r : remarks) {
            md.append("- ").append(CommentText.code(r.location())).append(" **").append(r.title()).append("**: ")
                    .append(withoutPassages(r.body()).replace("\n\n", " ").replace("\n", " ")).append('\n');
        }
        md.append('\n');
    }

    /** A remark's body without its cited passages' text (the inline comment has them; the summary stays short). */
    private static String withoutPassages(String body) {
        int passages = body.indexOf("\n\n> ");
        return passages < 0 ? body : body.substring(0, passages);
    }

    /** The body cut at a line to {@link #MAX_CHARS}, saying so; the marker is at its head, so it is kept. */
    static String fit(String body) {
        if (body.length() <= MAX_CHARS) {
            return body;
        }
        String note = "\n… (cut to fit the platform's limit: the full report has everything)\n";
        int cut = body.lastIndexOf('\n', MAX_CHARS - note.length());
        return body.substring(0, Math.max(cut, 0)) + note;
    }
}
