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
package io.ledgerly.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Job runner used by subscription billing, reminders, webhook delivery, large
 * exports and the retention purge. Jobs are persisted, leased, retried with
 * backoff and dead-lettered; periodic jobs never overlap themselves.
 */
public final class JobScheduler {

    /** A queued job. {@code attempts} counts the runs that have failed so far. */
    public record Job(String id, String type, String organizationId, String payload, int attempts,
                      int maxAttempts, Instant runAt) {
        Job retryAt(Instant next) {
            return new Job(id, type, organizationId, payload, attempts + 1, maxAttempts, next);
        }
    }

    /** A periodic job: either every {@code interval}, or daily at {@code dailyAtUtc}. */
    public record Periodic(String name, Duration interval, LocalTime dailyAtUtc, Runnable body) {
    }

    /** Durable job storage shared by all servers. */
    public interface JobStore {
        void insert(Job job);

        /** Organizations that have jobs ready to run at {@code now}. */
        List<String> organizationsWithReadyJobs(Instant now);

        /** Claims the oldest ready job of an organization for {@code lease}, or empty if another server won. */
        Optional<Job> claim(String organizationId, String workerId, Instant now, Duration lease);

        void complete(String jobId);

        void reschedule(Job job);

        void deadLetter(Job job, String error);
    }

    /** Receives per-type outcomes and durations for dashboards. */
    public interface Metrics {
        void record(String type, boolean success, Duration took);
    }

    static final Duration BASE_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    static final Duration LEASE = Duration.ofMinutes(10);

    private final JobStore store;
    private final Metrics metrics;
    private final Clock clock;
    private final String workerId;
    private final Map<String, Consumer<Job>> handlers = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastPeriodicRun = new ConcurrentHashMap<>();
    private final Set<String> runningPeriodic = ConcurrentHashMap.newKeySet();
    private final List<Periodic> periodic = new ArrayList<>();
    private int cursor;

    public JobScheduler(JobStore store, Metrics metrics, Clock clock, String workerId) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.workerId = workerId;
    }

    /** Registers the code that runs jobs of {@code type}. */
    public void handle(String type, Consumer<Job> handler) {
        handlers.put(type, handler);
    }

    /** Queues a job; it is stored before this method returns. */
    public void enqueue(Job job) {
        if (!handlers.containsKey(job.type())) {
            throw new IllegalArgumentException("No handler for job type " + job.type());
        }
        store.insert(job);
    }

    public void every(String name, Duration interval, Runnable body) {
        periodic.add(new Periodic(name, interval, null, body));
    }

    public void dailyAt(String name, LocalTime utc, Runnable body) {
        periodic.add(new Periodic(name, null, utc, body));
    }

    /**
     * One scheduler tick: starts due periodic jobs, then runs queued jobs one
     * organization at a time until none is ready. Returns the number run.
     */
    public int tick() {
        Instant now = clock.instant();
        for (Periodic p : periodic) {
            if (isDue(p, now) && runningPeriodic.add(p.name())) {
                try {
                    lastPeriodicRun.put(p.name(), now);
                    p.body().run();
                } finally {
                    runningPeriodic.remove(p.name());
                }
            }
        }
        int ran = 0;
        while (true) {
            List<String> orgs = store.organizationsWithReadyJobs(clock.instant());
            if (orgs.isEmpty()) {
                return ran;
            }
            String org = orgs.get(Math.floorMod(cursor++, orgs.size()));
            Optional<Job> job = store.claim(org, workerId, clock.instant(), LEASE);
            if (job.isPresent()) {
                run(job.get());
                ran++;
            }
        }
    }

    void run(Job job) {
        Instant started = clock.instant();
        try {
            handlers.get(job.type()).accept(job);
            store.complete(job.id());
            metrics.record(job.type(), true, Duration.between(started, clock.instant()));
        } catch (RuntimeException e) {
            metrics.record(job.type(), false, Duration.between(started, clock.instant()));
            if (job.attempts() + 1 >= job.maxAttempts()) {
                store.deadLetter(job, e.toString());
            } else {
                store.reschedule(job.retryAt(clock.instant().plus(backoff(job.attempts()))));
            }
        }
    }

    /** Exponential backoff: 30 s, 1 min, 2 min, ... capped at six hours. */
    static Duration backoff(int attempts) {
        Duration d = BASE_BACKOFF.multipliedBy(1L << Math.min(attempts, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    boolean isDue(Periodic p, Instant now) {
        Instant last = lastPeriodicRun.get(p.name());
        if (p.interval() != null) {
            return last == null || !last.plus(p.interval()).isAfter(now);
        }
        ZonedDateTime today = now.atZone(ZoneOffset.UTC).with(p.dailyAtUtc());
        Instant todaysRun = today.toInstant();
        return !now.isBefore(todaysRun) && (last == null || last.isBefore(todaysRun));
    }
}
