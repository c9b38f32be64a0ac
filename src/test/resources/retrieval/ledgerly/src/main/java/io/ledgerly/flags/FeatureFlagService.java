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
package io.ledgerly.flags;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates feature flags per organization: explicit override, then a stable
 * hash-based percentage rollout, then the default. Definitions are reloaded
 * every 30 seconds. {@link #wasEnabled} replays a flag's history for code that
 * must reproduce an earlier result, and {@link #expired} lists stale flags.
 */
public final class FeatureFlagService {

    /** A flag definition. {@code rolloutPercent} is between 0 and 100. */
    public record Flag(String name, boolean defaultOn, int rolloutPercent, Map<String, Boolean> overrides,
                       String owner, LocalDate expiresOn, List<Change> history) {
        public Flag {
            if (rolloutPercent < 0 || rolloutPercent > 100) {
                throw new IllegalArgumentException("Rollout must be between 0 and 100 percent");
            }
            overrides = Map.copyOf(overrides);
            history = List.copyOf(history);
        }
    }

    /** A past state of a flag, so that decisions can be replayed as of a time. */
    public record Change(Instant at, boolean defaultOn, int rolloutPercent, Map<String, Boolean> overrides) {
    }

    /** Where flag definitions are stored and edited. */
    public interface Definitions {
        Map<String, Flag> loadAll();
    }

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final Definitions definitions;
    private final Clock clock;
    private volatile Map<String, Flag> flags = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    public FeatureFlagService(Definitions definitions, Clock clock) {
        this.definitions = definitions;
        this.clock = clock;
    }

    /** Whether {@code flagName} is on for the organization now. Unknown flags are off. */
    public boolean isEnabled(String flagName, String organizationId) {
        Flag flag = current().get(flagName);
        if (flag == null) {
            return false;
        }
        return evaluate(flag.name(), flag.defaultOn(), flag.rolloutPercent(), flag.overrides(), organizationId);
    }

    /**
     * Whether the flag was on for the organization at {@code asOf}; used for
     * anything that recomputes an issued invoice, which must not change when a
     * flag does.
     */
    public boolean wasEnabled(String flagName, String organizationId, Instant asOf) {
        Flag flag = current().get(flagName);
        if (flag == null) {
            return false;
        }
        Optional<Change> state = flag.history().stream()
                .filter(c -> !c.at().isAfter(asOf))
                .reduce((a, b) -> b);
        return state.map(c -> evaluate(flag.name(), c.defaultOn(), c.rolloutPercent(), c.overrides(), organizationId))
                .orElse(false);
    }

    /** Flags whose expiry date has passed, for the weekly report to their owners. */
    public List<Flag> expired(LocalDate today) {
        List<Flag> out = new ArrayList<>();
        for (Flag f : current().values()) {
            if (f.expiresOn() != null && f.expiresOn().isBefore(today)) {
                out.add(f);
            }
        }
        out.sort((a, b) -> a.expiresOn().compareTo(b.expiresOn()));
        return out;
    }

    static boolean evaluate(String name, boolean defaultOn, int rolloutPercent, Map<String, Boolean> overrides,
                            String organizationId) {
        Boolean explicit = overrides.get(organizationId);
        if (explicit != null) {
            return explicit;
        }
        if (rolloutPercent > 0) {
            return bucket(name, organizationId) < rolloutPercent;
        }
        return defaultOn;
    }

    /** A stable number from 0 to 99 for a flag and an organization. */
    static int bucket(String flagName, String organizationId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((flagName + ":" + organizationId).getBytes(StandardCharsets.UTF_8));
            int v = ((d[0] & 0xff) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
            return Math.floorMod(v, 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Flag> current() {
        Instant now = clock.instant();
        if (Duration.between(loadedAt, now).compareTo(REFRESH) >= 0) {
            synchronized (this) {
                if (Duration.between(loadedAt, now).compareTo(REFRESH) >= 0) {
                    flags = Map.copyOf(definitions.loadAll());
                    loadedAt = now;
                }
            }
        }
        return flags;
    }
}
