package dev.scrum.retrieve;

/** Vector arithmetic for retrieval. */
public final class Vectors {

    private Vectors() {}

    /**
     * The cosine similarity of two vectors of the same dimension, in {@code [-1, 1]}; 0 when either is the zero
     * vector.
     *
     * @throws IllegalArgumentException when the dimensions differ
     */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different dimensions: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        if (normA == 0 || normB == 0) {
            return 0;
        }
        return dot / (Math.sqrt(normA) * Math.sqrt(normB));
    }

    /** The Euclidean (L2) norm of {@code v}. */
    public static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }

    /** A copy of {@code v} scaled to length 1; a copy of the zero vector stays zero. */
    public static float[] normalize(float[] v) {
        double norm = norm(v);
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
