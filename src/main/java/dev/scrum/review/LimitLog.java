package dev.scrum.review;

import dev.scrum.concurrency.AdaptiveLimit;
import dev.scrum.ladder.LimitListener;
import dev.scrum.ladder.Rung;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Logs the learned concurrency limit of each server when it changes, one line at a time: a change is logged at
 * once when the limit drops (the server is queueing, timing out or pushing back), or when it rises after a quiet
 * {@link #QUIET_NANOS}; a rise sooner than that is logged with the next line, so a slow start of eight steps
 * is a line or two, not eight. The run's summary gives each server's limit in the end. Thread-safe.
 */
final class LimitLog implements LimitListener {

    static final long QUIET_NANOS = 10_000_000_000L;

    /** What was last logged of a server, and the limit last heard. */
    private record Seen(int logged, long loggedAt, int heard) {}

    private final Progress progress;
    private final LongSupplier nanoClock;
    private final Map<String, Seen> seen = new HashMap<>();

    LimitLog(Progress progress) {
        this(progress, System::nanoTime);
    }

    LimitLog(Progress progress, LongSupplier nanoClock) {
        this.progress = progress;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void changed(Rung rung, URI server, int limit) {
        String key = rung.id() + " " + server;
        long now = nanoClock.getAsLong();
        Seen before = seen.get(key);
        int heard = before == null ? AdaptiveLimit.INITIAL : before.heard();
        boolean drop = limit < heard;
        if (before != null && !drop && now - before.loggedAt() < QUIET_NANOS || limit == heard) {
            seen.put(key, before == null ? new Seen(heard, now, limit) : new Seen(before.logged(), before.loggedAt(), limit));
            return;
        }
        int from = drop ? heard : before == null ? AdaptiveLimit.INITIAL : before.logged();
        seen.put(key, new Seen(limit, now, limit));
        progress.info("Concurrency " + rung.id() + " at " + Rung.shown(server) + ": " + limit + " call(s) at once"
                + (drop ? " (down from " + from + ": the server queues, times out or pushes back)"
                        : " (up from " + from + ": latency stays flat)"));
    }
}
