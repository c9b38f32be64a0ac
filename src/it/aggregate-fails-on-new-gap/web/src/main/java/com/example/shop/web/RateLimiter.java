/*
 * Copyright 2025 the original author or authors.
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
package com.example.shop.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client API rate limiting with a token bucket: each client may burst up
 * to {@code capacity} requests and is refilled at {@code refillPerSecond}.
 */
public final class RateLimiter {

    private static final class Bucket {
        double tokens;
        long lastRefillMillis;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastRefillMillis = now;
        }
    }

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int capacity;
    private final double refillPerSecond;
    private final Clock clock;

    public RateLimiter(int capacity, double refillPerSecond, Clock clock) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.clock = clock;
    }

    /**
     * Takes one token for the client's request.
     *
     * @param clientId the API key the request was made with
     * @return true if the request may proceed, false if it should get HTTP 429
     */
    public boolean tryAcquire(String clientId) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(clientId, id -> new Bucket(capacity, now));
        synchronized (bucket) {
            double elapsedSeconds = (now - bucket.lastRefillMillis) / 1000.0;
            bucket.tokens = Math.min(capacity, bucket.tokens + elapsedSeconds * refillPerSecond);
            bucket.lastRefillMillis = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Whole seconds until the client's next request would be allowed; for the Retry-After header. */
    public long retryAfterSeconds(String clientId) {
        Bucket bucket = buckets.get(clientId);
        if (bucket == null) {
            return 0;
        }
        synchronized (bucket) {
            double missing = 1 - bucket.tokens;
            return missing <= 0 ? 0 : (long) Math.ceil(missing / refillPerSecond);
        }
    }
}
