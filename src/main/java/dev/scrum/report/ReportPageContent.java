package dev.scrum.report;

import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.ServerLoad;
import dev.scrum.report.ReportPage.Block;
import dev.scrum.report.ReportPage.Items;
import dev.scrum.report.ReportPage.Paragraph;
import dev.scrum.report.ReportPage.Preformatted;
import dev.scrum.report.ReportPage.Section;
import dev.scrum.report.ReportPage.Table;
import dev.scrum.retrieve.ScoredChunk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Fills a {@link ReportPage} with what {@link HtmlReportWriter} shows, in its order: the gate's decision, the
 * verdict and the run's facts, then the prompt injections, the files and their scores, the unresolved files and
 * why, the ladder, the requirements coverage, the skipped files and each file in detail (findings, gaps,
 * citations, the answer, the passages and the attempts).
 */
final class ReportPageContent {

    static final String TITLE = "Scrum review";
    private static final int NAMES_IN_A_CELL = 8;

    private final RunReport run;
    private final ReportDocuments documents;
    private final List<FileReview> ordered;
    private final Set<String> ids = new HashSet<>();

    ReportPageContent(RunReport run, ReportDocuments documents) {
        this.run = run;
        this.documents = documents;
        this.ordered = RunOverview.ordered(run);
    }

    ReportPage page() {
        List<RequirementsCoverage.Row> coverage = RequirementsCoverage.of(ordered, documents);
        List<Block> top = new ArrayList<>(gate(run.gate()));
        top.add(new Paragraph("Verdict:", RunOverview.verdict(run)));
        String headline = RunOverview.headline(run, coverage);
        if (!headline.isEmpty()) {
            top.add(Paragraph.of(headline));
        }
        top.add(new Items(facts()));
        List<Section> sections = new ArrayList<>();
        if (!run.injections().isEmpty()) {
            sections.add(injections());
        }
        sections.add(files());
        if (!run.dryRun() && !run.unresolved().isEmpty()) {
            sections.add(unresolved());
        }
        if (!run.dryRun() && !run.reviews().isEmpty()) {
            sections.add(ladder());
        }
        if (!run.reviews().isEmpty()) {
            sections.add(coverage(coverage));
        }
        if (!run.skipped().isEmpty()) {
            sections.add(section("skipped", "Skipped files", List.of(new Table(List.of("File", "Why"),
                    run.skipped().stream().map(s -> List.of(s.file(), s.reason())).toList()))));
        }
        if (!run.reviews().isEmpty()) {
            sections.add(new Section(id("details"), "Files in detail", List.of(),
                    ordered.stream().map(this::fileSection).toList()));
        }
        return new ReportPage(TITLE, new Section(id("scrum-review"), TITLE, top, sections));
    }

    /** What the gate decided, first: the outcome, then each reason, warning and check. */
    private static List<Block> gate(GateDecision gate) {
        if (gate == null) {
            return List.of(new Paragraph("No gate decision recorded.", "This review left the gate to another goal "
                    + "(scrum:aggregate in a reactor); run mvn scrum:check to decide it from this review."));
        }
        String title = switch (gate.outcome()) {
            case FAILED -> "Gate failed";
            case PASSED -> "Gate passed";
            case NOT_APPLIED -> "Gate not applied";
        };
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(title, ""));
        List<String> reasons = new ArrayList<>(gate.failures());
        gate.warnings().forEach(w -> reasons.add("⚠️ " + w));
        reasons.addAll(gate.notes());
        if (!reasons.isEmpty()) {
            blocks.add(new Items(reasons));
        }
        return blocks;
    }

    private List<String> facts() {
        List<String> facts = new ArrayList<>();
        facts.add("Ran at " + RunOverview.ranAt(run) + ", in " + RunOverview.seconds(run.totalDurationMs()));
        for (DocumentInfo d : run.documents()) {
            facts.add(d.label() + ": " + d.path() + " (" + RunOverview.size(d, documents) + ")");
        }
        if (!run.embedder().isEmpty()) {
            facts.add("Embedder: " + run.embedder());
        }
        if (!run.dryRun()) {
            facts.add("Ladder: " + String.join(" → ", run.ladder()));
        }
        return facts;
    }

    private Section injections() {
        return section("injection", "Prompt injection", List.of(
                Paragraph.of("Text in what the models were sent addresses the reviewer, or hides what it says. The "
                        + "reviews that read it are untrusted; a new one fails the build (failOnInjection)."),
                new Table(List.of("Where", "Kind", "Text", "Baseline"), run.injections().stream()
                        .map(i -> List.of(i.location(), i.description(), i.quoted(),
                                i.baseline() == null ? "–" : i.baseline().id()))
                        .toList())));
    }

    private Section files() {
        if (run.reviews().isEmpty()) {
            return section("files", "Files", List.of(Paragraph.of(RunOverview.nothingReviewed(run))));
        }
        List<List<String>> rows = new ArrayList<>();
        for (FileReview r : ordered) {
            if (run.dryRun()) {
                rows.add(List.of(r.file(), String.valueOf(r.fileBytes()), String.valueOf(r.input().promptChars()),
                        RunOverview.offsets(r.input().prdPassages()), RunOverview.offsets(r.input().proposalPassages())));
            } else {
                rows.add(List.of(r.file(), score(r), r.resolved() ? "attempt " + r.outcome().acceptedOn() : "–",
                        r.resolved() ? r.outcome().acceptedRung() : "–",
                        r.attemptsMade() + (r.provenance().cached() ? " (cached)" : ""),
                        RunOverview.seconds(r.provenance().durationMs()),
                        RunOverview.tokens(r.promptTokens(), r.completionTokens()),
                        String.valueOf(gaps(r).size())));
            }
        }
        List<String> header = run.dryRun()
                ? List.of("File", "Bytes", "Prompt characters", "PRD passages", "Proposal passages")
                : List.of("File", "Score", "Accepted on", "Model", "Attempts", "Time", "Tokens (prompt + answer)",
                        "Gaps");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table(header, rows));
        if (!run.dryRun()) {
            blocks.add(new Paragraph("Total:", RunOverview.totals(run)));
        }
        return section("files", "Files", blocks);
    }

    /** The unresolved files, then each distinct reason rungs gave them no answer, with what to do. */
    private Section unresolved() {
        List<FileReview> unresolved = run.unresolved();
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of(unresolved.size() + " file(s) have no accepted review: no rung's answer was "
                + "accepted (failOnUnresolved)."));
        blocks.add(new Items(unresolved.stream().map(r -> r.file() + ": " + RunOverview.facts(r, false)).toList()));
        List<UnansweredCause> causes = UnansweredCause.of(unresolved);
        if (!causes.isEmpty()) {
            blocks.add(new Paragraph("Why:", ""));
            blocks.add(new Items(causes.stream().map(c -> c.describe(unresolved.size())).toList()));
        }
        return section("unresolved", "Unresolved files", blocks);
    }

    private Section ladder() {
        List<List<String>> rows = new ArrayList<>();
        for (RunOverview.RungUse u : RunOverview.ladder(run)) {
            rows.add(List.of(u.n() > 0 ? String.valueOf(u.n()) : "–", u.rung(), String.valueOf(u.accepted()),
                    String.valueOf(u.calls()), u.notAccepted().isEmpty() ? "–" : u.notAccepted()));
        }
        if (!run.unresolved().isEmpty()) {
            rows.add(List.of("–", "unresolved", String.valueOf(run.unresolved().size()), "", ""));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table(List.of("#", "Rung", "Files accepted", "Calls this run", "Not accepted"), rows));
        if (!run.servers().isEmpty()) {
            blocks.add(new Paragraph("Servers", ""));
            blocks.add(new Table(List.of("Rung", "Server", "Limit", "Reached", "At the end", "Peak in flight", "Calls",
                    "Timeouts", "429/503"), run.servers().stream().map(ReportPageContent::server).toList()));
        }
        return section("ladder", "Ladder", blocks);
    }

    private static List<String> server(ServerLoad s) {
        return List.of(s.rung(), s.server(), s.kind(), String.valueOf(s.limitReached()), String.valueOf(s.finalLimit()),
                String.valueOf(s.peakInFlight()), String.valueOf(s.calls()), String.valueOf(s.timeouts()),
                String.valueOf(s.pushbacks()));
    }

    private Section coverage(List<RequirementsCoverage.Row> rows) {
        if (rows == null) {
            return section("coverage", "Requirements coverage",
                    List.of(Paragraph.of(RequirementsCoverage.unavailable(run, path -> path))));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of(RequirementsCoverage.INTRO));
        blocks.add(new Table(List.of("Section", "Line", "Given to", "Cited by"), rows.stream()
                .map(row -> List.of(RunOverview.sectionName(row.section(), rows.size())
                                + (row.uncovered() ? " ⚠" : ""), String.valueOf(row.section().line()),
                        RunOverview.joinSome(row.givenTo().stream().map(r -> RunOverview.baseName(r.file())).toList(),
                                NAMES_IN_A_CELL),
                        RunOverview.joinSome(row.citingFiles().entrySet().stream()
                                .map(e -> RunOverview.baseName(e.getKey().file()) + " ("
                                        + String.join(", ", e.getValue()) + ")")
                                .toList(), NAMES_IN_A_CELL)))
                .toList()));
        List<RequirementsCoverage.Row> uncovered = rows.stream().filter(RequirementsCoverage.Row::uncovered).toList();
        blocks.add(new Paragraph(RequirementsCoverage.UNCOVERED, ""));
        if (uncovered.isEmpty()) {
            blocks.add(Paragraph.of(RequirementsCoverage.NONE_UNCOVERED));
        } else {
            blocks.add(Paragraph.of(RequirementsCoverage.CANDIDATES));
            blocks.add(new Items(uncovered.stream().map(row -> RunOverview.sectionName(row.section(), rows.size())
                    + " (line " + row.section().line() + ")").toList()));
        }
        return section("coverage", "Requirements coverage", blocks);
    }

    private Section fileSection(FileReview r) {
        List<Block> blocks = new ArrayList<>();
        if (run.dryRun()) {
            blocks.add(Paragraph.of(RunOverview.facts(r, true)));
        } else {
            blocks.add(new Paragraph(r.resolved() ? "Score:" : "Unresolved:", RunOverview.facts(r, false)));
        }
        if (!run.dryRun() && r.resolved()) {
            findings(r, blocks);
            blocks.add(new Paragraph("Review", ""));
            blocks.add(new Preformatted(r.outcome().acceptedMarkdown()));
            List<String> citations = CitationSection.distinct(r).stream().map(CitationSection::line).toList();
            if (!citations.isEmpty()) {
                blocks.add(new Paragraph("Citations", ""));
                blocks.add(new Items(citations));
            }
        }
        parts(r, blocks);
        passages(r, blocks);
        if (!r.outcome().attempts().isEmpty()) {
            blocks.add(new Paragraph("Attempts", ""));
            blocks.add(new Table(List.of("#", "Model", "Status", "Characters", "Time", "Why"), r.outcome().attempts()
                    .stream().map(ReportPageContent::attempt).toList()));
        }
        String title = run.dryRun() ? r.file() : r.file() + " — " + score(r);
        return section("file-" + MarkdownReportWriter.anchor(r.file()), title, blocks);
    }

    private static void findings(FileReview r, List<Block> blocks) {
        if (r.outcome().findings().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (Finding f : r.outcome().findings()) {
            rows.add(List.of(String.valueOf(++n), RunOverview.kindOf(f), f.line() == null ? "–" : f.line().toString(),
                    f.symbol() == null ? "–" : f.symbol(), RunOverview.textOf(f),
                    f.citations().isEmpty() ? "–" : RunOverview.citationsOf(f)));
        }
        blocks.add(new Paragraph("Findings", ""));
        blocks.add(new Table(List.of("#", "Kind", "Line", "Symbol", "Finding", "Cites"), rows));
    }

    private static void parts(FileReview r, List<Block> blocks) {
        if (r.provenance().parts().isEmpty()) {
            return;
        }
        blocks.add(Paragraph.of(RunOverview.partsLine(r)));
        blocks.add(new Table(List.of("Part", "Lines", "Characters", "Accepted on", "Calls"), r.provenance().parts()
                .stream().map(p -> List.of(String.valueOf(p.n()), p.firstLine() + "–" + p.lastLine(),
                        String.valueOf(p.chars()),
                        p.acceptedOn() == null ? "–" : "attempt " + p.acceptedOn() + " (" + p.model() + ")",
                        String.valueOf(p.attemptsMade())))
                .toList()));
    }

    private void passages(FileReview r, List<Block> blocks) {
        List<ScoredChunk> passages = Stream.concat(r.input().prdPassages().stream(),
                r.input().proposalPassages().stream()).toList();
        if (passages.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ScoredChunk c : passages) {
            String heading = RunOverview.heading(documents, c.chunk());
            Integer line = RunOverview.line(documents, c.chunk());
            rows.add(List.of(c.chunk().label(), heading == null ? "–" : heading, line == null ? "–" : line.toString(),
                    String.valueOf(c.chunk().length()),
                    String.format(Locale.ROOT, "%.3f", JsonReportWriter.similarity(c.score())),
                    MarkdownReportWriter.excerpt(c.chunk().text())));
        }
        blocks.add(new Paragraph("Passages given", ""));
        blocks.add(new Table(List.of("Passage", "Section", "Line", "Length", "Score", "Begins"), rows));
    }

    private static List<String> attempt(Attempt a) {
        return List.of(String.valueOf(a.n()), a.rungId(), a.status().id(), String.valueOf(a.chars()),
                RunOverview.seconds(a.durationMs()), a.error() == null ? "" : a.error());
    }

    /** {@code 6/10}, {@code –} for an accepted review without a score, {@code unresolved}. */
    private static String score(FileReview r) {
        if (!r.resolved()) {
            return "unresolved";
        }
        return r.outcome().score() == null ? "–" : r.outcome().score() + "/10";
    }

    private static List<Finding> gaps(FileReview r) {
        return r.outcome().findings().stream().filter(f -> "gap".equals(f.kind())).toList();
    }

    private Section section(String id, String title, List<Block> blocks) {
        return new Section(id(id), title, blocks, List.of());
    }

    /** {@code id}, or {@code id-2}, {@code id-3}… when the page has it already. */
    private String id(String id) {
        String unique = id;
        for (int n = 2; !ids.add(unique); n++) {
            unique = id + "-" + n;
        }
        return unique;
    }
}
