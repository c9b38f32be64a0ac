package dev.scrum.testing;

import java.util.Locale;

/**
 * Deterministic bag-of-words vectors by signed feature hashing: lower-cased word tokens hashed into 256
 * dimensions. Texts sharing words are similar; texts sharing none are nearly orthogonal. The vectors are raw
 * counts, not normalised, so a client's normalisation is exercised.
 */
final class HashingEmbeddings {
    static final int DIMENSIONS = 256;

    private HashingEmbeddings() {}

    static float[] of(String text) {
        float[] vector = new float[DIMENSIONS];
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (token.isEmpty()) {
                continue;
            }
            int hash = mix(token.hashCode());
            vector[Math.floorMod(hash, DIMENSIONS)] += (hash & 0x4000_0000) == 0 ? 1 : -1;
        }
        return vector;
    }

    /** Murmur3's finaliser: spreads String.hashCode's bits. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85eb_ca6b;
        h ^= h >>> 13;
        h *= 0xc2b2_ae35;
        h ^= h >>> 16;
        return h;
    }
}
