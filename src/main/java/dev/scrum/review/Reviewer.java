package dev.scrum.review;

import dev.scrum.cache.ReviewCache;
import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.Chunker;
import dev.scrum.chunk.Document;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.chunk.SectionChunker;
import dev.scrum.embed.CachingEmbedder;
import dev.scrum.embed.Embedder;
import dev.scrum.ladder.Ladder;
import dev.scrum.ladder.Rung;
import dev.scrum.report.DocumentInfo;
import dev.scrum.report.FileReview;
import dev.scrum.report.JsonReportWriter;
import dev.scrum.report.ReportDocuments;
import dev.scrum.report.ReportContext;
import dev.scrum.report.ReportFormats;
import dev.scrum.report.RunReport;
import dev.scrum.report.SkippedFile;
import dev.scrum.retrieve.Ranker;
import dev.scrum.retrieve.Retriever;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

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
     * Runs the review and writes the report and JSON, always, before returning.
     *
     * @throws ConfigurationException when a document is missing, empty or unreadable, or no rung is usable
     * @throws IOException when the report cannot be written
     */
    public ReviewResult run(ReviewRequest request) throws IOException {
        Instant ranAt = clock.instant();
        long start = System.nanoTime();
        Document prd = readDocument(DocumentKind.PRD, request.prd(), "prdPath");
        Document proposal = request.proposal() == null
                ? null
                : readDocument(DocumentKind.PROPOSAL, request.proposal(), "proposalPath");
        if (!request.dryRun() && request.ladder().stream().noneMatch(Rung::usable)) {
            throw new ConfigurationException("ladder", "no rung of the ladder can be called: "
                    + String.join("; ", request.ladder().stream().map(r -> r.id() + " (" + r.skipReason() + ")").toList())
                    + ". Configure an API key (serverId or apiKeyEnv) or add a local rung.");
        }

        List<String> reviewable = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (String f : request.files()) {
            String why = SourceFile.unreviewable(request.baseDir().resolve(f), request.maxFileBytes());
            if (why == null) {
                reviewable.add(f);
            } else {
                skipped.add(new SkippedFile(f, why));
                progress.warn("Skipping " + f + ": " + why);
            }
        }

        Chunker chunker = new SectionChunker(request.chunkSize(), request.chunkOverlap());
        List<Chunk> prdChunks = chunker.chunk(prd);
        List<Chunk> proposalChunks = proposal == null ? List.of() : chunker.chunk(proposal);
        List<DocumentInfo> documents = new ArrayList<>();
        documents.add(info("PRD", request.prd(), prd, prdChunks));
        if (proposal != null) {
            documents.add(info("PROPOSAL", request.proposal(), proposal, proposalChunks));
        }
        Ranker ranker = request.ranker();
        Embedder embedder = ranker.usesEmbeddings() ? services.embedder(request.embedding()) : null;
        CachingEmbedder cachedVectors = null;
        if (embedder != null && request.cacheDirectory() != null && request.reuseCached()) {
            cachedVectors = new CachingEmbedder(embedder, request.cacheDirectory().resolve("embeddings"), progress::warn);
            embedder = cachedVectors;
        }
        List<FileReview> reviews;
        try {
            if (reviewable.isEmpty() && request.unchangedFiles().isEmpty()) {
                progress.warn("No file selected for review: check includes, excludes and files.");
                reviews = List.of();
            } else {
                long t = System.nanoTime();
                Retriever retriever = Retriever.build(ranker, embedder, prdChunks, proposal == null ? null : proposalChunks,
                        request.topK());
                progress.info(String.format(Locale.ROOT, "Indexed %d PRD and %d proposal passages for %s retrieval%s in %.1f s%s",
                        prdChunks.size(), proposalChunks.size(), ranker.id(),
                        embedder == null ? " (BM25, no embedding model)" : " with " + embedder.name(), seconds(t),
                        cachedVectors == null ? "" : " (" + cachedVectors.hits() + " vectors from the cache)"));
                Ladder ladder = request.dryRun() ? null : new Ladder(request.ladder(), services::chatClient);
                ReviewCache cache = request.cacheDirectory() == null || request.dryRun()
                        ? null
                        : new ReviewCache(request.cacheDirectory().resolve("reviews"), progress::warn);
                FileReviewer reviewer = new FileReviewer(request, retriever, ladder, new FileChecks(request.minAnswerChars(),
                        request.requireScore(), Stream.of(prd, proposal).filter(d -> d != null).toList()), cache, progress,
                        clock);
                reviews = new ArrayList<>(reviewAll(request, reviewable, reviewer));
                reviews.addAll(unchangedFromCache(request, reviewer));
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
                .documents(documents)
                .totalDurationMs((System.nanoTime() - start) / 1_000_000)
                .shard(request.shard() == null ? null : request.shard().toString())
                .retrieval(ranker.id())
                .build();
        ReportContext context = new ReportContext(request.layout(),
                ReportDocuments.of(prd.text(), proposal == null ? null : proposal.text()), request.baseDir(),
                request.stepSummary());
        return new ReviewResult(run, request.layout(), ReportFormats.writeAll(run, context));
    }

    /** The cached reviews of files {@code changedSince} left out, where their inputs are unchanged. */
    private List<FileReview> unchangedFromCache(ReviewRequest request, FileReviewer reviewer) throws IOException {
        JsonReportWriter json = new JsonReportWriter(request.layout().jsonDirectory());
        List<FileReview> out = new ArrayList<>();
        for (String f : request.unchangedFiles()) {
            if (SourceFile.unreviewable(request.baseDir().resolve(f), request.maxFileBytes()) != null) {
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

    private List<FileReview> reviewAll(ReviewRequest request, List<String> files, FileReviewer reviewer)
            throws IOException {
        JsonReportWriter json = new JsonReportWriter(request.layout().jsonDirectory());
        int total = files.size();
        if (total == 0) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(request.threads(), total)),
                daemonThreads());
        try {
            List<Future<FileReview>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                String file = files.get(i);
                String tag = "[" + (i + 1) + "/" + total + "] " + file;
                futures.add(pool.submit(() -> {
                    FileReview review = request.baseline().mark(reviewer.review(file, tag));
                    json.writeReview(review);
                    return review;
                }));
            }
            List<FileReview> reviews = new ArrayList<>();
            for (Future<FileReview> f : futures) {
                reviews.add(await(f));
            }
            return reviews;
        } finally {
            pool.shutdownNow();
            awaitTermination(pool);
        }
    }

    /** Waits for the review threads to end, so that none outlives the run (they are daemons if one does). */
    private void awaitTermination(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                progress.warn("Review threads still running 30 s after the run ended; they end at their calls' "
                        + "timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static FileReview await(Future<FileReview> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reviewing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    private static Document readDocument(DocumentKind kind, Path path, String parameter) {
        if (Files.isDirectory(path)) {
            throw new ConfigurationException(parameter, "The " + describe(kind) + " " + path + " is a directory, "
                    + "not a file. Set <" + parameter + "> (or -Dscrum." + parameter + ") to the file.");
        }
        if (!Files.isRegularFile(path)) {
            throw new ConfigurationException(parameter, "The " + describe(kind) + " " + path
                    + " does not exist. Set <" + parameter + "> (or -Dscrum." + parameter + ") to the file.");
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            try {
                text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            } catch (IOException again) {
                throw new ConfigurationException(parameter, "The " + describe(kind) + " " + path
                        + " cannot be read (" + again.getMessage() + "). Check <" + parameter + "> and the file's permissions.");
            }
        }
        if (text.isBlank()) {
            throw new ConfigurationException(parameter, "The " + describe(kind) + " " + path
                    + " is empty. Point <" + parameter + "> at a document with content.");
        }
        return new Document(kind, path, text);
    }

    private static String describe(DocumentKind kind) {
        return kind == DocumentKind.PRD ? "PRD" : "proposal";
    }

    private static DocumentInfo info(String label, Path path, Document doc, List<Chunk> chunks) {
        return new DocumentInfo(label, path.toString().replace('\\', '/'), doc.text().length(), chunks.size());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "scrum-review-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
