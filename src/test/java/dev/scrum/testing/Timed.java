package dev.scrum.testing;

import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * What an action returned and how long it took: {@code Timed.of(() -> assertThrows(...))}.
 *
 * @param value the action's result
 * @param millis its wall-clock duration
 */
public record Timed<T>(T value, long millis) {

    public static <T> Timed<T> of(ThrowingSupplier<T> action) throws Throwable {
        long start = System.nanoTime();
        T value = action.get();
        return new Timed<>(value, (System.nanoTime() - start) / 1_000_000);
    }
}
