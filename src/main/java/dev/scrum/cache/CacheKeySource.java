package dev.scrum.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the cache's {@link CacheKey} comes from: {@value CacheKey#VARIABLE} when it is set (in CI, from a
 * secret), else the key file ({@code cacheKeyFile}), made on first use.
 *
 * @param fromEnvironment the value of {@value CacheKey#VARIABLE}, or {@code null} (blank is unset)
 * @param file the key file, outside the cache directory
 */
public record CacheKeySource(String fromEnvironment, Path file) {

    public CacheKeySource {
        Objects.requireNonNull(file, "file");
        fromEnvironment = fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
    }

    /** The key file alone, no environment variable. */
    public static CacheKeySource ofFile(Path file) {
        return new CacheKeySource(null, file);
    }

    /**
     * The key.
     *
     * @throws IOException when the key file cannot be made or read
     * @throws IllegalArgumentException when {@value CacheKey#VARIABLE} holds no usable key
     */
    public CacheKey load() throws IOException {
        return fromEnvironment != null ? CacheKey.parse(fromEnvironment) : CacheKey.ofFile(file);
    }

    /** Where the key comes from, never the key. */
    @Override
    public String toString() {
        return fromEnvironment != null ? "the environment variable " + CacheKey.VARIABLE : "the key file " + file;
    }
}
