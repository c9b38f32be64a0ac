package dev.scrum.concurrency;

import java.time.Duration;

/** A limit the user set ({@code maxConcurrent}): it learns nothing. */
record FixedLimit(int limit) implements ConcurrencyLimit {

    FixedLimit {
        if (limit < 1) {
            throw new IllegalArgumentException("a concurrency limit must be at least 1: " + limit);
        }
    }

    @Override
    public void answered(Duration wire, int sentWith, int inFlight) {}

    @Override
    public void timedOut() {}

    @Override
    public void pushedBack() {}

    @Override
    public boolean adaptive() {
        return false;
    }
}
