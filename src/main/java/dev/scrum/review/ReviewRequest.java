package dev.scrum.review;

import dev.scrum.boundary.ProjectBoundary;
import dev.scrum.cache.CacheKeySource;
import dev.scrum.gate.GatePolicy;
import dev.scrum.git.Change;
import dev.scrum.ladder.Rung;
import dev.scrum.provider.EmbeddingSettings;
import dev.scrum.report.Baseline;
import dev.scrum.report.ReportLayout;
import dev.scrum.retrieve.Ranker;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a run needs, resolved: no Maven types, no defaults left to apply. Built with {@link #builder()},
 * whose defaults are SPEC.md's.
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
 * @param cacheKey where the key the review cache's entries are sealed with comes from; {@code null} with a
 *     {@code cacheDirectory} is the key file {@code <cacheDirectory>-key} beside it
 * @param reuseCached whether cached reviews are reused ({@code false}: every file reviewed afresh, the cache only
 *     written)
 * @param unchangedFiles files left out of review ({@code changedSince}) whose cached review, when there is one,
 *     still belongs in the report
 * @param shard the slice of the selection {@code files} is, for {@code summary.json}; {@code null} when unsharded
 * @param requireScore an answer with no alignment score is not accepted
 * @param baseline accepted findings, marked {@code known} in the reports; {@link Baseline#NONE} for none
 * @param ranker how passages are ranked ({@code lexical}: no embedder is loaded)
 * @param gate the gate the run is decided by, which the reports open with; {@code null} when it is decided
 *     elsewhere (by {@code scrum:aggregate} for a reactor)
 * @param stepSummary the file a CI step's markdown summary is appended to ({@code $GITHUB_STEP_SUMMARY}), or
 *     {@code null}
 * @param change the lines each file's change added or rewrote against its base ({@code changedSince}), marked in
 *     the prompts and recorded per finding; {@link Change#NONE} when no base is known
 * @param buildDirectory the project's build directory, whose files are never read as sources; default
 *     {@code baseDir/target}
 * @param encoding how the reviewed files are decoded (the PRD and proposal are always UTF-8)
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
        CacheKeySource cacheKey,
        boolean reuseCached,
        List<String> unchangedFiles,
        Shard shard,
        boolean requireScore,
        Baseline baseline,
        Ranker ranker,
        Path stepSummary,
        GatePolicy gate,
        Change change,
        Path buildDirectory,
        Charset encoding) {

    public ReviewRequest {
        Objects.requireNonNull(baseDir, "baseDir");
        ranker = ranker == null ? Ranker.DEFAULT : ranker;
        Objects.requireNonNull(prd, "prd");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        files = List.copyOf(files);
        ladder = List.copyOf(ladder);
        unchangedFiles = unchangedFiles == null ? List.of() : List.copyOf(unchangedFiles);
        baseline = baseline == null ? Baseline.NONE : baseline;
        change = change == null ? Change.NONE : change;
        if (cacheKey == null && cacheDirectory != null) {
            cacheKey = CacheKeySource.ofFile(cacheDirectory.resolveSibling(cacheDirectory.getFileName() + "-key"));
        }
        buildDirectory = buildDirectory == null ? baseDir.resolve("target") : buildDirectory;
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().baseDir(baseDir).files(files).prd(prd).proposal(proposal).ladder(ladder)
                .embedding(embedding).chunkSize(chunkSize).chunkOverlap(chunkOverlap).topK(topK)
                .minAnswerChars(minAnswerChars).threads(threads).outputDirectory(outputDirectory).dryRun(dryRun)
                .maxFileBytes(maxFileBytes).cacheDirectory(cacheDirectory).cacheKey(cacheKey)
                .reuseCached(reuseCached)
                .unchangedFiles(unchangedFiles).shard(shard).requireScore(requireScore).baseline(baseline)
                .ranker(ranker).stepSummary(stepSummary).gate(gate).change(change).buildDirectory(buildDirectory)
                .encoding(encoding);
    }

    /** What of the project may be read as a source: nothing a link leads to outside it or into the build directory. */
    public ProjectBoundary boundary() {
        return new ProjectBoundary(baseDir, buildDirectory);
    }

    /** The rubric's settings, as they decide whether an answer is accepted (part of a cached review's key). */
    public String rubricFingerprint() {
        return "minAnswerChars=" + minAnswerChars + ";requireScore=" + requireScore + ";grounding=1";
    }

    /** Where the run's reports go. */
    public ReportLayout layout() {
        return new ReportLayout(outputDirectory);
    }

    /**
     * Builds a {@link ReviewRequest}. Unset values are SPEC.md's defaults: passages of 800 characters sharing
     * 120, {@code topK} 5, answers of 200 characters at least, 4 threads, files up to 1 MiB, the in-process
     * embedder, the default ranker; no cache, no shard, no baseline.
     */
    public static final class Builder {
        private Path baseDir;
        private List<String> files = List.of();
        private Path prd;
        private Path proposal;
        private List<Rung> ladder = List.of();
        private EmbeddingSettings embedding = EmbeddingSettings.local();
        private int chunkSize = 800;
        private int chunkOverlap = 120;
        private int topK = 5;
        private int minAnswerChars = 200;
        private int threads = 4;
        private Path outputDirectory;
        private boolean dryRun;
        private long maxFileBytes = 1_048_576L;
        private Path cacheDirectory;
        private CacheKeySource cacheKey;
        private boolean reuseCached;
        private List<String> unchangedFiles = List.of();
        private Shard shard;
        private boolean requireScore;
        private Baseline baseline = Baseline.NONE;
        private Ranker ranker = Ranker.DEFAULT;
        private Path stepSummary;
        private GatePolicy gate = GatePolicy.DEFAULT;
        private Change change = Change.NONE;
        private Path buildDirectory;
        private Charset encoding = StandardCharsets.UTF_8;

        private Builder() {}

        public Builder baseDir(Path value) {
            baseDir = value;
            return this;
        }

        public Builder files(List<String> value) {
            files = value;
            return this;
        }

        public Builder prd(Path value) {
            prd = value;
            return this;
        }

        public Builder proposal(Path value) {
            proposal = value;
            return this;
        }

        public Builder ladder(List<Rung> value) {
            ladder = value;
            return this;
        }

        public Builder embedding(EmbeddingSettings value) {
            embedding = value;
            return this;
        }

        public Builder chunkSize(int value) {
            chunkSize = value;
            return this;
        }

        public Builder chunkOverlap(int value) {
            chunkOverlap = value;
            return this;
        }

        public Builder topK(int value) {
            topK = value;
            return this;
        }

        public Builder minAnswerChars(int value) {
            minAnswerChars = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder outputDirectory(Path value) {
            outputDirectory = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        public Builder maxFileBytes(long value) {
            maxFileBytes = value;
            return this;
        }

        public Builder cacheDirectory(Path value) {
            cacheDirectory = value;
            return this;
        }

        /** Where the cache key comes from; unset: the key file {@code <cacheDirectory>-key}. */
        public Builder cacheKey(CacheKeySource value) {
            cacheKey = value;
            return this;
        }

        public Builder reuseCached(boolean value) {
            reuseCached = value;
            return this;
        }

        public Builder unchangedFiles(List<String> value) {
            unchangedFiles = value;
            return this;
        }

        public Builder shard(Shard value) {
            shard = value;
            return this;
        }

        public Builder requireScore(boolean value) {
            requireScore = value;
            return this;
        }

        public Builder baseline(Baseline value) {
            baseline = value;
            return this;
        }

        public Builder ranker(Ranker value) {
            ranker = value;
            return this;
        }

        /** The gate the reports say the run was decided by; {@code null}: decided elsewhere. */
        public Builder gate(GatePolicy value) {
            gate = value;
            return this;
        }

        public Builder change(Change value) {
            change = value;
            return this;
        }

        public Builder stepSummary(Path value) {
            stepSummary = value;
            return this;
        }

        public Builder buildDirectory(Path value) {
            buildDirectory = value;
            return this;
        }

        /** How the reviewed files are decoded; {@code null}: UTF-8. */
        public Builder encoding(Charset value) {
            encoding = value;
            return this;
        }

        public ReviewRequest build() {
            return new ReviewRequest(baseDir, files, prd, proposal, ladder, embedding, chunkSize, chunkOverlap, topK,
                    minAnswerChars, threads, outputDirectory, dryRun, maxFileBytes, cacheDirectory, cacheKey, reuseCached,
                    unchangedFiles, shard, requireScore, baseline, ranker, stepSummary, gate, change, buildDirectory,
                    encoding);
        }
    }
}
