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
package io.ledgerly.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server side of the {@code Idempotency-Key} header. {@link #begin} decides
 * whether a request runs, replays a stored response, or is refused (same key
 * with another body, or the first request still running). {@link #complete}
 * keeps the response for 24 hours unless it was a 5xx.
 */
public final class IdempotencyKeyStore {

    static final int MAX_KEY_LENGTH = 255;
    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration IN_FLIGHT_TIMEOUT = Duration.ofMinutes(2);

    /** The response stored for a key. */
    public record StoredResponse(int status, String body) {
    }

    /** What the caller must do with a request. */
    public sealed interface Outcome permits Proceed, Replay, InProgress, BodyMismatch {
    }

    /** First time this key is seen: process the request, then call {@link #complete}. */
    public record Proceed(String scopedKey) implements Outcome {
    }

    /** Seen before and finished: return this response unchanged. */
    public record Replay(StoredResponse response) implements Outcome {
    }

    /** Seen before and still being processed: answer 409 Conflict. */
    public record InProgress() implements Outcome {
    }

    /** Seen before with another body: answer 422 Unprocessable Entity. */
    public record BodyMismatch() implements Outcome {
    }

    private record Record(String bodyHash, Instant startedAt, StoredResponse response) {
    }

    private final Map<String, Record> records = new ConcurrentHashMap<>();
    private final Clock clock;

    public IdempotencyKeyStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Registers the start of a request carrying {@code idempotencyKey} and
     * decides whether it may be processed.
     *
     * @param apiKeyId the API key that sent the request; keys are scoped to it,
     *                 so two integrations cannot collide on the same value
     */
    public Outcome begin(String apiKeyId, String idempotencyKey, String requestBody) {
        validate(idempotencyKey);
        String scoped = apiKeyId + ":" + idempotencyKey;
        String bodyHash = sha256(requestBody == null ? "" : requestBody);
        Instant now = clock.instant();
        Record fresh = new Record(bodyHash, now, null);

        Record existing = records.putIfAbsent(scoped, fresh);
        if (existing == null) {
            return new Proceed(scoped);
        }
        if (isExpired(existing, now)) {
            records.replace(scoped, existing, fresh);
            return new Proceed(scoped);
        }
        if (!existing.bodyHash().equals(bodyHash)) {
            return new BodyMismatch();
        }
        if (existing.response() == null) {
            if (existing.startedAt().plus(IN_FLIGHT_TIMEOUT).isBefore(now)) {
                // The first attempt died without completing; let this one take over.
                records.replace(scoped, existing, fresh);
                return new Proceed(scoped);
            }
            return new InProgress();
        }
        return new Replay(existing.response());
    }

    /**
     * Stores the response of a processed request. Server errors are not kept:
     * the key is released so that a retry is processed again.
     */
    public void complete(String scopedKey, int status, String body) {
        if (status >= 500) {
            records.remove(scopedKey);
            return;
        }
        records.computeIfPresent(scopedKey,
                (k, r) -> new Record(r.bodyHash(), r.startedAt(), new StoredResponse(status, body)));
    }

    /** Releases a key whose request failed before producing any response. */
    public void abandon(String scopedKey) {
        records.remove(scopedKey);
    }

    /** Removes records older than the retention period; run by the hourly cleanup job. */
    public int purgeExpired() {
        Instant now = clock.instant();
        int before = records.size();
        records.entrySet().removeIf(e -> isExpired(e.getValue(), now));
        return before - records.size();
    }

    private static boolean isExpired(Record r, Instant now) {
        return r.startedAt().plus(RETENTION).isBefore(now);
    }

    static void validate(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Idempotency-Key must not be empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Idempotency-Key is longer than " + MAX_KEY_LENGTH + " characters");
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
