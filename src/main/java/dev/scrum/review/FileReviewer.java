package dev.scrum.review;

import dev.scrum.cache.ReviewCache;
import dev.scrum.cache.ReviewKey;
import dev.scrum.check.AnswerCheck;
import dev.scrum.check.Citation;
import dev.scrum.check.CitationChecker;
import dev.scrum.chunk.SourceSplitter;
import dev.scrum.git.Change;
import dev.scrum.git.ChangedLines;
import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.Ladder;
import dev.scrum.ladder.LadderOutcome;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.prompt.ReviewPrompts;
import dev.scrum.report.FileInput;
import dev.scrum.report.FileOutcome;
import dev.scrum.report.FilePart;
import dev.scrum.report.FileProvenance;
import dev.scrum.report.FileReview;
import dev.scrum.report.Finding;
import dev.scrum.report.Injection;
import dev.scrum.retrieve.Retrieval;
import dev.scrum.retrieve.Retriever;
import dev.scrum.retrieve.ScoredChunk;
import dev.scrum.symbols.SymbolTable;
import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reviews one file: reads it whole, retrieves its passages, reuses a cached review when its inputs are
 * unchanged, else climbs the ladder — in parts, then one consolidation, when the prompt does not fit the
 * smallest context window of the ladder — and turns the accepted answer into findings.
 */
final class FileReviewer {

    private final ReviewRequest request;
    private final Retriever retriever;
    private final Ladder ladder;
    private final FileChecks checks;
    private final ReviewCache cache;
    private final Progress progress;
    private final Clock clock;
    private final PromptInjections injections;
    private final PromptBudget budget;
    private final PartedReview parted;

    /**
     * @param ladder the ladder, or {@code null} in a dry run
     * @param cache the review cache, or {@code null}
     */
    FileReviewer(ReviewRequest request, Retriever retriever, Ladder ladder, FileChecks checks, ReviewCache cache,
            PromptInjections injections, Progress progress, Clock clock) {
        this.request = request;
        this.injections = injections;
        this.retriever = retriever;
        this.ladder = ladder;
        this.checks = checks;
        this.cache = cache;
        this.progress = progress;
        this.clock = clock;
        this.budget = PromptBudget.of(request.ladder());
        this.parted = ladder == null ? null : new PartedReview(request, retriever, ladder, budget, progress);
    }

    /**
     * The cached review of a file that is not to be reviewed now ({@code changedSince} left it out), if its
     * inputs are unchanged and a review of them is cached.
     */
    Optional<FileReview> cachedOnly(String path) throws IOException {
        if (cache == null || !request.reuseCached() || ladder == null) {
            return Optional.empty();
        }
        SourceFile source = SourceFile.read(request.boundary(), path, request.encoding());
        Retrieval retrieval = retriever.retrieve(path, source.text());
        List<ScoredChunk> passages = concat(retrieval.prd(), retrieval.proposal());
        List<Injection> found = injections.of(path, source.text(), passages);
        return cached(ReviewKey.of(source.text(), passages, ReviewPrompts.VERSION, fingerprint(path)))
                .map(r -> withChange(withInjections(r, found)));
    }

    /** A cached review with the injections found in its input now (the detector may have learned more). */
    private static FileReview withInjections(FileReview review, List<Injection> found) {
        return review.toBuilder().input(review.input().withInjections(found)).build();
    }

    /**
     * Reviews one file. An unexpected failure on the way (a parser bug, an I/O error, any exception) is
     * recorded as the file's review: unresolved, with one {@code error} attempt saying what failed, so that the
     * other files and the report go on. {@link Error}s (out of memory, ...) are not caught.
     */
    FileReview review(String path, String tag) {
        long start = System.nanoTime();
        try {
            return withChange(reviewFile(path, tag));
        } catch (IOException | RuntimeException e) {
            String what = UnexpectedFailure.describe(e);
            progress.warn(tag + ": the review failed and the file stays unresolved: " + what);
            return withChange(UnexpectedFailure.review(request.baseDir(), path, what, millis(start)));
        }
    }

    /** The review with the change's lines in its file, when the run knows the change's base. */
    private FileReview withChange(FileReview review) {
        Change change = request.change();
        return change.known() ? review.toBuilder().changed(change.of(review.file())).build() : review;
    }

    /**
     * The rubric's fingerprint, and the change's lines when some are marked in the prompt: a review asked to
     * look at the change first is another review than one of the whole file.
     */
    private String fingerprint(String path) {
        ChangedLines lines = request.change().of(path);
        return lines.count() == 0 ? request.rubricFingerprint()
                : request.rubricFingerprint() + ";change=" + (lines.added() ? "new file" : lines.toString());
    }

    private FileReview reviewFile(String path, String tag) throws IOException {
        long start = System.nanoTime();
        SourceFile source = SourceFile.read(request.boundary(), path, request.encoding());
        if (source.malformed()) {
            progress.warn(tag + ": not valid " + request.encoding().name() + "; malformed bytes were replaced");
        }
        Retrieval retrieval = retriever.retrieve(path, source.text());
        List<Injection> found = injections.of(path, source.text(), concat(retrieval.prd(), retrieval.proposal()));
        found.forEach(i -> progress.warn(tag + ": prompt injection at " + InjectionScan.describe(i)
                + "; the review that reads it is untrusted"));
        ReviewPrompts prompts = new ReviewPrompts(path, source.text(), retrieval.prd(), retrieval.proposal())
                .markingChange(request.change().base(), request.change().of(path));
        AnswerFormat format = request.ladder().isEmpty() ? AnswerFormat.MARKDOWN : request.ladder().get(0).format();
        String system = prompts.system(format);
        String user = prompts.user(format, List.of());
        int promptChars = system.length() + user.length();
        List<SourceSplitter.Part> parts = budget.fits(system, user)
                ? List.of()
                : PartedReview.split(path, source.text(), retrieval, format, budget);
        if (ladder == null) {
            progress.info(String.format(Locale.ROOT, "%s: %d PRD + %d proposal passages (PRD %s%s), prompt %,d chars%s",
                    tag, retrieval.prd().size(), retrieval.proposal().size(), offsets(retrieval.prd()),
                    topHeading(retrieval.prd()), promptChars,
                    parts.isEmpty() ? "" : ", too large for the context: " + parts.size() + " parts"));
            return FileReview.dryRun(path, source.bytes(), new FileInput(retrieval.prd(), retrieval.proposal(),
                    promptChars, retrieval.queryPassages(), 0, source.malformed(), found), millis(start),
                    dryRunParts(parts));
        }
        List<ScoredChunk> firstPassages = concat(retrieval.prd(), retrieval.proposal());
        ReviewKey key = cache == null
                ? null
                : ReviewKey.of(source.text(), firstPassages, ReviewPrompts.VERSION, fingerprint(path));
        if (key != null && request.reuseCached()) {
            Optional<FileReview> hit = cached(key);
            if (hit.isPresent()) {
                FileReview r = hit.get();
                progress.info(String.format(Locale.ROOT, "%s: cached review (%s, %s), score %s", tag, r.outcome()
                        .acceptedRung(),
                        r.provenance().reviewedAt() == null ? "an earlier run" : r.provenance().reviewedAt()
                        .truncatedTo(ChronoUnit.SECONDS),
                        r.outcome().score() == null ? "none" : r.outcome().score()));
                return withInjections(r, found);
            }
        }
        SymbolTable symbols = SymbolTable.of(path, source.text());
        AnswerCheck rubric = checks.rubric(symbols);
        LadderReview reviewed = parts.isEmpty()
                ? new LadderReview(ladder.climb(prompts, rubric, new AttemptLog(progress, tag)), retrieval.prd(),
                        retrieval.proposal(), retrieval.queryPassages(), List.of(), prompts.secretsMasked())
                : parted.review(path, tag, source.text(), parts, rubric);
        if (reviewed.secretsMasked() > 0) {
            progress.info(tag + ": " + reviewed.secretsMasked() + " secret(s) masked before the file was sent "
                    + "(redactSecrets)");
        }
        FileReview review = finish(path, tag, source, reviewed, promptChars, start, symbols);
        if (!reviewed.parts().isEmpty()) {
            review = withInjections(review, injections.of(path, source.text(),
                    concat(reviewed.prd(), reviewed.proposal())));
        } else {
            review = withInjections(review, found);
        }
        if (key != null && review.resolved()) {
            cache.store(key.forLadder(request.ladder().subList(0, review.outcome().acceptedOn())), review);
        }
        return review;
    }

    private FileReview finish(String path, String tag, SourceFile source, LadderReview reviewed, int promptChars,
            long start, SymbolTable symbols) {
        LadderOutcome outcome = reviewed.outcome();
        CitationChecker checker = checks.citations(
                concat(reviewed.prd(), reviewed.proposal()).stream().map(ScoredChunk::chunk).toList());
        FindingCollector collector = new FindingCollector(checker, symbols);
        List<Finding> findings = List.of();
        List<Citation> citations = List.of();
        if (outcome.resolved()) {
            findings = outcome.structured() != null
                    ? collector.fromStructured(outcome.structured())
                    : collector.fromMarkdown(outcome.markdown());
            citations = outcome.structured() != null
                    ? findings.stream().flatMap(f -> f.citations().stream()).toList()
                    : checker.check(outcome.markdown());
        }
        int valid = (int) citations.stream().filter(Citation::valid).count();
        long ms = millis(start);
        Attempt accepted = outcome.accepted();
        int calls = outcome.callsMade() + reviewed.parts().stream().mapToInt(FilePart::attemptsMade).sum();
        if (accepted != null) {
            progress.info(String.format(Locale.ROOT, "%s: accepted on attempt %d (%s), score %s, %.1f s", tag,
                    accepted.n(), accepted.rungId(), outcome.score() == null ? "none" : outcome.score(), ms / 1000.0));
        } else {
            progress.warn(String.format(Locale.ROOT, "%s: UNRESOLVED after %d calls, %.1f s", tag, calls, ms / 1000.0));
        }
        return FileReview.builder()
                .file(path)
                .fileBytes(source.bytes())
                .input(new FileInput(reviewed.prd(), reviewed.proposal(), promptChars, reviewed.queryPassages(), reviewed.secretsMasked(), source.malformed(), List.of()))
                .outcome(FileOutcome.builder()
                        .attempts(outcome.attempts())
                        .accepted(accepted)
                        .acceptedMarkdown(outcome.markdown())
                        .score(outcome.score())
                        .findings(findings)
                        .citationsValid(valid)
                        .citationsInvalid(citations.size() - valid)
                        .build())
                .provenance(new FileProvenance(ms, clock.instant(), false, reviewed.parts()))
                .build();
    }

    /** A review of the same inputs accepted on some rung whose ladder up to it is unchanged. */
    private Optional<FileReview> cached(ReviewKey key) {
        List<Rung> rungs = request.ladder();
        for (int k = 1; k <= rungs.size(); k++) {
            Optional<FileReview> hit = cache.find(key.forLadder(rungs.subList(0, k)));
            if (hit.isPresent()) {
                return Optional.of(hit.get().asCached());
            }
        }
        return Optional.empty();
    }

    private static List<FilePart> dryRunParts(List<SourceSplitter.Part> parts) {
        List<FilePart> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            SourceSplitter.Part p = parts.get(i);
            out.add(new FilePart(i + 1, p.firstLine(), p.lastLine(), p.text().length(), null, "", 0));
        }
        return out;
    }

    private static List<ScoredChunk> concat(List<ScoredChunk> a, List<ScoredChunk> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String offsets(List<ScoredChunk> chunks) {
        return String.join(",", chunks.stream().map(c -> "@" + c.chunk().offset()).toList());
    }

    /** {@code ; best: <heading path>, <how it was found>}, or {@code ""} when the best passage has no heading. */
    private static String topHeading(List<ScoredChunk> chunks) {
        if (chunks.isEmpty() || chunks.get(0).chunk().heading() == null) {
            return "";
        }
        ScoredChunk best = chunks.get(0);
        return "; best: " + best.chunk().heading() + (best.foundBy().isEmpty() ? "" : ", " + best.foundBy());
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
