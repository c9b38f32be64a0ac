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
package io.ledgerly.privacy;

import io.ledgerly.jobs.JobScheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nightly purge job. Erasing one customer on request is
 * {@link ErasureService}'s job, not this one's.
 */
public final class RetentionPolicyJob {

    /** The kinds of data with a retention period of their own. */
    public enum Kind {
        ISSUED_DOCUMENTS(Period.ofYears(10)),
        UNISSUED_DRAFTS(Period.ofMonths(12)),
        INBOUND_WEBHOOK_PAYLOADS(Period.ofDays(30)),
        OUTBOUND_DELIVERY_ATTEMPTS(Period.ofDays(90)),
        EMAIL_BODIES(Period.ofMonths(12)),
        EXPORT_FILES(Period.ofDays(7)),
        APPLICATION_LOGS(Period.ofDays(30));

        final Period defaultRetention;

        Kind(Period defaultRetention) {
            this.defaultRetention = defaultRetention;
        }
    }

    /** An organization's retention situation. */
    public record Policy(String organizationId, String country, Optional<Period> issuedDocumentsOverride,
                         boolean legalHold, Optional<Instant> closedAt) {
    }

    /** Deletion per kind, in batches, plus the records of what was done. */
    public interface Purger {
        List<Policy> organizations();

        /** Deletes at most {@code batchSize} records of {@code kind} older than {@code cutoff}; returns how many. */
        int deleteBatch(String organizationId, Kind kind, Instant cutoff, int batchSize);

        /** Deletes everything of a closed organization that no law requires us to keep. */
        int deleteClosedAccountBatch(String organizationId, int batchSize);

        void recordRun(String organizationId, Map<Kind, Integer> removed, Instant at);
    }

    /** The legal minimum retention of issued documents per country. */
    static final Map<String, Period> STATUTORY = Map.of(
            "DE", Period.ofYears(10), "FR", Period.ofYears(10), "NL", Period.ofYears(7),
            "ES", Period.ofYears(6), "IT", Period.ofYears(10), "AT", Period.ofYears(7),
            "BE", Period.ofYears(7), "IE", Period.ofYears(6), "GB", Period.ofYears(6));

    static final int BATCH_SIZE = 500;
    static final Period CLOSED_ACCOUNT_GRACE = Period.ofDays(90);

    private final Purger purger;
    private final Clock clock;

    public RetentionPolicyJob(Purger purger, Clock clock) {
        this.purger = purger;
        this.clock = clock;
    }

    /** Schedules the nightly run at 02:30 UTC. */
    public void register(JobScheduler scheduler) {
        scheduler.dailyAt("retention-purge", LocalTime.of(2, 30), this::run);
    }

    /** Runs the purge for every organization that is not under legal hold. */
    public void run() {
        Instant now = clock.instant();
        for (Policy policy : purger.organizations()) {
            if (policy.legalHold()) {
                continue;
            }
            Map<Kind, Integer> removed = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                Instant cutoff = now.atZone(ZoneOffset.UTC).minus(retention(policy, kind)).toInstant();
                int total = 0;
                int n;
                do {
                    n = purger.deleteBatch(policy.organizationId(), kind, cutoff, BATCH_SIZE);
                    total += n;
                } while (n == BATCH_SIZE);
                if (total > 0) {
                    removed.put(kind, total);
                }
            }
            if (policy.closedAt().isPresent()
                    && policy.closedAt().get().atZone(ZoneOffset.UTC).plus(CLOSED_ACCOUNT_GRACE).toInstant().isBefore(now)) {
                int n;
                int total = 0;
                do {
                    n = purger.deleteClosedAccountBatch(policy.organizationId(), BATCH_SIZE);
                    total += n;
                } while (n == BATCH_SIZE);
                removed.merge(Kind.UNISSUED_DRAFTS, total, Integer::sum);
            }
            purger.recordRun(policy.organizationId(), removed, now);
        }
    }

    /**
     * The retention period of {@code kind} for an organization: the default, or
     * for issued documents the organization's longer setting, never below the
     * statutory minimum of its country.
     */
    static Period retention(Policy policy, Kind kind) {
        if (kind != Kind.ISSUED_DOCUMENTS) {
            return kind.defaultRetention;
        }
        Period minimum = STATUTORY.getOrDefault(policy.country(), Kind.ISSUED_DOCUMENTS.defaultRetention);
        Period chosen = policy.issuedDocumentsOverride().orElse(Kind.ISSUED_DOCUMENTS.defaultRetention);
        return toDays(chosen) < toDays(minimum) ? minimum : chosen;
    }

    /** Validates an organization's requested retention for issued documents. */
    public static void validateOverride(String country, Period requested) {
        Period minimum = STATUTORY.getOrDefault(country, Kind.ISSUED_DOCUMENTS.defaultRetention);
        if (toDays(requested) < toDays(minimum)) {
            throw new IllegalArgumentException("Issued documents must be kept at least " + minimum.getYears()
                    + " years in " + country);
        }
    }

    private static long toDays(Period p) {
        return Duration.ofDays(p.getYears() * 366L + p.getMonths() * 31L + p.getDays()).toDays();
    }
}
