package dev.scrum.cache;

import java.util.Locale;

/**
 * What pruning or cleaning the cache directory did, counted in entries: a review entry, or an embedder's vector
 * file.
 *
 * @param removed entries removed
 * @param bytesFreed the bytes they took
 * @param kept entries left in place
 * @param bytesKept the bytes those take
 */
public record PruneResult(int removed, long bytesFreed, int kept, long bytesKept) {

    private static final long KILOBYTE = 1024;

    /** Nothing was there to remove or keep. */
    public static final PruneResult NONE = new PruneResult(0, 0, 0, 0);

    /** The counts in words: {@code 3 entries removed (1.2 MB), 40 kept}. */
    public String describe() {
        return removed + (removed == 1 ? " entry" : " entries") + " removed (" + size(bytesFreed) + "), " + kept
                + " kept";
    }

    /** A size as people read it: {@code 512 B}, {@code 3.4 kB}, {@code 1.2 MB} (1 MB is 1,048,576 bytes). */
    static String size(long bytes) {
        if (bytes < KILOBYTE) {
            return bytes + " B";
        }
        if (bytes < CachePruner.MEGABYTE) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / (double) KILOBYTE);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) CachePruner.MEGABYTE);
    }
}
