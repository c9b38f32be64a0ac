package dev.scrum.review;

import dev.scrum.cache.ReviewCache;
import dev.scrum.cache.ReviewKey;
import dev.scrum.check.AnswerCheck;
import dev.scrum.check.Citation;
import dev.scrum.check.CitationChecker;
import dev.scrum.chunk.SourceSplitter;
import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptListener;
import dev.scrum.ladder.Ladder;
import dev.scrum.ladder.LadderOutcome;
import dev.scrum.ladder.Prompts;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.TokenCounter;
import dev.scrum.prompt.ConsolidationPrompts;
import dev.scrum.prompt.ReviewPrompts;
import dev.scrum.report.FileInput;
import dev.scrum.report.FileOutcome;
import dev.scrum.report.FilePart;
import dev.scrum.report.FileProvenance;
import dev.scrum.report.FileReview;
import dev.scrum.report.Finding;
import dev.scrum.retrieve.Retrieval;
import dev.scrum.retrieve.Retriever;
import dev.scrum.retrieve.ScoredChunk;
import dev.scrum.symbols.SymbolTable;
import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reviews one file: reads it whole, retrieves its passages, reuses a cached review when its inputs are
 * unchanged, else climbs the ladder — in parts, then one consolidation, when the prompt does not fit the
 * smallest context window of the ladder — and turns the accepted answer into findings.
 */
final class FileReviewer {

    /** Room kept in a part's prompt for the learning context of later rungs, in tokens. */
    private static final int LEARNING_RESERVE_TOKENS = 1500;
    /** The share of a context window a prompt may fill; token counts of other models' tokenizers differ. */
    private static final double SAFETY = 0.9;

    private final ReviewRequest request;
    private final Retriever retriever;
    private final Ladder ladder;
    private final FileChecks checks;
    private final ReviewCache cache;
    private final Progress progress;
    private final Clock clock;
    private final int promptBudget;

    /**
     * @param ladder the ladder, or {@code null} in a dry run
     * @param cache the review cache, or {@code null}
     */
    FileReviewer(ReviewRequest request, Retriever retriever, Ladder ladder, FileChecks checks, ReviewCache cache,
            Progress progress, Clock clock) {
        this.request = request;
        this.retriever = retriever;
        this.ladder = ladder;
        this.checks = checks;
        this.cache = cache;
        this.progress = progress;
        this.clock = clock;
        this.promptBudget = promptBudget(request.ladder());
    }

    /**
     * The most prompt tokens every usable rung can take: the smallest context window less the answer's room.
     * {@link Integer#MAX_VALUE} when no rung says its window.
     */
    static int promptBudget(List<Rung> ladder) {
        return ladder.stream()
                .filter(r -> r.usable() && r.contextTokens() > 0)
                .mapToInt(r -> (int) ((r.contextTokens() - r.maxTokens()) * SAFETY))
                .min()
                .orElse(Integer.MAX_VALUE);
    }

    /**
     * The cached review of a file that is not to be reviewed now ({@code changedSince} left it out), if its
     * inputs are unchanged and a review of them is cached.
     */
    Optional<FileReview> cachedOnly(String path) throws IOException {
        if (cache == null || !request.reuseCached() || ladder == null) {
            return Optional.empty();
        }
        SourceFile source = SourceFile.read(request.baseDir(), path);
        Retrieval retrieval = retriever.retrieve(source.text());
        return cached(ReviewKey.of(source.text(), concat(retrieval.prd(), retrieval.proposal()), ReviewPrompts.VERSION,
                request.rubricFingerprint()));
    }

    /**
     * Reviews one file. An unexpected failure on the way (a parser bug, an I/O error, any exception) is
     * recorded as the file's review: unresolved, with one {@code error} attempt saying what failed, so that the
     * other files and the report go on. {@link Error}s (out of memory, ...) are not caught.
     */
    FileReview review(String path, String tag) {
        long start = System.nanoTime();
        try {
            return reviewFile(path, tag);
        } catch (IOException | RuntimeException e) {
            String what = UnexpectedFailure.describe(e);
            progress.warn(tag + ": the review failed and the file stays unresolved: " + what);
            return UnexpectedFailure.review(request.baseDir(), path, what, millis(start));
        }
    }

    private FileReview reviewFile(String path, String tag) throws IOException {
        long start = System.nanoTime();
        SourceFile source = SourceFile.read(request.baseDir(), path);
        if (source.malformedUtf8()) {
            progress.warn(tag + ": not valid UTF-8; malformed bytes were replaced");
        }
        Retrieval retrieval = retriever.retrieve(source.text());
        ReviewPrompts prompts = new ReviewPrompts(path, source.text(), retrieval.prd(), retrieval.proposal());
        AnswerFormat format = request.ladder().isEmpty() ? AnswerFormat.MARKDOWN : request.ladder().get(0).format();
        String system = prompts.system(format);
        String user = prompts.user(format, List.of());
        int promptChars = system.length() + user.length();
        List<SourceSplitter.Part> parts = fits(system, user) ? List.of() : split(path, source.text(), retrieval, format);
        if (ladder == null) {
            progress.info(String.format(Locale.ROOT, "%s: %d PRD + %d proposal passages (PRD %s%s), prompt %,d chars%s",
                    tag, retrieval.prd().size(), retrieval.proposal().size(), offsets(retrieval.prd()),
                    topHeading(retrieval.prd()), promptChars,
                    parts.isEmpty() ? "" : ", too large for the context: " + parts.size() + " parts"));
            return FileReview.dryRun(path, source.bytes(), new FileInput(retrieval.prd(), retrieval.proposal(),
                    promptChars, retrieval.queryPassages(), 0, source.malformedUtf8()), millis(start),
                    dryRunParts(parts));
        }
        List<ScoredChunk> firstPassages = concat(retrieval.prd(), retrieval.proposal());
        ReviewKey key = cache == null
                ? null
                : ReviewKey.of(source.text(), firstPassages, ReviewPrompts.VERSION, request.rubricFingerprint());
        if (key != null && request.reuseCached()) {
            Optional<FileReview> hit = cached(key);
            if (hit.isPresent()) {
                FileReview r = hit.get();
                progress.info(String.format(Locale.ROOT, "%s: cached review (%s, %s), score %s", tag, r.outcome()
                        .acceptedRung(),
                        r.provenance().reviewedAt() == null ? "an earlier run" : r.provenance().reviewedAt()
                        .truncatedTo(ChronoUnit.SECONDS),
                        r.outcome().score() == null ? "none" : r.outcome().score()));
                return r;
            }
        }
        SymbolTable symbols = SymbolTable.of(path, source.text());
        AnswerCheck rubric = checks.rubric(symbols);
        Reviewed reviewed = parts.isEmpty()
                ? new Reviewed(ladder.climb(prompts, rubric, new LoggingListener(tag)), retrieval.prd(),
                        retrieval.proposal(), retrieval.queryPassages(), List.of(), prompts.secretsMasked())
                : inParts(path, tag, source.text(), parts, rubric);
        if (reviewed.secretsMasked() > 0) {
            progress.info(tag + ": " + reviewed.secretsMasked() + " secret(s) masked before the file was sent "
                    + "(redactSecrets)");
        }
        FileReview review = finish(path, tag, source, reviewed, promptChars, start, symbols);
        if (key != null && review.resolved()) {
            cache.store(key.forLadder(request.ladder().subList(0, review.outcome().acceptedOn())), review);
        }
        return review;
    }

    /** What the ladder made of a file, what it was given, and how many secrets were masked in what was sent. */
    private record Reviewed(LadderOutcome outcome, List<ScoredChunk> prd, List<ScoredChunk> proposal,
            int queryPassages, List<FilePart> parts, int secretsMasked) {}

    private boolean fits(String system, String user) {
        return promptBudget == Integer.MAX_VALUE
                || TokenCounter.count(system) + TokenCounter.count(user) + LEARNING_RESERVE_TOKENS <= promptBudget;
    }

    /** Parts small enough that each part's prompt, with its passages and the asks, fits the budget. */
    private List<SourceSplitter.Part> split(String path, String text, Retrieval retrieval, AnswerFormat format) {
        ReviewPrompts empty = new ReviewPrompts(path, "", retrieval.prd(), retrieval.proposal());
        int overhead = TokenCounter.count(empty.system(format)) + TokenCounter.count(empty.user(format, List.of()))
                + LEARNING_RESERVE_TOKENS;
        int lines = Math.max(1, (int) text.lines().count());
        // a part's own passages may be longer than the whole file's: keep a quarter of the room for the difference
        double room = (promptBudget - overhead) * 0.75;
        // each numbered line costs its text plus about 3 tokens of line number
        double charsPerToken = (double) text.length() / (TokenCounter.count(text) + 3.0 * lines);
        int maxChars = (int) Math.max(200, room * charsPerToken);
        return new SourceSplitter(maxChars).split(text);
    }

    private Reviewed inParts(String path, String tag, String text, List<SourceSplitter.Part> parts,
            AnswerCheck rubric) {
        int total = (int) text.lines().count();
        progress.info(tag + ": too large for the smallest context window of the ladder (" + promptBudget
                + " prompt tokens): reviewing it in " + parts.size() + " parts");
        Map<String, ScoredChunk> prd = new LinkedHashMap<>();
        Map<String, ScoredChunk> proposal = new LinkedHashMap<>();
        List<ConsolidationPrompts.PartReview> partReviews = new ArrayList<>();
        List<FilePart> recorded = new ArrayList<>();
        int queryPassages = 0;
        int masked = 0;
        for (int i = 0; i < parts.size(); i++) {
            SourceSplitter.Part part = parts.get(i);
            String partTag = tag + " part " + (i + 1) + "/" + parts.size();
            Retrieval r = retriever.retrieve(part.text());
            queryPassages += r.queryPassages();
            r.prd().forEach(c -> prd.merge(c.chunk().label(), c, FileReviewer::better));
            r.proposal().forEach(c -> proposal.merge(c.chunk().label(), c, FileReviewer::better));
            ReviewPrompts prompts = new ReviewPrompts(path, part.text(), r.prd(), r.proposal(),
                    new ReviewPrompts.FilePart(i + 1, parts.size(), part.firstLine(), total));
            LadderOutcome outcome = ladder.climb(prompts, rubric, new LoggingListener(partTag));
            masked += prompts.secretsMasked();
            Attempt accepted = outcome.accepted();
            recorded.add(new FilePart(i + 1, part.firstLine(), part.lastLine(), part.text().length(),
                    accepted == null ? null : accepted.n(), accepted == null ? "" : accepted.rungId(),
                    outcome.callsMade()));
            if (accepted == null) {
                progress.warn(partTag + ": no rung's answer was accepted; the file stays unresolved");
                return new Reviewed(new LadderOutcome(outcome.attempts(), null, null, "", null), best(prd),
                        best(proposal), queryPassages, recorded, masked);
            }
            partReviews.add(new ConsolidationPrompts.PartReview(part.firstLine(), part.lastLine(), outcome.markdown()));
        }
        List<ScoredChunk> prdSent = best(prd);
        List<ScoredChunk> proposalSent = best(proposal);
        LadderOutcome merged = consolidate(path, tag, total, partReviews, prdSent, proposalSent, rubric);
        return new Reviewed(merged, prdSent, proposalSent, queryPassages, recorded, masked);
    }

    /**
     * Merges the parts' reviews into one. When their prompt is itself too large, halves are merged first and
     * the two halves' reviews merged last.
     */
    private LadderOutcome consolidate(String path, String tag, int total, List<ConsolidationPrompts.PartReview> reviews,
            List<ScoredChunk> prd, List<ScoredChunk> proposal, AnswerCheck rubric) {
        ConsolidationPrompts prompts = new ConsolidationPrompts(path, total, reviews, prd, proposal);
        AnswerFormat format = request.ladder().get(0).format();
        if (reviews.size() <= 2 || fits(prompts.system(format), prompts.user(format, List.of()))) {
            return ladder.climb(prompts, rubric, new LoggingListener(tag + " consolidation"));
        }
        int half = reviews.size() / 2;
        List<ConsolidationPrompts.PartReview> merged = new ArrayList<>();
        for (List<ConsolidationPrompts.PartReview> group : List.of(reviews.subList(0, half),
                reviews.subList(half, reviews.size()))) {
            LadderOutcome outcome = consolidate(path, tag, total, group, prd, proposal, rubric);
            if (!outcome.resolved()) {
                return outcome;
            }
            merged.add(new ConsolidationPrompts.PartReview(group.get(0).firstLine(),
                    group.get(group.size() - 1).lastLine(), outcome.markdown()));
        }
        return consolidate(path, tag, total, merged, prd, proposal, rubric);
    }

    private static ScoredChunk better(ScoredChunk a, ScoredChunk b) {
        return a.score() >= b.score() ? a : b;
    }

    /** The best passages the parts were given, at most three times topK of a document. */
    private List<ScoredChunk> best(Map<String, ScoredChunk> passages) {
        return passages.values().stream()
                .sorted(Comparator.comparingDouble(ScoredChunk::score).reversed())
                .limit(3L * request.topK())
                .toList();
    }

    private FileReview finish(String path, String tag, SourceFile source, Reviewed reviewed, int promptChars,
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
                .input(new FileInput(reviewed.prd(), reviewed.proposal(), promptChars, reviewed.queryPassages(),
                        reviewed.secretsMasked(), source.malformedUtf8()))
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

    /** Logs each attempt of a file (or a part of it) as it happens. */
    private final class LoggingListener implements AttemptListener {
        private final String tag;

        LoggingListener(String tag) {
            this.tag = tag;
        }

        @Override
        public void starting(int n, int total, Rung rung) {
            progress.info(tag + " attempt " + n + "/" + total + " " + rung.id());
        }

        @Override
        public void finished(Attempt a, int total) {
            progress.info(String.format(Locale.ROOT, "%s attempt %d/%d %s: %s, %d chars, %.1f s%s", tag, a.n(), total,
                    a.rungId(), a.status().id(), a.chars(), a.durationMs() / 1000.0,
                    a.error() == null ? "" : " (" + a.error() + ")"));
        }
    }
}
