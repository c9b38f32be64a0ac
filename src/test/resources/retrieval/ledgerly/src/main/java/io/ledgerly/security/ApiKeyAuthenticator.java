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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer-token authentication for the public API. Browser sessions and single
 * sign-on are handled by the web tier, not here.
 */
public final class ApiKeyAuthenticator {

    /** What a key may do. */
    public enum Role { READ_ONLY, READ_WRITE }

    /** A stored key. The secret itself is never stored, only its salted hash. */
    public record StoredKey(String id, String organizationId, String name, String prefix, byte[] salt, byte[] hash,
                            Role role, LocalDate expiresOn, boolean revoked, Instant lastUsedAt) {
    }

    /** A newly created key, with the full secret to show the user once. */
    public record CreatedKey(StoredKey stored, String secret) {
    }

    /** The identity of an authenticated request. */
    public record Principal(String keyId, String organizationId, String keyPrefix, Role role) {
        public boolean mayWrite() {
            return role == Role.READ_WRITE;
        }
    }

    /** Thrown for any authentication failure; maps to 401. */
    public static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorized(String message) {
            super(message);
        }
    }

    /** Key storage. */
    public interface KeyStore {
        Optional<StoredKey> findByPrefix(String prefix);

        void save(StoredKey key);

        void touchLastUsed(String keyId, Instant at);

        List<StoredKey> unusedSince(Instant cutoff);
    }

    static final String MARKER = "lk_live_";
    static final int PREFIX_LENGTH = 8;
    static final Duration CACHE_TTL = Duration.ofMinutes(1);
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    static final Duration STALE_AFTER = Duration.ofDays(180);

    private record Cached(StoredKey key, Instant loadedAt) {
    }

    private final KeyStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

    public ApiKeyAuthenticator(KeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Creates a key. The returned secret is shown once and cannot be retrieved later. */
    public CreatedKey create(String organizationId, String id, String name, Role role, LocalDate expiresOn) {
        byte[] raw = new byte[30];
        random.nextBytes(raw);
        String secret = MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        StoredKey key = new StoredKey(id, organizationId, name, secret.substring(0, MARKER.length() + PREFIX_LENGTH), salt,
                hash(salt, secret), role, expiresOn, false, null);
        store.save(key);
        return new CreatedKey(key, secret);
    }

    /**
     * Authenticates a request.
     *
     * @param authorizationHeader the Authorization header, expected as {@code Bearer <key>}
     * @param queryString         the raw query string, checked for keys passed in the URL
     */
    public Principal authenticate(String authorizationHeader, String queryString) {
        if (queryString != null && (queryString.contains("api_key=") || queryString.contains("lk_live_"))) {
            throw new Unauthorized("API keys must be sent in the Authorization header, not in the URL");
        }
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
            throw new Unauthorized("Missing bearer token");
        }
        String secret = authorizationHeader.substring("Bearer ".length()).trim();
        if (secret.length() < MARKER.length() + PREFIX_LENGTH) {
            throw new Unauthorized("Malformed API key");
        }
        String prefix = secret.substring(0, MARKER.length() + PREFIX_LENGTH);
        StoredKey key = lookup(prefix).orElseThrow(() -> new Unauthorized("Unknown API key"));
        if (!MessageDigest.isEqual(key.hash(), hash(key.salt(), secret))) {
            throw new Unauthorized("Unknown API key");
        }
        Instant now = clock.instant();
        if (key.revoked()) {
            throw new Unauthorized("This API key has been revoked");
        }
        if (key.expiresOn() != null && !LocalDate.ofInstant(now, clock.getZone()).isBefore(key.expiresOn())) {
            throw new Unauthorized("This API key expired on " + key.expiresOn());
        }
        Instant last = lastTouched.get(key.id());
        if (last == null || Duration.between(last, now).compareTo(LAST_USED_RESOLUTION) >= 0) {
            lastTouched.put(key.id(), now);
            store.touchLastUsed(key.id(), now);
        }
        return new Principal(key.id(), key.organizationId(), key.prefix().substring(MARKER.length()), key.role());
    }

    /** Revokes a key; other servers stop accepting it when their cache entry expires. */
    public void revoke(StoredKey key) {
        store.save(new StoredKey(key.id(), key.organizationId(), key.name(), key.prefix(), key.salt(), key.hash(),
                key.role(), key.expiresOn(), true, key.lastUsedAt()));
        cache.remove(key.prefix());
    }

    /** Keys not used for 180 days, for the monthly notice to owners. */
    public List<StoredKey> staleKeys() {
        return store.unusedSince(clock.instant().minus(STALE_AFTER));
    }

    private Optional<StoredKey> lookup(String prefix) {
        Instant now = clock.instant();
        Cached c = cache.get(prefix);
        if (c != null && Duration.between(c.loadedAt(), now).compareTo(CACHE_TTL) < 0) {
            return Optional.of(c.key());
        }
        Optional<StoredKey> loaded = store.findByPrefix(prefix);
        loaded.ifPresentOrElse(k -> cache.put(prefix, new Cached(k, now)), () -> cache.remove(prefix));
        return loaded;
    }

    static byte[] hash(byte[] salt, String secret) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            return md.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
