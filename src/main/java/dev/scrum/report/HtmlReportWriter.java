package dev.scrum.report;

import dev.scrum.check.Citation;
import dev.scrum.check.DocumentOutline;
import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.ServerLoad;
import dev.scrum.retrieve.ScoredChunk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes {@code scrum-report.html}: the markdown report's content as one self-contained page (inline CSS, script
 * and SVG charts; no network, which its Content-Security-Policy enforces), with a sortable, filterable file table
 * and a collapsible section per file. Every text from a model, a file or a document is escaped; a model's markdown
 * is rendered in a safe subset ({@link SafeMarkdown}). The page's script and style run by their hashes only, so
 * nothing else on the page can run even if it got through.
 */
final class HtmlReportWriter {

    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    private static final int NAMES_IN_A_CELL = 8;

    private final RunReport run;
    private final ReportDocuments documents;
    private final List<FileReview> ordered;
    private final Map<FileReview, String> ids = new IdentityHashMap<>();
    private final StringBuilder html = new StringBuilder(32768);

    private HtmlReportWriter(RunReport run, ReportDocuments documents) {
        this.run = run;
        this.documents = documents;
        this.ordered = RunOverview.ordered(run);
        Set<String> taken = new HashSet<>();
        for (FileReview r : ordered) {
            String id = "file-" + MarkdownReportWriter.anchor(r.file());
            for (int n = 2; !taken.add(id); n++) {
                id = "file-" + MarkdownReportWriter.anchor(r.file()) + "-" + n;
            }
            ids.put(r, id);
        }
    }

    /** Writes the page atomically to {@code target}. */
    public static void write(Path target, RunReport run, ReportDocuments documents) throws IOException {
        AtomicFile.write(target, render(run, documents));
    }

    /** The page. */
    public static String render(RunReport run, ReportDocuments documents) {
        return new HtmlReportWriter(run, documents).page();
    }

    private String page() {
        String verdict = RunOverview.verdict(run);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
                .append(sha256(CSS)).append("'; script-src '").append(sha256(JS))
                .append("'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
                .append("<title>Scrum review report: ").append(Html.esc(verdict)).append("</title>\n<style>")
                .append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        List<RequirementsCoverage.Row> coverage = RequirementsCoverage.of(ordered, documents);
        header(verdict, coverage);
        html.append("<nav class=\"toc\">");
        if (!run.injections().isEmpty()) {
            html.append("<a href=\"#injection\">Prompt injection</a>");
        }
        html.append("<a href=\"#files\">Files</a>");
        if (!run.dryRun() && !run.reviews().isEmpty()) {
            html.append("<a href=\"#ladder\">Ladder</a><a href=\"#charts\">Charts</a>");
        }
        if (!run.reviews().isEmpty()) {
            html.append("<a href=\"#coverage\">Requirements coverage</a>");
        }
        if (!run.skipped().isEmpty()) {
            html.append("<a href=\"#skipped\">Skipped files</a>");
        }
        if (!run.reviews().isEmpty()) {
            html.append("<a href=\"#details\">Files in detail</a>");
        }
        html.append("</nav>\n");
        injections();
        fileTable();
        if (!run.dryRun() && !run.reviews().isEmpty()) {
            ladder();
            html.append("<section id=\"charts\">\n<h2>Charts</h2>\n<div class=\"charts\">\n<figure><figcaption>")
                    .append("Files by alignment score</figcaption>\n").append(SvgCharts.scores(RunOverview.scoreCounts(run)))
                    .append("</figure>\n<figure><figcaption>Files by the rung that accepted them</figcaption>\n")
                    .append(SvgCharts.acceptedOn(RunOverview.ladder(run), run.unresolved().size()))
                    .append("</figure>\n</div>\n</section>\n");
        }
        if (!run.reviews().isEmpty()) {
            coverage(coverage);
        }
        skipped();
        if (!run.reviews().isEmpty()) {
            html.append("<section id=\"details\">\n<h2>Files in detail</h2>\n<p class=\"buttons\">")
                    .append("<button type=\"button\" id=\"expand-all\">Expand all</button>")
                    .append("<button type=\"button\" id=\"collapse-all\">Collapse all</button></p>\n");
            ordered.forEach(this::fileSection);
            html.append("</section>\n");
        }
        html.append("</main>\n<script>").append(JS).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** What the gate decided, first: the outcome, then each reason, warning and check. */
    private void gate(GateDecision gate) {
        if (gate == null) {
            return;
        }
        String css = switch (gate.outcome()) {
            case FAILED -> "fail";
            case PASSED -> "ok";
            case NOT_APPLIED -> "dry";
        };
        String title = switch (gate.outcome()) {
            case FAILED -> "Gate failed";
            case PASSED -> "Gate passed";
            case NOT_APPLIED -> "Gate not applied";
        };
        html.append("<section class=\"gate ").append(css).append("\" id=\"gate\">\n<p class=\"verdict ").append(css)
                .append("\">").append(title).append("</p>\n");
        if (!gate.failures().isEmpty() || !gate.warnings().isEmpty() || !gate.notes().isEmpty()) {
            html.append("<ul>\n");
            gate.failures().forEach(f -> html.append("<li>").append(Html.esc(f)).append("</li>\n"));
            gate.warnings().forEach(w -> html.append("<li>⚠️ ").append(Html.esc(w)).append("</li>\n"));
            gate.notes().forEach(n -> html.append("<li>").append(Html.esc(n)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    private void header(String verdict, List<RequirementsCoverage.Row> coverage) {
        String css = run.dryRun() ? "dry"
                : run.unresolved().isEmpty() && run.newInjections().isEmpty() ? "ok" : "fail";
        html.append("<header>\n<h1>Scrum review report</h1>\n");
        gate(run.gate());
        html.append("<p class=\"verdict ").append(css)
                .append("\" id=\"verdict\">").append(Html.esc(verdict)).append("</p>\n");
        String headline = RunOverview.headline(run, coverage);
        if (!headline.isEmpty()) {
            html.append("<p class=\"headline\">").append(Html.esc(headline)).append("</p>\n");
        }
        html.append("<ul class=\"facts\">\n<li>Ran at ").append(RunOverview.ranAt(run)).append(", in ")
                .append(RunOverview.seconds(run.totalDurationMs())).append("</li>\n");
        for (DocumentInfo d : run.documents()) {
            html.append("<li>").append(Html.esc(d.label())).append(": <code>").append(Html.esc(d.path()))
                    .append("</code> (").append(Html.esc(RunOverview.size(d, documents))).append(")</li>\n");
        }
        if (!run.embedder().isEmpty()) {
            html.append("<li>Embedder: ").append(Html.esc(run.embedder())).append("</li>\n");
        }
        if (!run.dryRun()) {
            html.append("<li>Ladder: ").append(Html.esc(String.join(" → ", run.ladder()))).append("</li>\n");
        }
        html.append("</ul>\n</header>\n");
    }

    /** The prompt injections, first: where each is, what it is, the text as text. */
    private void injections() {
        List<Injection> all = run.injections();
        if (all.isEmpty()) {
            return;
        }
        html.append("<section id=\"injection\">\n<h2>Prompt injection</h2>\n<p>Text in what the models were sent ")
                .append("addresses the reviewer, or hides what it says. The reviews that read it are untrusted; a new ")
                .append("one fails the build (<code>failOnInjection</code>).</p>\n<table>\n<thead><tr><th>Where</th>")
                .append("<th>Kind</th><th>Text</th><th>Baseline</th></tr></thead>\n<tbody>\n");
        for (Injection i : all) {
            html.append("<tr><td><code>").append(Html.esc(i.location())).append("</code></td><td>")
                    .append(Html.esc(i.description())).append("</td><td><code>").append(Html.esc(i.quoted()))
                    .append("</code></td><td>").append(i.baseline() == null ? "–" : Html.esc(i.baseline().id()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private void fileTable() {
        html.append("<section id=\"files\">\n<h2>Files</h2>\n");
        if (run.reviews().isEmpty()) {
            html.append("<p>").append(Html.esc(RunOverview.nothingReviewed(run))).append("</p>\n</section>\n");
            return;
        }
        html.append("<div class=\"controls\">\n<label>Filter <input type=\"search\" id=\"file-filter\" ")
                .append("placeholder=\"path or model\" autocomplete=\"off\" spellcheck=\"false\"></label>\n");
        if (!run.dryRun()) {
            html.append("<label>Status <select id=\"status-filter\"><option value=\"\">all</option>")
                    .append("<option value=\"unresolved\">unresolved</option><option value=\"resolved\">resolved</option>")
                    .append("<option value=\"low\">score 1–4</option><option value=\"cached\">cached</option>")
                    .append("<option value=\"parts\">reviewed in parts</option></select></label>\n");
        }
        html.append("<span class=\"count\" id=\"file-count\" aria-live=\"polite\"></span>\n</div>\n")
                .append("<table id=\"file-table\" class=\"sortable\">\n<thead><tr>");
        if (run.dryRun()) {
            th("File", false).th("Bytes", true).th("Prompt characters", true).th("PRD passages", false)
                    .th("Proposal passages", false);
        } else {
            th("File", false).th("Score", true).th("Accepted on", true).th("Model", false).th("Attempts", true)
                    .th("Time", true).th("Tokens (prompt + answer)", true);
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (FileReview r : ordered) {
            List<String> status = new ArrayList<>();
            if (!run.dryRun()) {
                status.add(r.resolved() ? "resolved" : "unresolved");
                if (r.outcome().score() != null && r.outcome().score() <= 4) {
                    status.add("low");
                }
                if (r.provenance().cached()) {
                    status.add("cached");
                }
                if (!r.provenance().parts().isEmpty()) {
                    status.add("parts");
                }
            }
            html.append("<tr").append(r.resolved() || run.dryRun() ? "" : " class=\"unresolved\"")
                    .append(" data-status=\"").append(String.join(" ", status)).append("\" data-search=\"")
                    .append(Html.esc((r.file() + " " + r.outcome().acceptedRung()).toLowerCase(Locale.ROOT)))
                    .append("\">")
                    .append("<td data-value=\"").append(Html.esc(r.file())).append("\">").append(fileLink(r, r.file()))
                    .append("</td>");
            if (run.dryRun()) {
                num(r.fileBytes(), String.valueOf(r.fileBytes())).num(r.input().promptChars(),
                        String.valueOf(r.input().promptChars()));
                html.append("<td>").append(Html.esc(RunOverview.offsets(r.input().prdPassages()))).append("</td><td>")
                        .append(Html.esc(RunOverview.offsets(r.input().proposalPassages()))).append("</td>");
            } else {
                html.append("<td class=\"num\" data-value=\"").append(r.outcome().score() == null ? "" : r.outcome()
                        .score()).append("\">")
                        .append(badge(r)).append("</td>");
                num(r.outcome().acceptedOn() == null ? -1 : r.outcome().acceptedOn(), r.resolved() ? "attempt "
                        + r.outcome().acceptedOn() : "–");
                html.append("<td>").append(r.resolved() ? Html.esc(r.outcome().acceptedRung()) : "–").append("</td>");
                num(r.attemptsMade(), r.attemptsMade() + (r.provenance().cached() ? " (cached)" : ""));
                num(r.provenance().durationMs(), RunOverview.seconds(r.provenance().durationMs()));
                num(r.promptTokens() + r.completionTokens(), RunOverview.tokens(r.promptTokens(), r.completionTokens()));
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (!run.dryRun()) {
            html.append("<p><strong>Total:</strong> ").append(Html.esc(RunOverview.totals(run))).append("</p>\n");
        }
        html.append("</section>\n");
    }

    private HtmlReportWriter th(String name, boolean numeric) {
        html.append("<th scope=\"col\"").append(numeric ? " class=\"num\" data-type=\"number\"" : "").append('>')
                .append(Html.esc(name)).append("</th>");
        return this;
    }

    private HtmlReportWriter num(long value, String shown) {
        html.append("<td class=\"num\" data-value=\"").append(value).append("\">").append(Html.esc(shown)).append("</td>");
        return this;
    }

    private void ladder() {
        html.append("<section id=\"ladder\">\n<h2>Ladder</h2>\n<table>\n<thead><tr><th class=\"num\">#</th><th>Rung</th>")
                .append("<th class=\"num\">Files accepted</th><th class=\"num\">Calls this run</th><th>Not accepted</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (RunOverview.RungUse u : RunOverview.ladder(run)) {
            html.append("<tr><td class=\"num\">").append(u.n() > 0 ? String.valueOf(u.n()) : "–").append("</td><td>")
                    .append(Html.esc(u.rung())).append("</td><td class=\"num\">").append(u.accepted())
                    .append("</td><td class=\"num\">").append(u.calls()).append("</td><td>")
                    .append(u.notAccepted().isEmpty() ? "–" : Html.esc(u.notAccepted())).append("</td></tr>\n");
        }
        if (!run.unresolved().isEmpty()) {
            html.append("<tr class=\"unresolved\"><td class=\"num\">–</td><td>unresolved</td><td class=\"num\">")
                    .append(run.unresolved().size()).append("</td><td></td><td></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (!run.servers().isEmpty()) {
            html.append("<h3>Servers</h3>\n<table>\n<thead><tr><th>Rung</th><th>Server</th><th>Limit</th>")
                    .append("<th class=\"num\">Reached</th><th class=\"num\">At the end</th>")
                    .append("<th class=\"num\">Peak in flight</th><th class=\"num\">Calls</th>")
                    .append("<th class=\"num\">Timeouts</th><th class=\"num\">429/503</th></tr></thead>\n<tbody>\n");
            for (ServerLoad s : run.servers()) {
                html.append("<tr><td>").append(Html.esc(s.rung())).append("</td><td>").append(Html.esc(s.server()))
                        .append("</td><td>").append(Html.esc(s.kind())).append("</td><td class=\"num\">")
                        .append(s.limitReached()).append("</td><td class=\"num\">").append(s.finalLimit())
                        .append("</td><td class=\"num\">").append(s.peakInFlight()).append("</td><td class=\"num\">")
                        .append(s.calls()).append("</td><td class=\"num\">").append(s.timeouts())
                        .append("</td><td class=\"num\">").append(s.pushbacks()).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("</section>\n");
    }

    private void coverage(List<RequirementsCoverage.Row> rows) {
        html.append("<section id=\"coverage\">\n<h2>Requirements coverage</h2>\n");
        if (rows == null) {
            html.append("<p>").append(RequirementsCoverage.unavailable(run, path -> "<code>" + Html.esc(path) + "</code>"))
                    .append("</p>\n</section>\n");
            return;
        }
        List<RequirementsCoverage.Row> uncovered = rows.stream().filter(RequirementsCoverage.Row::uncovered).toList();
        html.append("<p>").append(RequirementsCoverage.INTRO).append("</p>\n<div class=\"controls\"><label>")
                .append("<input type=\"checkbox\" id=\"uncovered-only\"> only the sections no file was given or cited")
                .append("</label></div>\n<table id=\"coverage-table\">\n<thead><tr><th>Section</th><th class=\"num\">Line")
                .append("</th><th>Given to</th><th>Cited by</th></tr></thead>\n<tbody>\n");
        for (RequirementsCoverage.Row row : rows) {
            DocumentOutline.Section s = row.section();
            html.append("<tr").append(row.uncovered() ? " class=\"uncovered\"" : "").append("><td class=\"lvl")
                    .append(Math.max(1, s.level())).append("\">").append(Html.esc(RunOverview.sectionName(s, rows.size())))
                    .append(row.uncovered() ? " <span class=\"warn\" title=\"nothing retrieved or cited\">⚠</span>" : "")
                    .append("</td><td class=\"num\">").append(s.line()).append("</td><td>")
                    .append(names(row.givenTo().stream().map(r -> fileLink(r, RunOverview.baseName(r.file()))).toList()))
                    .append("</td><td>").append(names(citers(row))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<h3>").append(RequirementsCoverage.UNCOVERED).append("</h3>\n");
        if (uncovered.isEmpty()) {
            html.append("<p>").append(RequirementsCoverage.NONE_UNCOVERED).append("</p>\n");
        } else {
            html.append("<p>").append(RequirementsCoverage.CANDIDATES).append("</p>\n<ul id=\"uncovered\">\n");
            for (RequirementsCoverage.Row row : uncovered) {
                html.append("<li>").append(Html.esc(RunOverview.sectionName(row.section(), rows.size())))
                        .append(" <span class=\"muted\">(line ").append(row.section().line()).append(")</span></li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    private List<String> citers(RequirementsCoverage.Row row) {
        return row.citingFiles().entrySet().stream().map(e -> fileLink(e.getKey(), RunOverview.baseName(e.getKey().file()))
                + " <span class=\"muted\">(" + Html.esc(String.join(", ", e.getValue())) + ")</span>").toList();
    }

    private static String names(List<String> markup) {
        return RunOverview.joinSome(markup, NAMES_IN_A_CELL);
    }

    private void skipped() {
        if (run.skipped().isEmpty()) {
            return;
        }
        html.append("<section id=\"skipped\">\n<h2>Skipped files</h2>\n<table>\n<thead><tr><th>File</th><th>Why</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (SkippedFile s : run.skipped()) {
            html.append("<tr><td><code>").append(Html.esc(s.file())).append("</code></td><td>").append(Html.esc(s.reason()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private void fileSection(FileReview r) {
        html.append("<details class=\"file").append(r.resolved() || run.dryRun() ? "" : " unresolved")
                .append("\" id=\"").append(ids.get(r)).append("\">\n<summary><span class=\"path\">")
                .append(Html.esc(r.file())).append("</span>");
        if (!run.dryRun()) {
            html.append(badge(r)).append("<span class=\"meta\">").append(Html.esc(r.resolved()
                    ? "attempt " + r.outcome().acceptedOn() + " · " + r.outcome().acceptedRung() : r.attemptsMade()
                    + " calls, none accepted"))
                    .append("</span>");
            if (r.provenance().cached()) {
                html.append("<span class=\"tag\">cached</span>");
            }
            if (!r.outcome().findings().isEmpty()) {
                html.append("<span class=\"meta\">").append(r.outcome().findings().size()).append(" finding(s)</span>");
            }
        }
        html.append("</summary>\n<div class=\"file-body\">\n<p>");
        if (run.dryRun()) {
            html.append(Html.esc(RunOverview.facts(r, true)));
        } else {
            html.append(r.resolved() ? "<strong>Score:</strong> " : "<strong class=\"warn\">Unresolved:</strong> ")
                    .append(Html.esc(RunOverview.facts(r, false)));
        }
        html.append("</p>\n");
        if (!run.dryRun() && r.resolved()) {
            findings(r);
            html.append("<h3>Review</h3>\n<div class=\"answer\">\n").append(SafeMarkdown.toHtml(r.outcome()
                    .acceptedMarkdown(), 4))
                    .append("</div>\n");
            citations(r);
        }
        parts(r);
        passages(r);
        attempts(r);
        html.append("</div>\n</details>\n");
    }

    private void findings(FileReview r) {
        if (r.outcome().findings().isEmpty()) {
            return;
        }
        html.append("<h3>Findings</h3>\n<table class=\"findings\">\n<thead><tr><th class=\"num\">#</th><th>Kind</th>")
                .append("<th class=\"num\">Line</th><th>Symbol</th><th>Finding</th><th>Cites</th></tr></thead>\n<tbody>\n");
        int n = 0;
        for (Finding f : r.outcome().findings()) {
            html.append("<tr><td class=\"num\">").append(++n).append("</td><td>").append(Html.esc(RunOverview.kindOf(f)))
                    .append("</td><td class=\"num\">").append(f.line() == null ? "–" : f.line()).append("</td><td>")
                    .append(f.symbol() == null ? "–" : "<code>" + Html.esc(f.symbol()) + "</code>").append("</td><td>");
            if (f.title() != null && !f.title().isBlank()) {
                html.append("<strong>").append(SafeMarkdown.inline(f.title())).append("</strong>: ");
            }
            html.append(SafeMarkdown.inline(f.text())).append("</td><td>")
                    .append(f.citations().isEmpty() ? "–" : Html.esc(RunOverview.citationsOf(f))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void citations(FileReview r) {
        Collection<Citation> distinct = CitationSection.distinct(r);
        if (distinct.isEmpty()) {
            return;
        }
        html.append("<h3>Citations</h3>\n<ul>\n");
        distinct.forEach(c -> html.append("<li").append(c.valid() ? "" : " class=\"warn\"").append('>')
                .append(Html.esc(CitationSection.line(c))).append("</li>\n"));
        html.append("</ul>\n");
    }

    private void parts(FileReview r) {
        if (r.provenance().parts().isEmpty()) {
            return;
        }
        html.append("<p>").append(Html.esc(RunOverview.partsLine(r))).append("</p>\n<table>\n<thead><tr>")
                .append("<th class=\"num\">Part</th><th>Lines</th><th class=\"num\">Characters</th><th>Accepted on</th>")
                .append("<th class=\"num\">Calls</th></tr></thead>\n<tbody>\n");
        for (FilePart p : r.provenance().parts()) {
            html.append("<tr><td class=\"num\">").append(p.n()).append("</td><td>").append(p.firstLine()).append("–")
                    .append(p.lastLine()).append("</td><td class=\"num\">").append(p.chars()).append("</td><td>")
                    .append(p.acceptedOn() == null ? "–" : Html.esc("attempt " + p.acceptedOn() + " (" + p.model() + ")"))
                    .append("</td><td class=\"num\">").append(p.attemptsMade()).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void passages(FileReview r) {
        List<ScoredChunk> passages = Stream.concat(r.input().prdPassages().stream(), r.input().proposalPassages()
                .stream()).toList();
        if (passages.isEmpty()) {
            return;
        }
        html.append("<h3>Passages given</h3>\n<table class=\"passages\">\n<thead><tr><th>Passage</th><th>Section</th>")
                .append("<th class=\"num\">Line</th><th class=\"num\">Length</th><th class=\"num\">Score</th>")
                .append("<th>Begins</th></tr></thead>\n<tbody>\n");
        for (ScoredChunk c : passages) {
            String heading = RunOverview.heading(documents, c.chunk());
            Integer line = RunOverview.line(documents, c.chunk());
            html.append("<tr><td><code>").append(Html.esc(c.chunk().label())).append("</code></td><td>")
                    .append(heading == null ? "–" : Html.esc(heading)).append("</td><td class=\"num\">")
                    .append(line == null ? "–" : line).append("</td><td class=\"num\">").append(c.chunk().length())
                    .append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.3f", JsonReportWriter.similarity(c.score())))
                    .append("</td><td>").append(Html.esc(MarkdownReportWriter.excerpt(c.chunk().text())))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void attempts(FileReview r) {
        if (r.outcome().attempts().isEmpty()) {
            return;
        }
        html.append("<h3>Attempts</h3>\n<table class=\"attempts\">\n<thead><tr><th class=\"num\">#</th><th>Model</th>")
                .append("<th>Status</th><th class=\"num\">Characters</th><th class=\"num\">Time</th><th>Why</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (Attempt a : r.outcome().attempts()) {
            html.append("<tr><td class=\"num\">").append(a.n()).append("</td><td>").append(Html.esc(a.rungId()))
                    .append("</td><td>").append(Html.esc(a.status().id())).append("</td><td class=\"num\">")
                    .append(a.chars()).append("</td><td class=\"num\">").append(RunOverview.seconds(a.durationMs()))
                    .append("</td><td>").append(a.error() == null ? "" : Html.esc(a.error())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private String fileLink(FileReview r, String text) {
        return "<a href=\"#" + ids.get(r) + "\"><code>" + Html.esc(text) + "</code></a>";
    }

    private String badge(FileReview r) {
        if (!r.resolved()) {
            return "<span class=\"badge unresolved\">unresolved</span>";
        }
        if (r.outcome().score() == null) {
            return "<span class=\"badge\">–</span>";
        }
        int s = r.outcome().score();
        return "<span class=\"badge " + (s <= 4 ? "low" : s <= 7 ? "mid" : "high") + "\">" + s + "/10</span>";
    }

    /** The CSP source of a script or style: {@code sha256-<base64 of its SHA-256>}. */
    static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlReportWriter.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
