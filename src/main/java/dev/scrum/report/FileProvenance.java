package dev.scrum.report;

import java.time.Instant;
import java.util.List;

/**
 * Where a file's review came from: how long it took, when it was made, whether it was reused from the review
 * cache, and the parts a file too large for a rung's context was reviewed in.
 *
 * @param durationMs wall time of the file's review
 * @param reviewedAt when the accepted review was made (an earlier run's time for a cached one), or {@code null}
 * @param cached whether the review was reused from the review cache instead of asking a model
 * @param parts the parts the file was reviewed in; empty when reviewed whole
 */
public record FileProvenance(long durationMs, Instant reviewedAt, boolean cached, List<FilePart> parts) {

    public FileProvenance {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** A review made now, of the whole file, that took {@code durationMs}. */
    public static FileProvenance took(long durationMs) {
        return new FileProvenance(durationMs, null, false, List.of());
    }
}
