package dev.scrum.ladder;

import dev.scrum.concurrency.AdaptiveLimit;
import dev.scrum.concurrency.ConcurrencyLimit;
import dev.scrum.llm.ChatClient;
import dev.scrum.llm.Pushback;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The servers of one rung: replicas serving the same model, each with its own concurrency limit, fixed by
 * the rung's {@code maxConcurrent} or else learned from the server's latency ({@link AdaptiveLimit}, at most
 * {@code threads}). A call goes to the live, unpaused replica with the fewest calls in flight below its
 * limit; a replica that refused a connection is left out for the rest of the run; a replica that asked for
 * a {@code Retry-After} gets no new call until it has passed. Thread-safe.
 */
final class ReplicaSet {

    /** One server of the rung. */
    static final class Replica {
        final URI url;
        final ChatClient client;
        final ConcurrencyLimit limit;
        private int inFlight;
        private boolean down;
        private long pausedUntil;
        private int peakInFlight;
        private int limitReached;
        private int calls;
        private int timeouts;
        private int pushbacks;

        Replica(URI url, ChatClient client, ConcurrencyLimit limit) {
            this.url = url;
            this.client = client;
            this.limit = limit;
            this.limitReached = limit.limit();
        }
    }

    /** A slot taken on a replica: the replica, and the calls in flight to it with this one. */
    record Slot(Replica replica, int inFlight) {}

    /** The longest pause a {@code Retry-After} buys: the HTTP client's longest wait before a retry. */
    static final Duration MAX_PAUSE = dev.scrum.llm.HttpTransport.DEFAULT_MAX_RETRY_WAIT;

    private final Rung rung;
    private final int cap;
    private final List<Replica> replicas = new ArrayList<>();
    private final LongSupplier nanoClock;
    private int mostInFlight;

    /**
     * @param threads the calls a review makes at once at most: the learned limit never passes it
     * @param changes told each change of a learned limit
     */
    ReplicaSet(Rung rung, Function<Rung, ChatClient> clientFor, int threads, LimitListener changes,
            LongSupplier nanoClock) {
        this.rung = rung;
        this.nanoClock = nanoClock;
        this.cap = rung.adaptive() ? Math.max(1, threads) : rung.maxConcurrent();
        for (URI url : rung.baseUrls()) {
            ConcurrencyLimit limit = rung.adaptive()
                    ? new AdaptiveLimit(cap, to -> changes.changed(rung, url, to))
                    : ConcurrencyLimit.fixed(cap);
            replicas.add(new Replica(url, clientFor.apply(rung.onServer(url)), limit));
        }
    }

    /**
     * Waits for a free slot on a live replica and takes it.
     *
     * @return the slot, or {@code null} when every replica is down
     */
    synchronized Slot acquire() throws InterruptedException {
        while (true) {
            Replica best = null;
            boolean anyLive = false;
            long now = nanoClock.getAsLong();
            long nextResume = Long.MAX_VALUE;
            for (Replica r : replicas) {
                if (r.down) {
                    continue;
                }
                anyLive = true;
                if (r.pausedUntil - now > 0) {
                    nextResume = Math.min(nextResume, r.pausedUntil - now);
                    continue;
                }
                if (r.inFlight < r.limit.limit() && (best == null || r.inFlight < best.inFlight)) {
                    best = r;
                }
            }
            if (!anyLive) {
                return null;
            }
            if (best != null) {
                best.inFlight++;
                best.calls++;
                best.peakInFlight = Math.max(best.peakInFlight, best.inFlight);
                mostInFlight = Math.max(mostInFlight, best.inFlight);
                return new Slot(best, best.inFlight);
            }
            if (nextResume == Long.MAX_VALUE) {
                wait();
            } else {
                wait(Math.max(1, nextResume / 1_000_000));
            }
        }
    }

    /** Gives the slot back after an answer that took {@code wire} on the wire, pushback or not. */
    synchronized void answered(Slot slot, Duration wire, Pushback pushback) {
        Replica r = slot.replica();
        if (pushback.any()) {
            pushedBack(r, pushback);
        } else {
            r.limit.answered(wire, slot.inFlight(), r.inFlight);
        }
        release(r);
    }

    /** Gives the slot back after a call that failed; a timeout or pushback shrinks the limit. */
    synchronized void failed(Slot slot, boolean timedOut, Pushback pushback) {
        Replica r = slot.replica();
        if (pushback.any()) {
            pushedBack(r, pushback);
        } else if (timedOut) {
            r.timeouts++;
            r.limit.timedOut();
        }
        release(r);
    }

    private void pushedBack(Replica r, Pushback pushback) {
        r.pushbacks += pushback.answers();
        r.limit.pushedBack();
        if (pushback.retryAfter() != null) {
            long until = nanoClock.getAsLong() + pause(pushback.retryAfter()).toNanos();
            if (until - r.pausedUntil > 0) {
                r.pausedUntil = until;
            }
        }
    }

    /**
     * How long a server is left alone after it asked for {@code retryAfter}: as asked, but at most {@link #MAX_PAUSE}
     * (the HTTP client's own longest wait before a retry), so that a server asking for an hour cannot stall the run.
     */
    static Duration pause(Duration retryAfter) {
        return retryAfter.isNegative() ? Duration.ZERO
                : retryAfter.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : retryAfter;
    }

    private void release(Replica r) {
        r.inFlight--;
        r.limitReached = Math.max(r.limitReached, r.limit.limit());
        notifyAll();
    }

    /** Leaves a replica out for the rest of the run, giving its slot back. */
    synchronized void markDown(Slot slot) {
        slot.replica().down = true;
        release(slot.replica());
    }

    /** The servers that refused connections, for messages. */
    synchronized List<URI> downServers() {
        return replicas.stream().filter(r -> r.down).map(r -> r.url).toList();
    }

    /** The most calls ever in flight to one replica (tests and benchmarks check the cap with it). */
    synchronized int mostInFlight() {
        return mostInFlight;
    }

    /** How each server of the rung was loaded, for the report. */
    synchronized List<ServerLoad> loads() {
        return replicas.stream().map(r -> new ServerLoad(rung.id(), Rung.shown(r.url), r.limit.adaptive(), cap,
                r.limitReached, r.limit.limit(), r.peakInFlight, r.calls, r.timeouts, r.pushbacks)).toList();
    }
}
