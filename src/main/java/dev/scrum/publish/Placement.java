package dev.scrum.publish;

import dev.scrum.check.Citation;
import dev.scrum.chunk.Chunk;
import dev.scrum.report.FileReview;
import dev.scrum.report.Finding;
import dev.scrum.report.Fingerprint;
import dev.scrum.report.Injection;
import dev.scrum.report.RunReport;
import dev.scrum.retrieve.ScoredChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each finding of a run goes on a pull request: inline on its line when the pull request's diff adds or
 * changes that line of that file, else in the summary, so that none is lost. Findings of an untrusted review (one
 * that read a prompt injection) stay in the summary: text an injection may have steered is not put on the code.
 * Prompt injections themselves go inline when their line is changed, like findings.
 *
 * @param inline the remarks to post on their lines, in run order
 * @param elsewhere the remarks for the summary: outside the diff, without a line, or from an untrusted review
 */
public record Placement(List<Remark> inline, List<Remark> elsewhere) {

    private static final int PASSAGE_CHARS = 160;

    public Placement {
        inline = List.copyOf(inline);
        elsewhere = List.copyOf(elsewhere);
    }

    /**
     * Places every finding and injection of {@code run}.
     *
     * @param diff the pull request's changed lines, by path from the repository's root
     * @param prefix the reviewed project's directory from the repository's root, with /, or {@code ""} at the root:
     *     the review's paths are relative to the project
     */
    public static Placement of(RunReport run, ChangedLines diff, String prefix) {
        List<Remark> inline = new ArrayList<>();
        List<Remark> elsewhere = new ArrayList<>();
        for (FileReview review : run.reviews()) {
            String path = inRepository(prefix, review.file());
            for (Finding finding : review.outcome().findings()) {
                Remark remark = remark(path, review, finding);
                boolean onDiff = diff.touches(path, finding.line()) && !review.untrusted();
                (onDiff ? inline : elsewhere).add(remark);
            }
        }
        for (Injection injection : run.injections()) {
            String path = inRepository(prefix, injection.path());
            Remark remark = new Remark(path, injection.line(), Fingerprint.of(injection),
                    "prompt injection (" + CommentText.inert(injection.kind(), 80) + ")",
                    CommentText.inert(injection.description()) + ": «" + CommentText.inert(injection.quoted(), 300)
                            + "»" + (injection.known() ? " (known: accepted by the baseline)" : ""));
            (diff.touches(path, injection.line()) ? inline : elsewhere).add(remark);
        }
        return new Placement(inline, elsewhere);
    }

    /** A review's path seen from the repository's root. */
    static String inRepository(String prefix, String file) {
        return prefix == null || prefix.isEmpty() ? file : prefix + "/" + file;
    }

    private static Remark remark(String path, FileReview review, Finding finding) {
        String kind = "gap".equals(finding.kind())
                ? "gap" + (finding.gapKind() == null ? "" : " (" + finding.gapKind() + ")")
                : finding.kind();
        String title = CommentText.inert(kind, 40)
                + (finding.title() == null || finding.title().isBlank() ? "" : ": " + CommentText.inert(finding.title(), 200));
        StringBuilder body = new StringBuilder(CommentText.inert(finding.text()));
        if (finding.symbol() != null && !finding.symbol().isBlank()) {
            body.append("\n\nSymbol: ").append(CommentText.code(finding.symbol()));
        }
        if (finding.baseline() != null) {
            body.append("\n\nBaseline: ").append(finding.baseline().id());
        }
        if (review.untrusted()) {
            body.append("\n\n⚠️ Untrusted: what this file's review was sent carried a prompt injection.");
        }
        for (Citation citation : finding.citations()) {
            body.append("\n\n> ").append(citation.doc()).append(" @").append(citation.offset())
                    .append(citation.heading() == null ? "" : " § " + CommentText.inert(citation.heading(), 120))
                    .append(citation.valid() ? "" : " (names no passage that was sent)");
            String passage = passage(review, citation);
            if (passage != null) {
                body.append(": ").append(CommentText.inert(passage, PASSAGE_CHARS));
            }
        }
        return new Remark(path, finding.line(), Fingerprint.of(review.file(), finding), title, body.toString());
    }

    /** The text of the passage a citation names, if it was sent. */
    private static String passage(FileReview review, Citation citation) {
        List<ScoredChunk> passages = "PRD".equals(citation.doc())
                ? review.input().prdPassages() : review.input().proposalPassages();
        return passages.stream().map(ScoredChunk::chunk).filter(c -> c.offset() == citation.offset())
                .map(Chunk::text).findFirst().orElse(null);
    }
}
