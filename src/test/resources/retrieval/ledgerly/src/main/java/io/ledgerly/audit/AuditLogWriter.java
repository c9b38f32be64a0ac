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
package io.ledgerly.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Append-only audit trail. Each entry records the actor, organization, object,
 * action and field-level old and new values, and is chained to the previous
 * entry of the organization by a SHA-256 hash, which {@link #verifyChain}
 * checks. Secret-looking fields, API keys and card numbers are masked first.
 */
public final class AuditLogWriter {

    /** One changed field. Values are strings as shown to people, or null. */
    public record Change(String field, String oldValue, String newValue) {
    }

    /** A written entry, including its position in the organization's hash chain. */
    public record Entry(long sequence, Instant at, String organizationId, String actor,
                        String objectType, String objectId, String action, List<Change> changes,
                        String previousHash, String hash) {
    }

    /** Append-only storage of entries. */
    public interface Sink {
        Optional<Entry> last(String organizationId);

        void append(Entry entry);

        List<Entry> all(String organizationId);
    }

    private static final Set<String> SECRET_FIELDS = Set.of("secret", "signingsecret", "password",
            "apikey", "token", "cardnumber", "cvc");
    private static final Pattern API_KEY = Pattern.compile("lk_(live|test)_[A-Za-z0-9]{24,}");
    private static final Pattern CARD_NUMBER = Pattern.compile("\\b(?:\\d[ -]?){13,19}\\b");
    private static final String GENESIS = "0".repeat(64);

    private final Sink sink;
    private final Clock clock;

    public AuditLogWriter(Sink sink, Clock clock) {
        this.sink = Objects.requireNonNull(sink);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Appends an entry to the organization's audit log and returns it.
     * Writes are serialized per organization so that the chain is linear.
     */
    public synchronized Entry record(String organizationId, String actor, String objectType,
                                     String objectId, String action, List<Change> changes) {
        List<Change> safe = new ArrayList<>(changes.size());
        for (Change c : changes) {
            safe.add(mask(c));
        }
        Optional<Entry> previous = sink.last(organizationId);
        long sequence = previous.map(e -> e.sequence() + 1).orElse(1L);
        String previousHash = previous.map(Entry::hash).orElse(GENESIS);
        Instant at = clock.instant();
        String hash = hash(previousHash, sequence, at, organizationId, actor, objectType, objectId, action, safe);
        Entry entry = new Entry(sequence, at, organizationId, actor, objectType, objectId, action,
                List.copyOf(safe), previousHash, hash);
        sink.append(entry);
        return entry;
    }

    /** Shorthand for an entry without field changes, such as a login or a void. */
    public Entry record(String organizationId, String actor, String objectType, String objectId, String action) {
        return record(organizationId, actor, objectType, objectId, action, List.of());
    }

    /** Builds a change from any two values, or returns null if they are equal. */
    public static Change change(String field, Object oldValue, Object newValue) {
        if (Objects.equals(oldValue, newValue)) {
            return null;
        }
        return new Change(field, oldValue == null ? null : oldValue.toString(),
                newValue == null ? null : newValue.toString());
    }

    /**
     * Recomputes the chain of an organization and returns the sequence number
     * of the first entry whose hash does not match, or empty if the log is intact.
     */
    public Optional<Long> verifyChain(String organizationId) {
        String previous = GENESIS;
        for (Entry e : sink.all(organizationId)) {
            String expected = hash(previous, e.sequence(), e.at(), e.organizationId(), e.actor(),
                    e.objectType(), e.objectId(), e.action(), e.changes());
            if (!e.previousHash().equals(previous) || !e.hash().equals(expected)) {
                return Optional.of(e.sequence());
            }
            previous = e.hash();
        }
        return Optional.empty();
    }

    static Change mask(Change c) {
        String key = c.field().toLowerCase().replace("_", "").replace("-", "");
        if (SECRET_FIELDS.contains(key)) {
            return new Change(c.field(), c.oldValue() == null ? null : "***", c.newValue() == null ? null : "***");
        }
        return new Change(c.field(), scrub(c.oldValue()), scrub(c.newValue()));
    }

    static String scrub(String value) {
        if (value == null) {
            return null;
        }
        String out = API_KEY.matcher(value).replaceAll(m -> m.group().substring(0, 8) + "…");
        return CARD_NUMBER.matcher(out).replaceAll("[card]");
    }

    private static String hash(String previousHash, long sequence, Instant at, String org, String actor,
                               String type, String id, String action, List<Change> changes) {
        StringBuilder sb = new StringBuilder()
                .append(previousHash).append('|').append(sequence).append('|').append(at)
                .append('|').append(org).append('|').append(actor).append('|').append(type)
                .append('|').append(id).append('|').append(action);
        for (Change c : changes) {
            sb.append('|').append(c.field()).append('=').append(c.oldValue()).append("->").append(c.newValue());
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
