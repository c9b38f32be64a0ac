package dev.scrum.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learned limit on recorded latency series: flat, rising (queueing), jitter, 429 storms and timeouts. */
class AdaptiveLimitTest {

    private final List<Integer> changes = new ArrayList<>();
    private final AdaptiveLimit limit = new AdaptiveLimit(8, changes::add);

    private void answered(long ms, int inFlight) {
        limit.answered(Duration.ofMillis(ms), inFlight, inFlight);
    }

    /** Answers at a steady latency, each sent with the limit in use, until the limit stops moving. */
    private void flat(long ms, int answers) {
        for (int i = 0; i < answers; i++) {
            answered(ms, limit.limit());
        }
    }

    @Test
    void startsLowAndDoublesWhileLatencyStaysFlat() {
        assertEquals(AdaptiveLimit.INITIAL, limit.limit());
        flat(1000, 1);
        assertEquals(4, limit.limit(), "2 taken at once without a queue: room for 4");
        flat(1000, 10);
        assertEquals(8, limit.limit(), "never above its max (the review's threads)");
        assertEquals(List.of(4, 8), changes, "one change heard per step, none once at the max");
    }

    @Test
    void jitterOfAFewPercentIsNotReadAsQueueing() {
        flat(1000, 6);
        assertEquals(8, limit.limit());
        for (long ms : new long[] {1040, 1015, 1060, 990, 1030}) {
            answered(ms, 8);
        }
        assertEquals(8, limit.limit());
    }

    @Test
    void doesNotGrowWhileMostOfTheLimitIsUnused() {
        flat(1000, 1);
        assertEquals(4, limit.limit());
        for (int i = 0; i < 10; i++) {
            answered(1000, 1);
        }
        assertEquals(4, limit.limit(), "one call in flight says nothing about four");
    }

    @Test
    void risingLatencyShrinksTheLimitToTheServersWidthPlusOneWaiting() {
        flat(1000, 6);
        assertEquals(8, limit.limit());
        // a server that works on 3 calls at once: with 8 in flight each takes 8/3 of its unloaded latency
        answered(2667, 8);
        assertEquals(4, limit.limit(), "3 worked on + 1 waiting");
        // at 4 in flight each takes 4/3: one call waits, the limit holds
        for (int i = 0; i < 5; i++) {
            answered(1333, 4);
        }
        assertEquals(4, limit.limit());
    }

    @Test
    void aServerThatSlowsGraduallyIsFollowedDown() {
        flat(1000, 6);
        int before = limit.limit();
        long[] series = {1100, 1300, 1700, 2300, 3100, 4000};
        int last = before;
        for (long ms : series) {
            answered(ms, limit.limit());
            assertTrue(limit.limit() <= last, "never grows while latency rises: " + ms + " ms");
            last = limit.limit();
        }
        assertTrue(limit.limit() <= 3, "at 4x the unloaded latency the limit is small: " + limit.limit());
    }

    @Test
    void aStormOf429HalvesTheLimitDownToOneCallButNeverToNone() {
        flat(1000, 6);
        limit.pushedBack();
        assertEquals(4, limit.limit());
        limit.pushedBack();
        limit.pushedBack();
        assertEquals(1, limit.limit());
        for (int i = 0; i < 20; i++) {
            limit.pushedBack();
        }
        assertEquals(1, limit.limit());
        flat(1000, 1);
        assertEquals(2, limit.limit(), "grows back once the server answers at its own pace");
        flat(1000, 9);
        assertTrue(limit.limit() >= 4 && limit.limit() < 8,
                "after slow start, by about one call per round trip of the whole limit: " + limit.limit());
    }

    @Test
    void timeoutsHalveTheLimit() {
        flat(1000, 6);
        limit.timedOut();
        assertEquals(4, limit.limit());
        limit.timedOut();
        assertEquals(2, limit.limit());
        assertEquals(List.of(4, 8, 4, 2), changes);
    }

    @Test
    void aFixedLimitLearnsNothing() {
        ConcurrencyLimit fixed = ConcurrencyLimit.fixed(3);
        fixed.answered(Duration.ofMillis(1000), 3, 3);
        fixed.pushedBack();
        fixed.timedOut();
        assertEquals(3, fixed.limit());
        assertFalse(fixed.adaptive());
        assertTrue(limit.adaptive());
    }

    @Test
    void aMaxOfOneIsAlwaysOne() {
        AdaptiveLimit one = new AdaptiveLimit(1, null);
        assertEquals(1, one.limit());
        one.answered(Duration.ofMillis(10), 1, 1);
        one.answered(Duration.ofMillis(10), 1, 1);
        assertEquals(1, one.limit());
    }
}
