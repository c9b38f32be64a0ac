package dev.scrum.report;

import dev.scrum.git.ChangedLines;
import dev.scrum.ladder.Attempt;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything decided about one file: what it was given ({@link FileInput}), what came back
 * ({@link FileOutcome}) and where the review came from ({@link FileProvenance}). Built with {@link #builder()};
 * every copy-with method goes through {@link #toBuilder()}, so none drops a field.
 *
 * @param file path relative to the base directory, with {@code /}
 * @param fileBytes the file's size
 * @param input what was sent
 * @param outcome what came back
 * @param provenance how long it took, when, whether cached, in which parts
 * @param changed the lines the change under review added or rewrote in the file, against its base
 *     ({@code changedSince}); {@code null} when the run knew no base
 */
public record FileReview(String file, long fileBytes, FileInput input, FileOutcome outcome,
        FileProvenance provenance, ChangedLines changed) {

    public FileReview {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The review a dry run records: what would be sent, no model asked. */
    public static FileReview dryRun(String file, long fileBytes, FileInput input, long durationMs,
            List<FilePart> parts) {
        return builder().file(file).fileBytes(fileBytes).input(input)
                .provenance(new FileProvenance(durationMs, null, false, parts)).build();
    }

    /** The review of a file whose review failed before any answer: unresolved, {@code failure} saying why. */
    public static FileReview failed(String file, long fileBytes, Attempt failure) {
        return builder().file(file).fileBytes(fileBytes).outcome(FileOutcome.unresolved(List.of(failure)))
                .provenance(FileProvenance.took(failure.durationMs())).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().file(file).fileBytes(fileBytes).input(input).outcome(outcome).provenance(provenance)
                .changed(changed);
    }

    /**
     * Whether a finding lies in the change: its line is one the change added or rewrote; {@code null} when that
     * is not known (no base, or the finding names no line).
     */
    public Boolean inChange(Finding finding) {
        return changed == null || finding.line() == null ? null : changed.contains(finding.line());
    }

    /**
     * This review with its path, and its injections' paths, seen from a reactor's root: {@code prefix} is the
     * module's directory, with /.
     */
    public FileReview inModule(String prefix) {
        return toBuilder().file(prefix.isEmpty() ? file : prefix + "/" + file)
                .input(input.withInjections(input.injections().stream().map(i -> i.inModule(prefix)).toList()))
                .build();
    }

    /** This review as reused from the cache by a later run. */
    public FileReview asCached() {
        return toBuilder().provenance(new FileProvenance(provenance.durationMs(), provenance.reviewedAt(), true,
                provenance.parts())).build();
    }

    /** This review, stamped with the time it was made. */
    public FileReview withReviewedAt(Instant when) {
        return toBuilder().provenance(new FileProvenance(provenance.durationMs(), when, provenance.cached(),
                provenance.parts())).build();
    }

    /** This review with other findings (the same findings marked against a baseline). */
    public FileReview withFindings(List<Finding> marked) {
        return toBuilder().outcome(outcome.withFindings(marked)).build();
    }

    public boolean resolved() {
        return outcome.resolved();
    }

    /** Whether what the model was sent carried a prompt injection, so that its answer cannot be trusted. */
    public boolean untrusted() {
        return input.untrusted();
    }

    /** Calls made, for every part too (skipped rungs are listed, not counted). */
    public int attemptsMade() {
        return (int) outcome.attempts().stream().filter(Attempt::called).count()
                + provenance.parts().stream().mapToInt(FilePart::attemptsMade).sum();
    }

    /** Prompt tokens of every attempt, as the servers counted them (or estimated where they did not). */
    public long promptTokens() {
        return outcome.attempts().stream().mapToLong(a -> a.promptTokens() == null ? 0 : a.promptTokens()).sum();
    }

    /** Answer tokens of every attempt. */
    public long completionTokens() {
        return outcome.attempts().stream()
                .mapToLong(a -> a.completionTokens() == null ? 0 : a.completionTokens()).sum();
    }

    /** Builds a {@link FileReview}; unset parts are empty: nothing sent, nothing asked, no time taken. */
    public static final class Builder {
        private String file;
        private long fileBytes;
        private FileInput input = FileInput.NONE;
        private FileOutcome outcome = FileOutcome.NONE;
        private FileProvenance provenance = FileProvenance.took(0);
        private ChangedLines changed;

        private Builder() {}

        public Builder file(String value) {
            file = value;
            return this;
        }

        public Builder fileBytes(long value) {
            fileBytes = value;
            return this;
        }

        public Builder input(FileInput value) {
            input = value;
            return this;
        }

        public Builder outcome(FileOutcome value) {
            outcome = value;
            return this;
        }

        public Builder provenance(FileProvenance value) {
            provenance = value;
            return this;
        }

        /** The change's lines in the file; {@code null} (the default) when no base is known. */
        public Builder changed(ChangedLines value) {
            changed = value;
            return this;
        }

        public FileReview build() {
            return new FileReview(file, fileBytes, input, outcome, provenance, changed);
        }
    }
}
