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
package org.acme.shop;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Password reset by email link: issues single-use tokens that expire, and
 * redeems them.
 */
public final class PasswordReset {

    /** How long a reset link stays valid. */
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    private record Pending(String accountId, Instant expiresAt) { }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new HashMap<>();
    private final Clock clock;
    private final String baseUrl;

    public PasswordReset(Clock clock, String baseUrl) {
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /**
     * Issues a new token for the account and returns the link to email to the
     * customer. Earlier tokens of the same account stay valid.
     */
    public String requestReset(String accountId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(token, new Pending(accountId, clock.instant().plus(TOKEN_LIFETIME)));
        return baseUrl + "/account/reset?token=" + token;
    }

    /**
     * Redeems a token: returns the account it was issued for if it exists and
     * has not expired. A token can be used once.
     */
    public Optional<String> redeem(String token) {
        Pending p = pending.remove(token);
        if (p == null || clock.instant().isAfter(p.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(p.accountId());
    }
}
