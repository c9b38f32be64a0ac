package dev.scrum.report;

import dev.scrum.check.DocumentOutline;
import dev.scrum.chunk.Chunk;
import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.ServerLoad;
import dev.scrum.retrieve.ScoredChunk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code scrum-report.md} for a team lead: what the gate decided and why, the verdict, a table of every file (unresolved and lowest scores
 * first), totals, the ladder's use, the documents and charts of scores and rungs first; then the requirements
 * coverage of the PRD's sections; then one section per file with its findings, the model's text, the passages it
 * was given and its attempts.
 */
public final class MarkdownReportWriter {

    private static final int EXCERPT_CHARS = 90;
    private static final int NAMES_IN_A_CELL = 6;
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    private MarkdownReportWriter() {}

    /** Writes the report atomically to {@code target}, without the documents' texts (no coverage section). */
    public static void write(Path target, RunReport run) throws IOException {
        write(target, run, ReportDocuments.none());
    }

    /** Writes the report atomically to {@code target}. */
    public static void write(Path target, RunReport run, ReportDocuments documents) throws IOException {
        AtomicFile.write(target, render(run, documents));
    }

    /** The report's markdown, without the documents' texts. */
    public static String render(RunReport run) {
        return render(run, ReportDocuments.none());
    }

    /** The report's markdown. */
    public static String render(RunReport run, ReportDocuments documents) {
        List<FileReview> ordered = RunOverview.ordered(run);
        List<RequirementsCoverage.Row> coverage = RequirementsCoverage.of(ordered, documents);
        StringBuilder md = new StringBuilder(8192);
        md.append("# Scrum review report\n\n");
        decision(md, run.gate());
        md.append("**").append(cell(RunOverview.verdict(run))).append("**\n\n");
        readFirst(md, ReadFirst.of(run));
        String headline = RunOverview.headline(run, coverage);
        if (!headline.isEmpty()) {
            md.append(cell(headline)).append("\n\n");
        }
        md.append("- Ran at: ").append(RunOverview.ranAt(run)).append(", in ")
                .append(seconds(run.totalDurationMs())).append('\n');
        for (DocumentInfo d : run.documents()) {
            md.append("- ").append(d.label()).append(": ").append(MarkdownLiteral.code(d.path())).append(" (")
                    .append(RunOverview.size(d, documents)).append(")\n");
        }
        md.append("- ").append(retrieval(run)).append('\n');
        if (!run.dryRun()) {
            md.append("- Ladder: ").append(String.join(" → ", run.ladder())).append('\n');
        }
        int masked = run.reviews().stream().mapToInt(r -> r.input().secretsMasked()).sum();
        if (masked > 0) {
            md.append("- Secrets masked before sending (redactSecrets): ").append(masked).append(" in ")
                    .append(run.reviews().stream().filter(r -> r.input().secretsMasked() > 0).count())
                    .append(" file(s)\n");
        }
        md.append('\n');
        injections(md, run);
        if (run.reviews().isEmpty()) {
            md.append(cell(RunOverview.nothingReviewed(run))).append('\n');
        } else if (run.dryRun()) {
            dryRunTable(md, ordered);
        } else {
            fileTable(md, run, ordered);
            ladderTable(md, run);
            md.append("\n## Charts\n\n").append(MermaidCharts.scores(RunOverview.scoreCounts(run))).append('\n')
                    .append(MermaidCharts.acceptedOn(RunOverview.ladder(run), run.unresolved().size()));
        }
        if (!run.reviews().isEmpty()) {
            coverage(md, run, coverage);
        }
        if (!run.skipped().isEmpty()) {
            md.append("\n## Skipped files\n\n| File | Why |\n|---|---|\n");
            for (SkippedFile s : run.skipped()) {
                md.append("| ").append(MarkdownLiteral.cell(s.file())).append(" | ").append(cell(s.reason())).append(" |\n");
            }
        }
        for (FileReview r : ordered) {
            fileSection(md, r, run.dryRun(), documents);
        }
        return md.toString();
    }

    /** What the gate decided, first: the outcome in bold, then each reason, warning and check on a line. */
    static void decision(StringBuilder md, GateDecision gate) {
        if (gate == null) {
            return;
        }
        md.append(switch (gate.outcome()) {
            case FAILED -> "**❌ Gate failed**";
            case PASSED -> "**✅ Gate passed**";
            case NOT_APPLIED -> "**Gate not applied**";
        }).append("\n\n");
        gate.failures().forEach(f -> md.append("- ").append(cell(f)).append('\n'));
        gate.warnings().forEach(w -> md.append("- ⚠️ ").append(cell(w)).append('\n'));
        gate.notes().forEach(n -> md.append("- ").append(cell(n)).append('\n'));
        if (!gate.failures().isEmpty() || !gate.warnings().isEmpty() || !gate.notes().isEmpty()) {
            md.append('\n');
        }
    }

    /** After the decision: the new gaps, the invalid citations and the unresolved files with their causes. */
    static void readFirst(StringBuilder md, ReadFirst first) {
        list(md, "New gaps, the most severe first", first.gaps());
        list(md, "Citations of passages a file was not sent", first.citations());
        list(md, "Unresolved files", first.unresolved());
        if (first.more() != null) {
            md.append('_').append(cell(first.more())).append("_\n\n");
        }
    }

    private static void list(StringBuilder md, String title, List<ReadFirst.Line> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("**").append(title).append("**\n\n");
        items.forEach(i -> md.append("- ").append(MarkdownLiteral.code(i.where())).append(i.separator())
                .append(cell(i.what()))
                .append('\n'));
        md.append('\n');
    }

    /** The prompt injections, first: where each is, what it is, the text, safely quoted. */
    private static void injections(StringBuilder md, RunReport run) {
        List<Injection> all = run.injections();
        if (all.isEmpty()) {
            return;
        }
        md.append("## Prompt injection\n\n")
                .append("Text in what the models were sent addresses the reviewer, or hides what it says. The reviews ")
                .append("that read it are untrusted; a new one fails the build (`failOnInjection`).\n\n")
                .append("| Where | Kind | Text | Baseline |\n|---|---|---|---|\n");
        for (Injection i : all) {
            md.append("| ").append(MarkdownLiteral.cell(i.location())).append(" | ").append(cell(i.description()))
                    .append(" | ").append(code(i.quoted())).append(" | ")
                    .append(i.baseline() == null ? "–" : i.baseline().id()).append(" |\n");
        }
        md.append('\n');
    }

    /** Text as inline code that its own backticks cannot end, with table pipes escaped. */
    private static String code(String text) {
        String fence = text.contains("`") ? "`` " : "`";
        String end = text.contains("`") ? " ``" : "`";
        return fence + text.replace("|", "\\|") + end;
    }

    private static void fileTable(StringBuilder md, RunReport run, List<FileReview> ordered) {
        md.append("## Files\n\n| File | Score | Accepted on | Model | Attempts | Time | Tokens (prompt + answer) |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (FileReview r : ordered) {
            md.append("| ").append(link(r, r.file())).append(" | ")
                    .append(r.outcome().score() == null ? "–" : r.outcome().score() + "/10")
                    .append(r.untrusted() ? " (untrusted)" : "").append(" | ")
                    .append(r.resolved() ? "attempt " + r.outcome().acceptedOn() : "**unresolved**").append(" | ")
                    .append(r.resolved() ? r.outcome().acceptedRung() : "–").append(" | ").append(r.attemptsMade())
                    .append(r.provenance().cached() ? " (cached)" : "").append(" | ").append(seconds(r.provenance()
                    .durationMs())).append(" | ")
                    .append(RunOverview.tokens(r.promptTokens(), r.completionTokens())).append(" |\n");
        }
        md.append("\n**Total:** ").append(RunOverview.totals(run)).append('\n');
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

    private static void ladderTable(StringBuilder md, RunReport run) {
        md.append("\n## Ladder\n\n| # | Rung | Files accepted | Calls this run | Not accepted |\n|---|---|---|---|---|\n");
        for (RunOverview.RungUse u : RunOverview.ladder(run)) {
            md.append("| ").append(u.n() > 0 ? String.valueOf(u.n()) : "–").append(" | ").append(u.rung())
                    .append(" | ").append(u.accepted()).append(" | ").append(u.calls()).append(" | ")
                    .append(u.notAccepted().isEmpty() ? "–" : u.notAccepted()).append(" |\n");
        }
        if (!run.unresolved().isEmpty()) {
            md.append("| – | unresolved | ").append(run.unresolved().size()).append(" | | |\n");
        }
        if (!run.servers().isEmpty()) {
            md.append("\n### Servers\n\n| Rung | Server | Limit | Reached | At the end | Peak in flight | Calls "
                    + "| Timeouts | 429/503 |\n|---|---|---|---|---|---|---|---|---|\n");
            for (ServerLoad s : run.servers()) {
                md.append("| ").append(cell(s.rung())).append(" | ").append(cell(s.server())).append(" | ")
                        .append(s.kind()).append(" | ").append(s.limitReached()).append(" | ").append(s.finalLimit())
                        .append(" | ").append(s.peakInFlight()).append(" | ").append(s.calls()).append(" | ")
                        .append(s.timeouts()).append(" | ").append(s.pushbacks()).append(" |\n");
            }
        }
    }

    private static void dryRunTable(StringBuilder md, List<FileReview> ordered) {
        md.append("## Files\n\n| File | Bytes | Prompt characters | Best PRD passage | PRD passages | Proposal passages |\n"
                + "|---|---|---|---|---|---|\n");
        for (FileReview r : ordered) {
            md.append("| ").append(link(r, r.file())).append(" | ")
                    .append(r.fileBytes()).append(" | ").append(r.input().promptChars()).append(" | ")
                    .append(r.input().prdPassages().isEmpty() ? "–" : cell(where(r.input().prdPassages().get(0)
                    .chunk()))).append(" | ")
                    .append(RunOverview.offsets(r.input().prdPassages())).append(" | ")
                    .append(RunOverview.offsets(r.input().proposalPassages()))
                    .append(" |\n");
        }
    }

    /** Where a passage is: its section and line, or its offset when the chunker knew neither. */
    private static String where(dev.scrum.chunk.Chunk c) {
        String line = c.line() == 0 ? "@" + c.offset() : "line " + c.line();
        return c.heading() == null ? line : c.heading() + " (" + line + ")";
    }

    private static void coverage(StringBuilder md, RunReport run, List<RequirementsCoverage.Row> rows) {
        md.append("\n## Requirements coverage\n\n");
        if (rows == null) {
            md.append(RequirementsCoverage.unavailable(run, MarkdownLiteral::code)).append('\n');
            return;
        }
        md.append(RequirementsCoverage.INTRO).append("\n\n| Section | Line | Given to | Cited by |\n|---|---|---|---|\n");
        for (RequirementsCoverage.Row row : rows) {
            DocumentOutline.Section s = row.section();
            String name = cell(RunOverview.sectionName(s, rows.size()));
            md.append("| ").append("&emsp;".repeat(Math.max(0, s.level() - 1)))
                    .append(row.uncovered() ? "**" + name + "** ⚠" : name).append(" | ").append(s.line()).append(" | ")
                    .append(names(row.givenTo().stream().map(r -> link(r, RunOverview.baseName(r.file()))).toList()))
                    .append(" | ").append(names(citers(row))).append(" |\n");
        }
        List<RequirementsCoverage.Row> uncovered = rows.stream().filter(RequirementsCoverage.Row::uncovered).toList();
        md.append("\n### ").append(RequirementsCoverage.UNCOVERED).append("\n\n");
        if (uncovered.isEmpty()) {
            md.append(RequirementsCoverage.NONE_UNCOVERED).append('\n');
        } else {
            md.append(RequirementsCoverage.CANDIDATES).append("\n\n");
            for (RequirementsCoverage.Row row : uncovered) {
                md.append("- ").append(RunOverview.sectionName(row.section(), rows.size())).append(" (line ")
                        .append(row.section().line()).append(")\n");
            }
        }
    }

    /** Each citing file once, with its findings: {@code [`B.java`](#…) (line 12, missing gap)}. */
    private static List<String> citers(RequirementsCoverage.Row row) {
        return row.citingFiles().entrySet().stream().map(e -> link(e.getKey(), RunOverview.baseName(e.getKey().file()))
                + " (" + String.join(", ", e.getValue()) + ")").toList();
    }

    private static String names(List<String> names) {
        return RunOverview.joinSome(names, NAMES_IN_A_CELL);
    }

    private static String link(FileReview r, String text) {
        return "[" + MarkdownLiteral.cell(text) + "](#" + anchor(r.file()) + ")";
    }

    private static void fileSection(StringBuilder md, FileReview r, boolean dryRun, ReportDocuments documents) {
        md.append("\n## ").append(MarkdownLiteral.text(r.file())).append("\n\n");
        if (dryRun) {
            md.append(RunOverview.facts(r, true)).append('\n');
        } else if (r.resolved()) {
            md.append("**Score:** ").append(RunOverview.facts(r, false)).append('\n');
            String baseline = BaselineState.describe(r.outcome().findings());
            if (baseline != null) {
                md.append("\nFindings against the baseline: ").append(baseline).append(".\n");
            }
            if (!r.outcome().findings().isEmpty()) {
                md.append("\n### Findings\n\n| # | Kind | Line | Symbol | Finding | Cites |\n|---|---|---|---|---|---|\n");
                int n = 0;
                for (Finding f : r.outcome().findings()) {
                    md.append("| ").append(++n).append(" | ").append(RunOverview.kindOf(f))
                            .append(f.baseline() == null ? "" : " (" + f.baseline().id() + ")").append(" | ")
                            .append(f.line() == null ? "–" : f.line()).append(" | ")
                            .append(f.symbol() == null ? "–" : cell("`" + f.symbol() + "`")).append(" | ")
                            .append(cell(RunOverview.textOf(f))).append(" | ")
                            .append(f.citations().isEmpty() ? "–" : cell(RunOverview.citationsOf(f))).append(" |\n");
                }
            }
            md.append("\n### Review\n\n").append(nested(r.outcome().acceptedMarkdown())).append('\n');
            CitationSection.append(md, r);
        } else {
            md.append("**Unresolved:** ").append(RunOverview.facts(r, false)).append('\n');
        }
        if (r.input().secretsMasked() > 0) {
            md.append("\nSecrets masked before sending: ").append(r.input().secretsMasked())
                    .append(" (each replaced by «redacted:kind»; what they were is recorded nowhere).\n");
        }
        if (r.input().malformedUtf8()) {
            md.append("\nNot valid UTF-8: malformed bytes were replaced (U+FFFD) before the review.\n");
        }
        if (!r.provenance().parts().isEmpty()) {
            md.append('\n').append(RunOverview.partsLine(r)).append("\n\n| Part | Lines | Characters | Accepted on | Calls |\n")
                    .append("|---|---|---|---|---|\n");
            for (FilePart p : r.provenance().parts()) {
                md.append("| ").append(p.n()).append(" | ").append(p.firstLine()).append("–").append(p.lastLine())
                        .append(" | ").append(p.chars()).append(" | ")
                        .append(p.acceptedOn() == null ? "–" : "attempt " + p.acceptedOn() + " (" + p.model() + ")")
                        .append(" | ").append(p.attemptsMade()).append(" |\n");
            }
        }
        md.append("\n### Passages given\n\n| Passage | Section | Line | Length | Score | Found by | Begins |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (ScoredChunk c : concat(r.input().prdPassages(), r.input().proposalPassages())) {
            String heading = c.chunk().heading() != null ? c.chunk().heading() : RunOverview.heading(documents, c.chunk());
            Integer line = c.chunk().line() > 0 ? Integer.valueOf(c.chunk().line()) : RunOverview.line(documents, c.chunk());
            md.append("| ").append(c.chunk().label()).append(" | ").append(heading == null ? "–" : cell(heading))
                    .append(" | ").append(line == null ? "–" : line).append(" | ").append(c.chunk().length())
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f", JsonReportWriter.similarity(c.score())))
                    .append(" | ").append(c.foundBy().isEmpty() ? "–" : cell(c.foundBy()))
                    .append(" | ").append(cell(excerpt(c.chunk().text()))).append(" |\n");
        }
        if (!r.outcome().attempts().isEmpty()) {
            md.append("\n### Attempts\n\n| # | Model | Status | Characters | Time | Why |\n|---|---|---|---|---|---|\n");
            for (Attempt a : r.outcome().attempts()) {
                md.append("| ").append(a.n()).append(" | ").append(a.rungId()).append(" | ").append(a.status().id())
                        .append(" | ").append(a.chars()).append(" | ").append(seconds(a.durationMs())).append(" | ")
                        .append(a.error() == null ? "" : cell(a.error()))
                        .append(a.error() == null && a.retries() > 0
                                ? "after " + a.retries() + (a.retries() == 1 ? " retry" : " retries") : "")
                        .append(" |\n");
            }
        }
    }

    private static List<ScoredChunk> concat(List<ScoredChunk> a, List<ScoredChunk> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /**
     * A model's markdown nested under the file's heading: its top heading level becomes 4, the rest follow. Raw HTML
     * in it is made inert ({@code <} outside code becomes {@code &lt;}), as a renderer that does not sanitize would
     * otherwise run it.
     */
    static String nested(String markdown) {
        String[] lines = markdown.split("\n", -1);
        int top = 7;
        String fence = null;
        for (String line : lines) {
            fence = fenceAfter(line, fence);
            if (fence == null && line.matches("^#{1,6}\\s.*")) {
                top = Math.min(top, line.indexOf(' '));
            }
        }
        int shift = top > 6 ? 0 : Math.max(0, 4 - top);
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        for (String line : lines) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                out.append(line);
            } else if (fenced) {
                out.append(line);
            } else if (shift > 0 && line.matches("^#{1,6}\\s.*")) {
                int level = line.indexOf(' ');
                out.append("#".repeat(Math.min(6, level + shift))).append(inert(line.substring(level)));
            } else {
                out.append(inert(line));
            }
            out.append('\n');
        }
        String nested = out.toString().strip();
        return fence == null ? nested : nested + "\n" + fence;
    }

    /** The fence open after {@code line}, given the one open before it ({@code null}: none). */
    private static String fenceAfter(String line, String open) {
        java.util.regex.Matcher m = FENCE.matcher(line);
        if (!m.find()) {
            return open;
        }
        String marker = m.group(1);
        if (open == null) {
            return marker;
        }
        boolean closes = marker.charAt(0) == open.charAt(0) && marker.length() >= open.length()
                && line.strip().equals(marker);
        return closes ? null : open;
    }

    /** The line with {@code <} outside inline code escaped, so that no HTML in it renders. */
    static String inert(String line) {
        if (line.indexOf('<') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        Matcher code = CODE_SPAN.matcher(line);
        int at = 0;
        while (code.find()) {
            out.append(line.substring(at, code.start()).replace("<", "&lt;")).append(code.group());
            at = code.end();
        }
        return out.append(line.substring(at).replace("<", "&lt;")).toString();
    }

    /** The id GitHub gives the file's heading: from its text as shown, lower case, only letters, digits, -, _. */
    static String anchor(String file) {
        return MarkdownLiteral.visible(file).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /** The passage's first characters on one line. */
    static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS) + "…";
    }

    /** One line of text with no markup: a table cell's or a list item's. */
    static String cell(String s) {
        return inert(s.replace("|", "\\|").replaceAll("\\s*\\n\\s*", " "));
    }

    private static String seconds(long ms) {
        return RunOverview.seconds(ms);
    }
}
