package dev.scrum.review;

import dev.scrum.ladder.Rung;
import dev.scrum.provider.EmbeddingSettings;
import dev.scrum.report.Baseline;
import dev.scrum.retrieve.Ranker;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a run needs, resolved: no Maven types, no defaults left to apply.
 *
 * @param baseDir the project's base directory; file paths are relative to it
 * @param files the selected files, relative to {@code baseDir}, with {@code /}
 * @param prd the PRD
 * @param proposal the change proposal, or {@code null}
 * @param ladder the rungs, in order
 * @param embedding the embedder
 * @param chunkSize characters of a document passage
 * @param chunkOverlap characters shared by neighbouring passages
 * @param topK passages retrieved from each document per file
 * @param minAnswerChars shorter answers are thin
 * @param threads files reviewed at once
 * @param outputDirectory where {@code scrum-report.md} and {@code scrum/} go
 * @param dryRun retrieve and report what would be sent; call no chat model
 * @param maxFileBytes larger files are skipped and listed
 * @param cacheDirectory where accepted reviews are kept between runs, or {@code null} for no cache
 * @param reuseCached whether cached reviews are reused ({@code false}: every file reviewed afresh, the cache only
 *     written)
 * @param unchangedFiles files left out of review ({@code changedSince}) whose cached review, when there is one,
 *     still belongs in the report
 * @param shard the slice of the selection {@code files} is, for {@code summary.json}; {@code null} when unsharded
 * @param requireScore an answer with no alignment score is not accepted
 * @param baseline accepted findings, marked {@code known} in the reports; {@link Baseline#NONE} for none
 * @param retrieval how passages are ranked ({@code lexical}: no embedder is loaded)
 */
public record ReviewRequest(
        Path baseDir,
        List<String> files,
        Path prd,
        Path proposal,
        List<Rung> ladder,
        EmbeddingSettings embedding,
        int chunkSize,
        int chunkOverlap,
        int topK,
        int minAnswerChars,
        int threads,
        Path outputDirectory,
        boolean dryRun,
        long maxFileBytes,
        Path cacheDirectory,
        boolean reuseCached,
        List<String> unchangedFiles,
        Shard shard,
        boolean requireScore,
        Baseline baseline,
        Ranker retrieval) {

    public ReviewRequest {
        Objects.requireNonNull(baseDir, "baseDir");
        retrieval = retrieval == null ? Ranker.DEFAULT : retrieval;
        Objects.requireNonNull(prd, "prd");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        files = List.copyOf(files);
        ladder = List.copyOf(ladder);
        unchangedFiles = unchangedFiles == null ? List.of() : List.copyOf(unchangedFiles);
        baseline = baseline == null ? Baseline.NONE : baseline;
    }

    /** A request with no baseline. */
    public ReviewRequest(Path baseDir, List<String> files, Path prd, Path proposal, List<Rung> ladder,
            EmbeddingSettings embedding, int chunkSize, int chunkOverlap, int topK, int minAnswerChars, int threads,
            Path outputDirectory, boolean dryRun, long maxFileBytes, Path cacheDirectory, boolean reuseCached,
            List<String> unchangedFiles, Shard shard, boolean requireScore) {
        this(baseDir, files, prd, proposal, ladder, embedding, chunkSize, chunkOverlap, topK, minAnswerChars, threads,
                outputDirectory, dryRun, maxFileBytes, cacheDirectory, reuseCached, unchangedFiles, shard, requireScore,
                Baseline.NONE);
    }

    /** A request ranking passages the default way. */
    public ReviewRequest(Path baseDir, List<String> files, Path prd, Path proposal, List<Rung> ladder,
            EmbeddingSettings embedding, int chunkSize, int chunkOverlap, int topK, int minAnswerChars, int threads,
            Path outputDirectory, boolean dryRun, long maxFileBytes, Path cacheDirectory, boolean reuseCached,
            List<String> unchangedFiles, Shard shard, boolean requireScore, Baseline baseline) {
        this(baseDir, files, prd, proposal, ladder, embedding, chunkSize, chunkOverlap, topK, minAnswerChars, threads,
                outputDirectory, dryRun, maxFileBytes, cacheDirectory, reuseCached, unchangedFiles, shard, requireScore,
                baseline, null);
    }


    /** This request with another retrieval. */
    public ReviewRequest withRetrieval(Ranker ranker) {
        return new ReviewRequest(baseDir, files, prd, proposal, ladder, embedding, chunkSize, chunkOverlap, topK,
                minAnswerChars, threads, outputDirectory, dryRun, maxFileBytes, cacheDirectory, reuseCached,
                unchangedFiles, shard, requireScore, baseline, ranker);
    }

    /** An unsharded request. */
    public ReviewRequest(Path baseDir, List<String> files, Path prd, Path proposal, List<Rung> ladder,
            EmbeddingSettings embedding, int chunkSize, int chunkOverlap, int topK, int minAnswerChars, int threads,
            Path outputDirectory, boolean dryRun, long maxFileBytes, Path cacheDirectory, boolean reuseCached,
            List<String> unchangedFiles) {
        this(baseDir, files, prd, proposal, ladder, embedding, chunkSize, chunkOverlap, topK, minAnswerChars, threads,
                outputDirectory, dryRun, maxFileBytes, cacheDirectory, reuseCached, unchangedFiles, null, false);
    }

    /** A request that reviews every selected file. */
    public ReviewRequest(Path baseDir, List<String> files, Path prd, Path proposal, List<Rung> ladder,
            EmbeddingSettings embedding, int chunkSize, int chunkOverlap, int topK, int minAnswerChars, int threads,
            Path outputDirectory, boolean dryRun, long maxFileBytes, Path cacheDirectory, boolean reuseCached) {
        this(baseDir, files, prd, proposal, ladder, embedding, chunkSize, chunkOverlap, topK, minAnswerChars, threads,
                outputDirectory, dryRun, maxFileBytes, cacheDirectory, reuseCached, List.of());
    }

    /** A request with no review cache. */
    public ReviewRequest(Path baseDir, List<String> files, Path prd, Path proposal, List<Rung> ladder,
            EmbeddingSettings embedding, int chunkSize, int chunkOverlap, int topK, int minAnswerChars, int threads,
            Path outputDirectory, boolean dryRun, long maxFileBytes) {
        this(baseDir, files, prd, proposal, ladder, embedding, chunkSize, chunkOverlap, topK, minAnswerChars, threads,
                outputDirectory, dryRun, maxFileBytes, null, false);
    }

    /** The rubric's settings, as they decide whether an answer is accepted (part of a cached review's key). */
    public String rubricFingerprint() {
        return "minAnswerChars=" + minAnswerChars + ";requireScore=" + requireScore + ";grounding=1";
    }

    /** {@code target/scrum-report.md}. */
    public Path reportFile() {
        return outputDirectory.resolve("scrum-report.md");
    }

    /** {@code target/scrum/}. */
    public Path jsonDirectory() {
        return outputDirectory.resolve("scrum");
    }
}
