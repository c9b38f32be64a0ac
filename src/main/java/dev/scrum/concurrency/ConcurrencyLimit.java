package dev.scrum.concurrency;

import java.time.Duration;

/**
 * How many calls one server may have in flight, and what each finished call teaches about that number.
 * Implementations are thread-safe; the caller counts the calls in flight and asks {@link #limit()} before
 * it sends one more.
 */
public interface ConcurrencyLimit {

    /** The calls the server may have in flight now; at least 1. */
    int limit();

    /**
     * A call was answered (whatever the answer said) without pushback.
     *
     * @param wire the time the call spent on the wire: from sending to the whole answer, waiting for a
     *     slot of the plugin's own not included
     * @param sentWith the calls in flight to the server when this one was sent, this one included
     * @param inFlight the calls in flight to the server now, this one included
     */
    void answered(Duration wire, int sentWith, int inFlight);

    /** A call passed its timeout: the server is too busy to answer in time. */
    void timedOut();

    /** The server pushed back: it answered 429 (rate limited) or 503 (its queue is full). */
    void pushedBack();

    /** Whether the limit is learned during the run (else it is fixed). */
    boolean adaptive();

    /** A limit that never changes: the rung's own {@code maxConcurrent}. */
    static ConcurrencyLimit fixed(int calls) {
        return new FixedLimit(calls);
    }
}
