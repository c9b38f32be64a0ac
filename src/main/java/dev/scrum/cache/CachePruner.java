package dev.scrum.cache;

import dev.scrum.embed.CachingEmbedder;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Keeps a cache directory ({@code cacheDirectory}) within an age and a size, or empties it. An entry's
 * modification time is when it was last used ({@link ReviewCache} and {@link CachingEmbedder} set it on a hit),
 * so the entries removed for size are the least recently used.
 *
 * <p>The directory is the user's to configure and could be pointed somewhere wrong, so only files the caches
 * wrote are ever removed: review entries ({@code reviews/ab/ab…ef.json}, and the temporary files a killed run
 * left beside them) and embedders' vector files ({@code embeddings/*.vectors}). Nothing else under the directory
 * is even listed; nothing reached through a symbolic link is read or removed (the directory itself may be a
 * link); an entry is checked again just before it is removed. Any trouble is a warning: pruning never fails a
 * build.
 */
public final class CachePruner {

    /** Bytes in the megabyte of {@code cacheMaxMegabytes}. */
    public static final long MEGABYTE = 1024L * 1024L;

    /** A temporary file younger than this may be a running build's entry being written, and is left alone. */
    private static final Duration WRITING = Duration.ofHours(1);

    private final Clock clock;
    private final Consumer<String> warnings;

    /** @param warnings where trouble is reported */
    public CachePruner(Consumer<String> warnings) {
        this(Clock.systemUTC(), warnings);
    }

    CachePruner(Clock clock, Consumer<String> warnings) {
        this.clock = clock;
        this.warnings = warnings;
    }

    /**
     * Removes the entries not used for {@code maxAge}; then, while the entries left take more than
     * {@code maxBytes}, the least recently used.
     *
     * @param directory the cache directory, e.g. {@code ~/.m2/scrum-cache}; missing is an empty cache
     */
    public PruneResult prune(Path directory, Duration maxAge, long maxBytes) {
        if (maxAge.isNegative() || maxAge.isZero() || maxBytes <= 0) {
            throw new IllegalArgumentException("an age and a size above 0, not " + maxAge + " and " + maxBytes);
        }
        Instant now = clock.instant();
        Instant unusedSince = now.minus(maxAge);
        List<Entry> entries = entries(directory);
        long left = entries.stream().mapToLong(Entry::bytes).sum();
        Tally tally = new Tally();
        List<Entry> kept = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.lastUsed().isBefore(unusedSince) || !removable(e, now)) {
                kept.add(e);
            } else if (tally.remove(e)) {
                left -= e.bytes();
            }
        }
        for (Entry e : kept) {
            if (left <= maxBytes) {
                break;
            }
            if (removable(e, now) && tally.remove(e)) {
                left -= e.bytes();
            }
        }
        return tally.result(entries);
    }

    /**
     * Removes every entry, or only those not used for {@code olderThan}.
     *
     * @param directory the cache directory; missing is an empty cache
     * @param olderThan the age past which entries go, or {@code null} for all of them
     */
    public PruneResult clean(Path directory, Duration olderThan) {
        Instant now = clock.instant();
        Instant unusedSince = olderThan == null ? Instant.MAX : now.minus(olderThan);
        List<Entry> entries = entries(directory);
        Tally tally = new Tally();
        for (Entry e : entries) {
            if (e.lastUsed().isBefore(unusedSince) && removable(e, now)) {
                tally.remove(e);
            }
        }
        return tally.result(entries);
    }

    /** One file a cache wrote. */
    private record Entry(Path file, long bytes, Instant lastUsed) {}

    /** The entries under {@code directory}, least recently used first. */
    private List<Entry> entries(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        Path root;
        try {
            root = directory.toRealPath();
        } catch (IOException | RuntimeException e) {
            warnings.accept("Could not prune the cache " + directory + ": " + e.getMessage());
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        collect(root.resolve(ReviewCache.AREA), 2, ReviewCache::isEntry, entries);
        collect(root.resolve(CachingEmbedder.AREA), 1,
                p -> p.getNameCount() == 1 && CachingEmbedder.isVectorFile(p.toString()), entries);
        entries.sort(Comparator.comparing(Entry::lastUsed));
        return entries;
    }

    /** Adds the regular files {@code depth} levels under {@code area} that {@code isEntry} accepts. */
    private void collect(Path area, int depth, Predicate<Path> isEntry, List<Entry> entries) {
        if (Files.isSymbolicLink(area)) {
            warnings.accept("Not pruning " + area + ": it is a symbolic link, and nothing reached through one is "
                    + "removed. Point cacheDirectory at the real directory instead.");
            return;
        }
        if (!Files.isDirectory(area, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(area, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isEntry.test(area.relativize(file))) {
                        entries.add(new Entry(file, attrs.size(), attrs.lastModifiedTime().toInstant()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    warnings.accept("Could not look at " + file + " while pruning the cache: " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            warnings.accept("Could not list the cache " + area + ": " + e.getMessage());
        }
    }

    private static boolean removable(Entry e, Instant now) {
        return !e.file().getFileName().toString().endsWith(".tmp") || e.lastUsed().isBefore(now.minus(WRITING));
    }

    /** What was removed, as it is removed. */
    private final class Tally {
        private int removed;
        private long bytesFreed;
        private int vanished;
        private long bytesVanished;

        /**
         * Removes {@code e} if it is still the regular file it was, in the directory it was listed in (no link
         * put in its way since); whether it was removed.
         */
        boolean remove(Entry e) {
            try {
                BasicFileAttributes now = Files.readAttributes(e.file(), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                Path parent = e.file().getParent();
                if (!now.isRegularFile() || !parent.toRealPath().equals(parent)) {
                    warnings.accept("Not removing " + e.file() + " from the cache: it changed into a link, or a "
                            + "link was put in its way, while the cache was pruned");
                    return false;
                }
                Files.delete(e.file());
                removed++;
                bytesFreed += e.bytes();
                return true;
            } catch (NoSuchFileException gone) {
                vanished++; // another build removed it first
                bytesVanished += e.bytes();
                return true;
            } catch (IOException | RuntimeException ex) {
                warnings.accept("Could not remove " + e.file() + " from the cache: " + ex.getMessage());
                return false;
            }
        }

        PruneResult result(List<Entry> entries) {
            long all = entries.stream().mapToLong(Entry::bytes).sum();
            return new PruneResult(removed, bytesFreed, entries.size() - removed - vanished,
                    all - bytesFreed - bytesVanished);
        }
    }
}
