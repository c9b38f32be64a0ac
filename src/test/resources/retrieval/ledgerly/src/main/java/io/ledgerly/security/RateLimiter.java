/*
 * Copyright 2025 Ledgerly B.V. and contributors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.ledgerly.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token-bucket limits per API key, per organization, and for expensive
 * operations, checked in that order. Buckets live in the shared store; when it
 * is down, each server uses a local bucket with its share of the limit.
 * {@link Decision#headers()} produces the RateLimit-* and Retry-After headers.
 */
public final class RateLimiter {

    /** A bucket's configuration: sustained rate per second and burst capacity. */
    public record Limit(double perSecond, int burst) {
    }

    /** The class of operation, which decides which buckets apply. */
    public enum Cost { STANDARD, EXPENSIVE }

    /** The outcome of one check, with everything needed for the response headers. */
    public record Decision(boolean allowed, int limit, int remaining, Instant resetAt, Duration retryAfter) {
        public Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("RateLimit-Limit", Integer.toString(limit));
            h.put("RateLimit-Remaining", Integer.toString(Math.max(0, remaining)));
            h.put("RateLimit-Reset", Long.toString(resetAt.getEpochSecond()));
            if (!allowed) {
                h.put("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
            }
            return h;
        }
    }

    /** Atomic token-bucket operations on a shared store (Redis in production). */
    public interface SharedBuckets {
        /** Takes one token if available; returns the tokens left, or a negative number if none was taken. */
        double take(String bucket, Limit limit, Instant now) throws StoreUnavailable;
    }

    /** The shared store could not be reached in time. */
    public static final class StoreUnavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public StoreUnavailable(String message) {
            super(message);
        }
    }

    static final Limit PER_KEY = new Limit(100, 200);
    static final Limit PER_ORGANIZATION = new Limit(300, 300);
    static final Limit EXPENSIVE_PER_ORGANIZATION = new Limit(2, 10);

    private final SharedBuckets shared;
    private final Clock clock;
    private final int serverCount;
    private final Map<String, LocalBucket> local = new ConcurrentHashMap<>();

    public RateLimiter(SharedBuckets shared, Clock clock, int serverCount) {
        this.shared = shared;
        this.clock = clock;
        this.serverCount = Math.max(1, serverCount);
    }

    /** Checks and counts one request by {@code keyId} of {@code organizationId}. */
    public Decision check(String organizationId, String keyId, Cost cost) {
        Instant now = clock.instant();
        Decision perKey = take("key:" + keyId, PER_KEY, now);
        if (!perKey.allowed()) {
            return perKey;
        }
        Decision perOrg = take("org:" + organizationId, PER_ORGANIZATION, now);
        if (!perOrg.allowed()) {
            return perOrg;
        }
        if (cost == Cost.EXPENSIVE) {
            Decision expensive = take("org-expensive:" + organizationId, EXPENSIVE_PER_ORGANIZATION, now);
            if (!expensive.allowed()) {
                return expensive;
            }
        }
        return perKey;
    }

    private Decision take(String bucket, Limit limit, Instant now) {
        double left;
        try {
            left = shared.take(bucket, limit, now);
        } catch (StoreUnavailable e) {
            Limit share = new Limit(limit.perSecond() / serverCount, Math.max(1, limit.burst() / serverCount));
            left = local.computeIfAbsent(bucket, k -> new LocalBucket(share, now)).take(now);
        }
        if (left < 0) {
            Duration wait = Duration.ofMillis((long) Math.ceil(1000 / limit.perSecond()));
            return new Decision(false, limit.burst(), 0, now.plus(wait), wait);
        }
        Duration untilFull = Duration.ofMillis((long) ((limit.burst() - left) / limit.perSecond() * 1000));
        return new Decision(true, limit.burst(), (int) Math.floor(left), now.plus(untilFull), Duration.ZERO);
    }

    /** An in-memory token bucket, used only while the shared store is unavailable. */
    static final class LocalBucket {
        private final Limit limit;
        private double tokens;
        private Instant refilledAt;

        LocalBucket(Limit limit, Instant now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.refilledAt = now;
        }

        synchronized double take(Instant now) {
            double elapsed = Duration.between(refilledAt, now).toNanos() / 1e9;
            tokens = Math.min(limit.burst(), tokens + elapsed * limit.perSecond());
            refilledAt = now;
            if (tokens < 1) {
                return -1;
            }
            tokens -= 1;
            return tokens;
        }
    }
}
