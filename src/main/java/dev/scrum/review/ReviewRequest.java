package dev.scrum.review;

import dev.scrum.embed.EmbeddingSettings;
import dev.scrum.ladder.Rung;
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
 * @param requireScore an answer with no alignment score is not accepted
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
        boolean requireScore) {

    public ReviewRequest {
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(prd, "prd");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        files = List.copyOf(files);
        ladder = List.copyOf(ladder);
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
