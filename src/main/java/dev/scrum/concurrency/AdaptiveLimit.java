package dev.scrum.concurrency;

import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * A concurrency limit learned from the server's own latency, in the manner of TCP Vegas. The shortest wire
 * time seen is the server's latency without a queue; an answer that took longer, sent with {@code n} calls in
 * flight, says about {@code n * (1 - shortest / wire)} of them were waiting in the server's queue. Then:
 *
 * <ul>
 *   <li>no queue (under half a call): until the server first shows a queue (slow start, as in TCP), the limit
 *       grows to twice the {@code n} the server took without queueing, so it doubles each round trip but
 *       never grows past twice what the server was seen to take; after that, while the limit is in use, it
 *       grows by one call per round trip (one {@code 1/limit} per answer), probing for room;
 *   <li>a queue of more than one and a half calls: the limit drops to the calls the server works on at once
 *       ({@code n - queue}) plus one kept waiting, so that the server never idles between calls;
 *   <li>a timeout, a 429 or a 503: the limit halves (multiplicative decrease, as TCP on a loss), and slow
 *       start is over;
 *   <li>in between: the limit holds.
 * </ul>
 *
 * <p>It starts at {@link #INITIAL} and never leaves {@code [1, max]}. Why not Netflix's {@code
 * concurrency-limits}: see the README (its Vegas rounds the queue estimate up, so that a few milliseconds of
 * jitter read as a queued call; its first sample only seeds the baseline; one decrease serves drops and
 * queueing alike; its gradient limits average over hundreds of samples, and a run sends tens of calls to
 * a server). Thread-safe.
 */
public final class AdaptiveLimit implements ConcurrencyLimit {

    /** The limit before the first answer. */
    public static final int INITIAL = 2;
    private static final double NO_QUEUE = 0.5;
    private static final double QUEUEING = 1.5;

    private final int max;
    private final IntConsumer onChange;
    private double limit;
    private long shortestNanos;
    private boolean slowStart = true;

    /**
     * @param max the limit at most (the review's {@code threads}, or the rung's {@code maxConcurrent})
     * @param onChange told the new limit each time it changes (called while the limit is locked: be quick)
     */
    public AdaptiveLimit(int max, IntConsumer onChange) {
        if (max < 1) {
            throw new IllegalArgumentException("a concurrency limit must be at least 1: " + max);
        }
        this.max = max;
        this.onChange = onChange;
        this.limit = Math.min(INITIAL, max);
    }

    @Override
    public synchronized int limit() {
        return (int) limit;
    }

    @Override
    public synchronized void answered(Duration wire, int sentWith, int inFlight) {
        long nanos = Math.max(1, wire.toNanos());
        if (shortestNanos == 0 || nanos < shortestNanos) {
            shortestNanos = nanos;
        }
        double queue = sentWith * (1 - (double) shortestNanos / nanos);
        if (queue < NO_QUEUE) {
            if (slowStart) {
                set(Math.max(limit, 2.0 * sentWith));
            } else if (sentWith + 1 >= (int) limit) {
                set(limit + 1 / limit);
            }
        } else if (queue > QUEUEING) {
            slowStart = false;
            set(Math.min(limit, Math.round(sentWith - queue) + 1));
        }
    }

    @Override
    public synchronized void timedOut() {
        slowStart = false;
        set(limit / 2);
    }

    @Override
    public synchronized void pushedBack() {
        slowStart = false;
        set(limit / 2);
    }

    @Override
    public boolean adaptive() {
        return true;
    }

    private void set(double value) {
        int before = (int) limit;
        limit = Math.max(1, Math.min(max, value));
        if ((int) limit != before && onChange != null) {
            onChange.accept((int) limit);
        }
    }

    @Override
    public synchronized String toString() {
        return "AdaptiveLimit[limit=" + (int) limit + ", max=" + max + ", shortest=" + shortestNanos / 1_000_000
                + " ms]";
    }
}
