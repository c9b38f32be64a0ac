package dev.scrum.report;

import dev.scrum.chunk.Chunk;
import dev.scrum.ladder.Attempt;
import dev.scrum.retrieve.ScoredChunk;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Writes {@code scrum-report.md}: the verdict and a table of every file first, then one section per file. */
public final class MarkdownReportWriter {

    private static final int EXCERPT_CHARS = 90;

    private MarkdownReportWriter() {}

    /** Writes the report atomically to {@code target}. */
    public static void write(Path target, RunReport run) throws IOException {
        AtomicFile.write(target, render(run));
    }

    /** The report's markdown. */
    public static String render(RunReport run) {
        StringBuilder md = new StringBuilder(8192);
        md.append("# Scrum review report\n\n");
        md.append("**").append(verdict(run)).append("**\n\n");
        md.append("- Ran at: ").append(DateTimeFormatter.ISO_INSTANT.format(run.ranAt().truncatedTo(ChronoUnit.SECONDS)))
                .append(", in ").append(seconds(run.totalDurationMs())).append('\n');
        for (DocumentInfo d : run.documents()) {
            md.append("- ").append(d.label()).append(": `").append(d.path()).append("` (")
                    .append(String.format(Locale.ROOT, "%,d", d.chars())).append(" characters, ").append(d.chunks())
                    .append(" passages)\n");
        }
        md.append("- ").append(retrieval(run)).append('\n');
        if (!run.dryRun()) {
            md.append("- Ladder: ").append(String.join(" → ", run.ladder())).append('\n');
        }
        md.append('\n');
        if (run.reviews().isEmpty()) {
            md.append("No file was selected for review.\n");
        } else if (run.dryRun()) {
            dryRunTable(md, run);
        } else {
            fileTable(md, run);
        }
        if (!run.skipped().isEmpty()) {
            md.append("\n## Skipped files\n\n| File | Why |\n|---|---|\n");
            for (SkippedFile s : run.skipped()) {
                md.append("| `").append(s.file()).append("` | ").append(cell(s.reason())).append(" |\n");
            }
        }
        for (FileReview r : run.reviews()) {
            fileSection(md, r, run.dryRun());
        }
        return md.toString();
    }

    /** How passages were ranked, and with which embedder. */
    private static String retrieval(RunReport run) {
        String embedder = run.embedder().isEmpty() ? "none loaded" : run.embedder();
        if (run.retrieval() == null) {
            return "Embedder: " + embedder;
        }
        return switch (run.retrieval()) {
            case "lexical" -> "Retrieval: lexical (BM25 over the passages' words; no embedding model)";
            case "hybrid" -> "Retrieval: hybrid (BM25 and " + embedder + ", fused)";
            default -> "Retrieval: " + run.retrieval() + " (embedder: " + embedder + ")";
        };
    }

    private static String verdict(RunReport run) {
        if (run.dryRun()) {
            return "Dry run: " + run.reviews().size() + " file(s) would be reviewed; no model was called.";
        }
        int unresolved = run.unresolved().size();
        int n = run.reviews().size();
        if (unresolved == 0) {
            return "All " + n + " file(s) reviewed: " + n + " resolved.";
        }
        return unresolved + " of " + n + " file(s) unresolved: no rung's answer was accepted.";
    }

    private static void fileTable(StringBuilder md, RunReport run) {
        md.append("## Files\n\n| File | Score | Accepted on | Model | Attempts | Time | Tokens (prompt + answer) |\n"
                + "|---|---|---|---|---|---|---|\n");
        List<FileReview> ordered = run.reviews().stream()
                .sorted(Comparator.comparing(FileReview::resolved)
                        .thenComparing(r -> r.score() == null ? Integer.MIN_VALUE : r.score()))
                .toList();
        for (FileReview r : ordered) {
            md.append("| [`").append(r.file()).append("`](#").append(anchor(r.file())).append(") | ")
                    .append(r.score() == null ? "–" : r.score() + "/10").append(" | ")
                    .append(r.resolved() ? "attempt " + r.acceptedOn() : "**unresolved**").append(" | ")
                    .append(r.resolved() ? r.escalatedTo() : "–").append(" | ").append(r.attemptsMade())
                    .append(r.cached() ? " (cached)" : "").append(" | ").append(seconds(r.durationMs())).append(" | ")
                    .append(tokens(r.promptTokens(), r.completionTokens())).append(" |\n");
        }
        md.append("\n**Total:** ").append(run.resolvedCount()).append(" of ").append(run.reviews().size())
                .append(" resolved, ").append(run.callsThisRun()).append(" model calls this run")
                .append(run.reviews().stream().anyMatch(FileReview::cached)
                        ? " (" + run.reviews().stream().filter(FileReview::cached).count() + " file(s) from the cache)"
                        : "")
                .append(", ").append(tokens(run.reviews().stream().mapToLong(FileReview::promptTokens).sum(),
                        run.reviews().stream().mapToLong(FileReview::completionTokens).sum()))
                .append(" tokens.\n");
    }

    private static void dryRunTable(StringBuilder md, RunReport run) {
        md.append("## Files\n\n| File | Bytes | Prompt characters | Best PRD passage | PRD passages | Proposal passages |\n"
                + "|---|---|---|---|---|---|\n");
        for (FileReview r : run.reviews()) {
            md.append("| [`").append(r.file()).append("`](#").append(anchor(r.file())).append(") | ")
                    .append(r.fileBytes()).append(" | ").append(r.promptChars()).append(" | ")
                    .append(r.prdPassages().isEmpty() ? "–" : cell(where(r.prdPassages().get(0).chunk()))).append(" | ")
                    .append(offsets(r.prdPassages())).append(" | ").append(offsets(r.proposalPassages()))
                    .append(" |\n");
        }
    }

    private static void fileSection(StringBuilder md, FileReview r, boolean dryRun) {
        md.append("\n## ").append(r.file()).append("\n\n");
        if (dryRun) {
            md.append("Would send a prompt of ").append(r.promptChars()).append(" characters (the whole file, ")
                    .append(r.fileBytes()).append(" bytes, and the passages below).\n");
        } else if (r.resolved()) {
            md.append("**Score:** ").append(r.score() == null ? "none given" : r.score() + "/10")
                    .append(" · accepted on attempt ").append(r.acceptedOn()).append(" (").append(r.escalatedTo())
                    .append(") · ").append(seconds(r.durationMs()));
            if (r.cached()) {
                md.append(" · cached, reviewed ").append(r.reviewedAt() == null ? "in an earlier run"
                        : DateTimeFormatter.ISO_INSTANT.format(r.reviewedAt().truncatedTo(ChronoUnit.SECONDS)));
            }
            if (r.citationsInvalid() > 0 || r.citationsValid() > 0) {
                md.append(" · citations: ").append(r.citationsValid()).append(" valid, ").append(r.citationsInvalid())
                        .append(" invalid");
            }
            md.append("\n\n### Review\n\n").append(nested(r.suggestions())).append('\n');
            CitationSection.append(md, r);
        } else {
            md.append("**Unresolved:** no rung's answer was accepted (").append(r.attemptsMade())
                    .append(" calls, ").append(seconds(r.durationMs())).append(").\n");
        }
        if (!r.parts().isEmpty()) {
            md.append("\nToo large for the ladder's smallest context window: reviewed in ").append(r.parts().size())
                    .append(" parts, then consolidated.\n\n| Part | Lines | Characters | Accepted on | Calls |\n")
                    .append("|---|---|---|---|---|\n");
            for (FilePart p : r.parts()) {
                md.append("| ").append(p.n()).append(" | ").append(p.firstLine()).append("–").append(p.lastLine())
                        .append(" | ").append(p.chars()).append(" | ")
                        .append(p.acceptedOn() == null ? "–" : "attempt " + p.acceptedOn() + " (" + p.model() + ")")
                        .append(" | ").append(p.attemptsMade()).append(" |\n");
            }
        }
        md.append("\n### Passages given\n\n| Passage | Section | Line | Length | Score | Found by | Begins |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (ScoredChunk c : concat(r.prdPassages(), r.proposalPassages())) {
            md.append("| ").append(c.chunk().label()).append(" | ")
                    .append(c.chunk().heading() == null ? "–" : cell(c.chunk().heading())).append(" | ")
                    .append(c.chunk().line() == 0 ? "–" : String.valueOf(c.chunk().line())).append(" | ")
                    .append(c.chunk().length()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f", JsonReportWriter.similarity(c.score()))).append(" | ")
                    .append(c.foundBy().isEmpty() ? "–" : c.foundBy()).append(" | ")
                    .append(cell(excerpt(c.chunk().text()))).append(" |\n");
        }
        if (!r.attempts().isEmpty()) {
            md.append("\n### Attempts\n\n| # | Model | Status | Characters | Time | Why |\n|---|---|---|---|---|---|\n");
            for (Attempt a : r.attempts()) {
                md.append("| ").append(a.n()).append(" | ").append(a.rungId()).append(" | ").append(a.status().id())
                        .append(" | ").append(a.chars()).append(" | ").append(seconds(a.durationMs())).append(" | ")
                        .append(a.error() == null ? "" : cell(a.error())).append(" |\n");
            }
        }
    }

    private static List<ScoredChunk> concat(List<ScoredChunk> a, List<ScoredChunk> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String offsets(List<ScoredChunk> chunks) {
        if (chunks.isEmpty()) {
            return "–";
        }
        return String.join(", ", chunks.stream().map(c -> "@" + c.chunk().offset()).toList());
    }

    /** Where a passage is: its heading path and line, e.g. {@code Refunds > Partial refunds (line 120)}. */
    private static String where(Chunk c) {
        String line = c.line() == 0 ? "@" + c.offset() : "line " + c.line();
        return c.heading() == null ? line : c.heading() + " (" + line + ")";
    }

    /** A model's markdown nested under the file's heading: its top heading level becomes 4, the rest follow. */
    static String nested(String markdown) {
        String[] lines = markdown.split("\n", -1);
        int top = 7;
        for (String line : lines) {
            if (line.matches("^#{1,6}\\s.*")) {
                top = Math.min(top, line.indexOf(' '));
            }
        }
        int shift = top > 6 ? 0 : Math.max(0, 4 - top);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (shift > 0 && line.matches("^#{1,6}\\s.*")) {
                int level = line.indexOf(' ');
                out.append("#".repeat(Math.min(6, level + shift))).append(line.substring(level));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.toString().strip();
    }

    static String anchor(String file) {
        return file.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    private static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS) + "…";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replaceAll("\\s*\\n\\s*", " ");
    }

    private static String tokens(long prompt, long answer) {
        return String.format(Locale.ROOT, "%,d + %,d", prompt, answer);
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
