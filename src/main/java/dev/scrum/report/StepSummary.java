package dev.scrum.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The run as a CI job summary (GitHub's {@code $GITHUB_STEP_SUMMARY}, which renders markdown): the verdict, one
 * row per file (unresolved and lowest-scoring first: score, accepted on, model, attempts, time, tokens, gaps and
 * findings), the totals and where the full report is.
 */
final class StepSummary {

    private StepSummary() {}

    /** Appends {@link #render} to {@code summaryFile}, creating it when it does not exist. */
    public static void append(Path summaryFile, RunReport run, Path reportFile) throws IOException {
        Path parent = summaryFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(summaryFile, render(run, reportFile), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** The summary's markdown, ending with a blank line so that a later step's summary starts cleanly. */
    public static String render(RunReport run, Path reportFile) {
        StringBuilder md = new StringBuilder(2048);
        int files = run.reviews().size();
        int unresolved = run.unresolved().size();
        md.append("## Scrum review").append(run.shard() == null ? "" : " (shard " + run.shard() + ")").append("\n\n");
        MarkdownReportWriter.decision(md, run.gate());
        if (!run.injections().isEmpty()) {
            md.append("**⚠️ ").append(RunOverview.injections(run)).append("**\n\n");
            for (Injection i : run.injections()) {
                md.append("- ").append(MarkdownLiteral.code(i.location())).append(' ').append(i.description())
                        .append(": «").append(i.quoted().replace("`", "'")).append("»")
                        .append(i.known() ? " (known)" : "").append('\n');
            }
            md.append('\n');
        }
        if (files == 0) {
            md.append("**").append(MarkdownReportWriter.cell(RunOverview.nothingReviewed(run))).append("**\n");
        } else if (run.dryRun()) {
            md.append("**Dry run:** ").append(files).append(" file(s) would be reviewed; no model was called.\n");
        } else {
            md.append(unresolved == 0 ? "**All " + files + " file(s) answered and accepted.**"
                    : "**" + unresolved + " of " + files + " file(s) unresolved.**");
            long newGaps = count(run, f -> "gap".equals(f.kind()) && f.baseline() != BaselineState.KNOWN);
            long known = count(run, f -> f.baseline() == BaselineState.KNOWN);
            md.append(' ').append(newGaps).append(" gap(s)")
                    .append(known > 0 ? " not in the baseline, " + known + " known finding(s)" : "").append(".\n\n");
            MarkdownReportWriter.readFirst(md, ReadFirst.of(run));
            table(md, run);
        }
        md.append("\n").append(String.format(Locale.ROOT, "%d model call(s) this run, %.1f s.", run.callsThisRun(),
                run.totalDurationMs() / 1000.0));
        md.append(" Full report: `").append(reportFile.getFileName()).append("` (").append(reportFile).append(").\n\n");
        return md.toString();
    }

    private static void table(StringBuilder md, RunReport run) {
        md.append("| File | Score | Accepted on | Model | Attempts | Time | Tokens | Gaps | Findings |\n")
                .append("|---|---:|---|---|---:|---:|---:|---:|---:|\n");
        List<FileReview> ordered = run.reviews().stream()
                .sorted(Comparator.comparing(FileReview::resolved)
                        .thenComparing(r -> r.outcome().score() == null ? 0 : r.outcome().score()))
                .toList();
        for (FileReview r : ordered) {
            long gaps = r.outcome().findings().stream().filter(f -> "gap".equals(f.kind())).count();
            String marks = BaselineState.describe(r.outcome().findings());
            md.append("| ").append(MarkdownLiteral.cell(r.file())).append(" | ")
                    .append(r.outcome().score() == null ? "–" : r.outcome().score() + "/10")
                    .append(r.untrusted() ? " (untrusted)" : "").append(" | ")
                    .append(r.resolved() ? "attempt " + r.outcome().acceptedOn() + (r.provenance().cached()
                    ? " (cached)" : "")
                            : "**unresolved**").append(" | ")
                    .append(r.resolved() ? r.outcome().acceptedRung() : "–").append(" | ")
                    .append(r.attemptsMade()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f s", r.provenance().durationMs() / 1000.0)).append(" | ")
                    .append(r.promptTokens() + r.completionTokens()).append(" | ")
                    .append(gaps).append(" | ")
                    .append(r.outcome().findings().size()).append(marks == null ? "" : " (" + marks + ")")
                    .append(" |\n");
        }
    }

    private static long count(RunReport run, java.util.function.Predicate<Finding> which) {
        return run.reviews().stream().flatMap(r -> r.outcome().findings().stream()).filter(which).count();
    }
}
