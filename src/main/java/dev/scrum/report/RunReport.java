package dev.scrum.report;

import dev.scrum.ladder.ServerLoad;
import java.time.Instant;
import java.util.List;

/**
 * A whole run, as the report writers see it.
 *
 * @param ranAt when the run started
 * @param dryRun whether no chat model was called
 * @param reviews every reviewed file, in selection order
 * @param skipped selected files that were not reviewed
 * @param ladder the rungs, as {@code provider/model}
 * @param embedder the embedder's name; {@code ""} when none was loaded (lexical retrieval)
 * @param documents the PRD and, when given, the proposal
 * @param totalDurationMs wall time of the run (for a merge of shards: the shards' times added)
 * @param shard {@code i/n} when the run reviewed one shard of the selection, else {@code null}
 * @param retrieval how passages were ranked ({@code lexical}, {@code dense}, {@code hybrid}), or {@code null} when
 *     not recorded (a report written before it was)
 * @param documentInjections prompt injections in the PRD and the proposal, at their documents' paths and lines
 * @param servers how each server of the ladder was loaded (its concurrency limit, the peak in flight), in
 *     ladder order; empty in a dry run
 * @param gate what the gate decided for the run, which every report opens with; {@code null} when the gate is
 *     decided elsewhere (a module's review in a reactor that {@code scrum:aggregate} decides for) or not known
 */
public record RunReport(
        Instant ranAt,
        boolean dryRun,
        List<FileReview> reviews,
        List<SkippedFile> skipped,
        List<String> ladder,
        String embedder,
        List<DocumentInfo> documents,
        long totalDurationMs,
        String shard,
        String retrieval,
        List<Injection> documentInjections,
        List<ServerLoad> servers,
        GateDecision gate) {

    public RunReport {
        servers = servers == null ? List.of() : List.copyOf(servers);
        documentInjections = documentInjections == null ? List.of() : List.copyOf(documentInjections);
        reviews = List.copyOf(reviews);
        skipped = List.copyOf(skipped);
        ladder = List.copyOf(ladder);
        documents = List.copyOf(documents);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().ranAt(ranAt).dryRun(dryRun).reviews(reviews).skipped(skipped).ladder(ladder)
                .embedder(embedder).documents(documents).totalDurationMs(totalDurationMs).shard(shard)
                .retrieval(retrieval).documentInjections(documentInjections).servers(servers).gate(gate);
    }

    /**
     * Every prompt injection of the run, each once: the documents' and each file's own, in that order. (A
     * review's input also lists the documents' injections in the passages it was sent.)
     */
    public List<Injection> injections() {
        List<Injection> all = new java.util.ArrayList<>(documentInjections);
        reviews.forEach(r -> r.input().injections().stream().filter(i -> i.path().equals(r.file())).forEach(all::add));
        return all;
    }

    /** Injections no baseline accepted: each fails the gate when {@code failOnInjection}. */
    public List<Injection> newInjections() {
        return injections().stream().filter(i -> !i.known()).toList();
    }

    public int resolvedCount() {
        return (int) reviews.stream().filter(FileReview::resolved).count();
    }

    public List<FileReview> unresolved() {
        return dryRun ? List.of() : reviews.stream().filter(r -> !r.resolved()).toList();
    }

    /** Model calls this run made (cached reviews made none). */
    public int callsThisRun() {
        return reviews.stream().filter(r -> !r.provenance().cached()).mapToInt(FileReview::attemptsMade).sum();
    }

    /** Files whose alignment score is below {@code minScore} (none when it is 0, none in a dry run), in order. */
    public List<FileReview> belowScore(int minScore) {
        if (dryRun || minScore <= 0) {
            return List.of();
        }
        return reviews.stream().filter(r -> r.outcome().score() != null && r.outcome().score() < minScore).toList();
    }

    public int totalAttempts() {
        return reviews.stream().mapToInt(FileReview::attemptsMade).sum();
    }

    /** Builds a {@link RunReport}; unset lists are empty, the embedder {@code ""}. */
    public static final class Builder {
        private Instant ranAt;
        private boolean dryRun;
        private List<FileReview> reviews = List.of();
        private List<SkippedFile> skipped = List.of();
        private List<String> ladder = List.of();
        private String embedder = "";
        private List<DocumentInfo> documents = List.of();
        private long totalDurationMs;
        private String shard;
        private String retrieval;
        private List<Injection> documentInjections = List.of();
        private List<ServerLoad> servers = List.of();
        private GateDecision gate;

        private Builder() {}

        /** What the gate decided for the run, for the top of every report; {@code null}: decided elsewhere. */
        public Builder gate(GateDecision value) {
            gate = value;
            return this;
        }

        /** How each server of the ladder was loaded: its concurrency limit and the calls in flight to it. */
        public Builder servers(List<ServerLoad> value) {
            servers = value;
            return this;
        }

        public Builder ranAt(Instant value) {
            ranAt = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        public Builder reviews(List<FileReview> value) {
            reviews = value;
            return this;
        }

        public Builder skipped(List<SkippedFile> value) {
            skipped = value;
            return this;
        }

        public Builder ladder(List<String> value) {
            ladder = value;
            return this;
        }

        public Builder embedder(String value) {
            embedder = value;
            return this;
        }

        public Builder documents(List<DocumentInfo> value) {
            documents = value;
            return this;
        }

        public Builder totalDurationMs(long value) {
            totalDurationMs = value;
            return this;
        }

        public Builder shard(String value) {
            shard = value;
            return this;
        }

        public Builder retrieval(String value) {
            retrieval = value;
            return this;
        }

        public Builder documentInjections(List<Injection> value) {
            documentInjections = value;
            return this;
        }

        public RunReport build() {
            return new RunReport(ranAt, dryRun, reviews, skipped, ladder, embedder, documents, totalDurationMs, shard,
                    retrieval, documentInjections, servers, gate);
        }
    }
}
