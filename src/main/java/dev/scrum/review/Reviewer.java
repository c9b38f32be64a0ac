package dev.scrum.review;

import dev.scrum.boundary.ProjectBoundary;
import dev.scrum.cache.CacheKey;
import dev.scrum.cache.ReviewCache;
import dev.scrum.embed.CachingEmbedder;
import dev.scrum.embed.Embedder;
import dev.scrum.ladder.Ladder;
import dev.scrum.ladder.Rung;
import dev.scrum.report.FileReview;
import dev.scrum.report.Injection;
import dev.scrum.report.JsonReportWriter;
import dev.scrum.report.ReportContext;
import dev.scrum.report.ReportFormats;
import dev.scrum.report.RunReport;
import dev.scrum.report.SkippedFile;
import dev.scrum.retrieve.Ranker;
import dev.scrum.retrieve.Retriever;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs a review: reads and chunks the documents, embeds them, retrieves each file's passages, climbs the
 * ladder for each file ({@code threads} at once), writes each file's JSON the moment it is decided, then
 * the summary and the report. Knows nothing of Maven.
 */
public final class Reviewer {

    private final ModelServices services;
    private final Progress progress;
    private final Clock clock;

    public Reviewer(ModelServices services, Progress progress) {
        this(services, progress, Clock.systemUTC());
    }

    Reviewer(ModelServices services, Progress progress, Clock clock) {
        this.services = services;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Runs the review and writes every report, always, before returning: the documents are read and cut into
     * passages, the retriever indexes them, the review pool reviews the files, and the reports are written.
     *
     * @throws ConfigurationException when a document is missing, empty or unreadable, or no rung is usable
     * @throws IOException when a report cannot be written
     */
    public ReviewResult run(ReviewRequest request) throws IOException {
        Instant ranAt = clock.instant();
        long start = System.nanoTime();
        ReviewDocuments documents = ReviewDocuments.read(request);
        requireUsableRung(request);
        List<Injection> documentInjections = documents.injections(request.baseDir());
        documentInjections.forEach(i -> progress.warn("Prompt injection in a document at " + InjectionScan.describe(i)
                + "; the reviews sent that passage are untrusted"));
        List<SkippedFile> skipped = new ArrayList<>();
        List<String> reviewable = reviewable(request, skipped);
        Ranker ranker = request.ranker();
        Embedder embedder = ranker.usesEmbeddings() ? services.embedder(request.embedding()) : null;
        boolean anything = !reviewable.isEmpty() || !request.unchangedFiles().isEmpty();
        boolean vectorCache = embedder != null && request.reuseCached();
        CacheKey cacheKey = anything && (!request.dryRun() || vectorCache) ? cacheKey(request) : null;
        CachingEmbedder cachedVectors = vectorCache && cacheKey != null
                ? new CachingEmbedder(embedder, request.cacheDirectory().resolve(CachingEmbedder.AREA), cacheKey,
                        progress::warn)
                : null;
        List<FileReview> reviews;
        Ladder ladder = request.dryRun() ? null : new Ladder(request.ladder(), services::chatClient, request.threads(),
                new LimitLog(progress));
        try {
            if (!anything) {
                progress.warn(request.files().isEmpty()
                        ? "No file selected for review: check includes, excludes and files."
                        : SkippedFile.noneReviewable(skipped) + ". Nothing is reviewed; list a file in <excludes> "
                                + "to leave it out on purpose.");
                reviews = List.of();
            } else {
                Retriever retriever = index(request, documents, cachedVectors == null ? embedder : cachedVectors,
                        cachedVectors);
                reviews = review(request, documents, new PromptInjections(documents, documentInjections,
                        request.baseDir()), retriever, ladder, reviewable, cacheKey);
            }
        } finally {
            if (cachedVectors != null) {
                cachedVectors.close();
            }
        }
        RunReport run = RunReport.builder()
                .ranAt(ranAt)
                .dryRun(request.dryRun())
                .reviews(reviews)
                .skipped(skipped)
                .ladder(request.ladder().stream().map(Rung::id).toList())
                .embedder(embedder == null ? "" : embedder.name())
                .documents(documents.infos())
                .totalDurationMs((System.nanoTime() - start) / 1_000_000)
                .shard(request.shard() == null ? null : request.shard().toString())
                .retrieval(ranker.id())
                .documentInjections(request.baseline().mark(documentInjections))
                .servers(ladder == null ? List.of() : ladder.loads())
                .build();
        if (request.gate() != null) {
            run = run.toBuilder().gate(request.gate().decide(run)).build();
        }
        ReportContext context = new ReportContext(request.layout(), documents.texts(), request.baseDir(),
                request.stepSummary());
        return new ReviewResult(run, request.layout(), ReportFormats.writeAll(run, context));
    }

    /**
     * The key the caches' entries (reviews and vectors) are sealed with, or {@code null} when no cache is used
     * this run: none configured, or a key that cannot be read or made (one warning naming where it came from and
     * {@code cacheKeyFile}; the cache is never why a build fails). Read only when there is a file to review and a
     * cache to use (a dry run uses only the vectors'), so that a run with nothing to do makes no key file.
     */
    private CacheKey cacheKey(ReviewRequest request) {
        if (request.cacheDirectory() == null) {
            return null;
        }
        try {
            return request.cacheKey().load();
        } catch (IOException | RuntimeException e) {
            progress.warn("The cache is off for this run: no key from " + request.cacheKey() + " ("
                    + e.getMessage() + "). Set " + CacheKey.VARIABLE + " or point cacheKeyFile at a file this "
                    + "build can read and write.");
            return null;
        }
    }

    private static void requireUsableRung(ReviewRequest request) {
        if (!request.dryRun() && request.ladder().stream().noneMatch(Rung::usable)) {
            throw new ConfigurationException("ladder", "no rung of the ladder can be called: "
                    + String.join("; ", request.ladder().stream().map(r -> r.id() + " (" + r.skipReason() + ")").toList())
                    + ". " + noRungAdvice(request.ladder()));
        }
    }

    /** What to do when no rung can be called: offline, a key configures nothing. */
    static String noRungAdvice(List<Rung> ladder) {
        if (ladder.stream().anyMatch(Rung::skippedOffline)) {
            return "The remote rungs were skipped because Maven runs offline (-o): run without -o, configure a "
                    + "local rung (Ollama on localhost: <provider>ollama</provider> with no <baseUrl>), or run with "
                    + "-Dscrum.dryRun.";
        }
        return "Configure an API key (serverId or apiKeyEnv) or add a local rung.";
    }

    /** The selected files that can be reviewed; the others are added to {@code skipped}, each with its reason. */
    private List<String> reviewable(ReviewRequest request, List<SkippedFile> skipped) {
        List<String> reviewable = new ArrayList<>();
        ProjectBoundary boundary = request.boundary();
        for (String f : request.files()) {
            String why = SourceFile.unreviewable(boundary, request.baseDir().resolve(f), request.maxFileBytes());
            if (why == null) {
                reviewable.add(f);
            } else {
                skipped.add(new SkippedFile(f, why));
                progress.warn("Skipping " + f + ": " + why);
            }
        }
        return reviewable;
    }

    /** Indexes the documents' passages for the request's ranker, logging how. */
    private Retriever index(ReviewRequest request, ReviewDocuments documents, Embedder embedder,
            CachingEmbedder cachedVectors) {
        long t = System.nanoTime();
        Ranker ranker = request.ranker();
        Retriever retriever = Retriever.build(ranker, embedder, documents.prdChunks(),
                documents.proposal() == null ? null : documents.proposalChunks(), request.topK());
        progress.info(String.format(Locale.ROOT,
                "Indexed %d PRD and %d proposal passages for %s retrieval%s in %.1f s%s",
                documents.prdChunks().size(), documents.proposalChunks().size(), ranker.id(),
                embedder == null ? " (BM25, no embedding model)" : " with " + embedder.name(), seconds(t),
                cachedVectors == null ? "" : " (" + cachedVectors.hits() + " vectors from the cache)"));
        return retriever;
    }

    /** Reviews the files in the pool, then adds the cached reviews of the files {@code changedSince} left out. */
    private List<FileReview> review(ReviewRequest request, ReviewDocuments documents, PromptInjections injections,
            Retriever retriever, Ladder ladder, List<String> files, CacheKey cacheKey) throws IOException {
        ReviewCache cache = cacheKey == null || request.dryRun()
                ? null
                : new ReviewCache(request.cacheDirectory().resolve(ReviewCache.AREA), cacheKey, progress::warn);
        FileChecks checks = new FileChecks(request.minAnswerChars(), request.requireScore(), documents.all());
        FileReviewer reviewer = new FileReviewer(request, retriever, ladder, checks, cache, injections, progress,
                clock);
        List<FileReview> reviews = new ArrayList<>(new ReviewPool(request, progress).reviewAll(files, reviewer));
        reviews.addAll(unchangedFromCache(request, reviewer));
        return reviews;
    }

    /** The cached reviews of files {@code changedSince} left out, where their inputs are unchanged. */
    private List<FileReview> unchangedFromCache(ReviewRequest request, FileReviewer reviewer) throws IOException {
        JsonReportWriter json = new JsonReportWriter(request.layout().jsonDirectory());
        List<FileReview> out = new ArrayList<>();
        ProjectBoundary boundary = request.boundary();
        for (String f : request.unchangedFiles()) {
            if (SourceFile.unreviewable(boundary, request.baseDir().resolve(f), request.maxFileBytes()) != null) {
                continue;
            }
            Optional<FileReview> hit = reviewer.cachedOnly(f).map(request.baseline()::mark);
            if (hit.isPresent()) {
                json.writeReview(hit.get());
                out.add(hit.get());
            }
        }
        if (!request.unchangedFiles().isEmpty()) {
            progress.info("Unchanged files: " + out.size() + " of " + request.unchangedFiles().size()
                    + " have a cached review, kept in the report");
        }
        return out;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
