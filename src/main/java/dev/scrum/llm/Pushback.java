package dev.scrum.llm;

import java.time.Duration;

/**
 * What a server said about its own load during one call: how many times it answered 429 (rate limited) or
 * 503 (its queue is full), and the longest {@code Retry-After} it asked for. The ladder shrinks the server's
 * concurrency limit on any pushback and sends it nothing new until the {@code Retry-After} has passed.
 *
 * @param answers the 429 and 503 answers of the call, retried or not
 * @param retryAfter the longest wait a {@code Retry-After} asked for, or {@code null} when none was given
 */
public record Pushback(int answers, Duration retryAfter) {

    /** No pushback: the server took the call at once. */
    public static final Pushback NONE = new Pushback(0, null);

    /** The statuses that are a server's pushback. */
    static boolean isPushback(int status) {
        return status == 429 || status == 503;
    }

    /** Whether the server pushed back at all. */
    public boolean any() {
        return answers > 0;
    }

    /** This pushback and one more answer, asking {@code wait} (or {@code null}). */
    Pushback plus(Duration wait) {
        Duration longest = retryAfter == null || (wait != null && wait.compareTo(retryAfter) > 0) ? wait : retryAfter;
        return new Pushback(answers + 1, longest);
    }
}
