package dev.scrum.retrieve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void cosineOfParallelOrthogonalAndOppositeVectors() {
        assertEquals(1.0, Vectors.cosine(new float[] {1, 2, 3}, new float[] {2, 4, 6}), 1e-9);
        assertEquals(0.0, Vectors.cosine(new float[] {1, 0}, new float[] {0, 5}), 1e-9);
        assertEquals(-1.0, Vectors.cosine(new float[] {1, 1}, new float[] {-3, -3}), 1e-9);
        assertEquals(Math.sqrt(0.5), Vectors.cosine(new float[] {1, 0}, new float[] {1, 1}), 1e-9);
    }

    @Test
    void cosineWithTheZeroVectorIsZero() {
        assertEquals(0.0, Vectors.cosine(new float[] {0, 0}, new float[] {1, 1}));
    }

    @Test
    void cosineRejectsDifferentDimensions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vectors.cosine(new float[2], new float[3]));
        assertEquals("vectors of different dimensions: 2 and 3", e.getMessage());
    }

    @Test
    void normalizeScalesToUnitLengthWithoutTouchingTheInput() {
        float[] v = {3, 4};
        assertArrayEquals(new float[] {0.6f, 0.8f}, Vectors.normalize(v), 1e-6f);
        assertArrayEquals(new float[] {3, 4}, v);
        assertEquals(1.0, Vectors.norm(Vectors.normalize(new float[] {-2, 7, 0.5f, 11})), 1e-6);
        assertEquals(5.0, Vectors.norm(v), 1e-9);
    }

    @Test
    void normalizeKeepsTheZeroVector() {
        assertArrayEquals(new float[3], Vectors.normalize(new float[3]));
    }
}
