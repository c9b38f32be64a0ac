package dev.scrum.review;

import dev.scrum.report.FileReview;
import dev.scrum.report.JsonReportWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The files of a run, reviewed {@code threads} at once by daemon threads that end with the run. */
final class ReviewPool {

    private final ReviewRequest request;
    private final Progress progress;

    ReviewPool(ReviewRequest request, Progress progress) {
        this.request = request;
        this.progress = progress;
    }

    /**
     * Reviews {@code files}, {@code threads} at once, in their order; each review is marked against the baseline
     * and its JSON written the moment it is decided, so that a killed run resumes from what it had decided.
     */
    List<FileReview> reviewAll(List<String> files, FileReviewer reviewer) throws IOException {
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

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "scrum-review-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
