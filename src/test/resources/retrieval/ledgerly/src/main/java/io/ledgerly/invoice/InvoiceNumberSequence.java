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
package io.ledgerly.invoice;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands out numbers like {@code INV-2025-00042} from a series. A number is
 * reserved under a per-series lock and committed together with the issue; if the
 * caller fails before {@link Reservation#commit()}, the counter does not move,
 * so the sequence has no holes. Series with a year restart at 1 in January.
 */
public final class InvoiceNumberSequence {

    /** The format of one series. Changing it affects only later numbers. */
    public record Series(String id, String organizationId, String prefix, boolean includeYear, int padding) {
        public Series {
            Objects.requireNonNull(prefix);
            if (padding < 1 || padding > 10) {
                throw new IllegalArgumentException("Padding must be between 1 and 10");
            }
        }
    }

    /** The persisted counter of a series: the year it belongs to and the last value used. */
    public record Counter(int year, long lastValue) {
    }

    /** Durable storage of counters, written in the same transaction as the invoice. */
    public interface CounterStore {
        Counter load(String seriesId);

        void store(String seriesId, Counter counter);
    }

    /** A number reserved for one issue, to be committed or released by the caller. */
    public final class Reservation implements AutoCloseable {
        private final Series series;
        private final Counter next;
        private final String number;
        private boolean committed;

        private Reservation(Series series, Counter next, String number) {
            this.series = series;
            this.next = next;
            this.number = number;
        }

        public String number() {
            return number;
        }

        /** Makes the number permanent; call only once the invoice is issued. */
        public void commit() {
            store.store(series.id(), next);
            committed = true;
        }

        /** Releases the series lock; an uncommitted number is given back. */
        @Override
        public void close() {
            lockFor(series.id()).unlock();
            if (!committed) {
                reservedUncommitted++;
            }
        }
    }

    private final CounterStore store;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private volatile long reservedUncommitted;

    public InvoiceNumberSequence(CounterStore store) {
        this.store = Objects.requireNonNull(store);
    }

    /**
     * Reserves the next number of {@code series} for an invoice issued on
     * {@code issueDate} (a date in the organization's time zone). The series
     * stays locked until the reservation is closed, so two invoices issued at
     * the same moment can never receive the same number.
     */
    public Reservation reserve(Series series, LocalDate issueDate) {
        ReentrantLock lock = lockFor(series.id());
        lock.lock();
        try {
            Counter current = store.load(series.id());
            Counter next = nextCounter(series, current, issueDate);
            return new Reservation(series, next, format(series, next));
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /** The counter after {@code current}, restarting at one in a new year when the series has a year. */
    static Counter nextCounter(Series series, Counter current, LocalDate issueDate) {
        int year = issueDate.getYear();
        if (current == null) {
            return new Counter(year, 1);
        }
        if (series.includeYear() && year > current.year()) {
            return new Counter(year, 1);
        }
        if (year < current.year() && series.includeYear()) {
            throw new IllegalStateException("Cannot issue into " + year + " after numbers of "
                    + current.year() + " were allocated in series " + series.id());
        }
        return new Counter(Math.max(year, current.year()), current.lastValue() + 1);
    }

    /** Formats a counter as the series prescribes, e.g. {@code INV-2025-00042}. */
    static String format(Series series, Counter counter) {
        String digits = String.format("%0" + series.padding() + "d", counter.lastValue());
        StringBuilder sb = new StringBuilder(series.prefix());
        if (!series.prefix().isEmpty() && !series.prefix().endsWith("-")) {
            sb.append('-');
        }
        if (series.includeYear()) {
            sb.append(counter.year()).append('-');
        }
        return sb.append(digits).toString();
    }

    /** How many reservations were released without being used; for monitoring gaps. */
    public long releasedReservations() {
        return reservedUncommitted;
    }

    private ReentrantLock lockFor(String seriesId) {
        return locks.computeIfAbsent(seriesId, k -> new ReentrantLock(true));
    }
}
