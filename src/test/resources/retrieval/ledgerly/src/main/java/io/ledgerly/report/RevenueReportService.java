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
package io.ledgerly.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the dashboard figures from monthly aggregates: invoiced (net of credit
 * notes), collected (net of refunds), outstanding and overdue, with the
 * year-earlier comparison, a twelve-month series and MRR. Results are cached per
 * organization for fifteen minutes and carry their timestamp.
 */
public final class RevenueReportService {

    /** Monthly totals in minor units of the base currency. */
    public record MonthTotals(YearMonth month, long invoicedMinor, long creditedMinor, long collectedMinor,
                              long refundedMinor) {
        long netInvoiced() {
            return invoicedMinor - creditedMinor;
        }

        long netCollected() {
            return collectedMinor - refundedMinor;
        }
    }

    /** The figures of one period. */
    public record Figures(long invoicedMinor, long collectedMinor, long outstandingMinor, long overdueMinor) {
    }

    /** Everything the dashboard shows, with the time it was computed. */
    public record Dashboard(String baseCurrency, LocalDate from, LocalDate to, Figures current, Figures yearEarlier,
                            List<MonthTotals> lastTwelveMonths, long monthlyRecurringRevenueMinor,
                            Instant computedAt) {
        public Duration age(Instant now) {
            return Duration.between(computedAt, now);
        }
    }

    /** An active subscription's price per billing interval, in the base currency. */
    public record RecurringPrice(String interval, long amountMinor) {
    }

    /** The aggregates the dashboard is built from; maintained by the reporting pipeline. */
    public interface Aggregates {
        String baseCurrency(String organizationId);

        List<MonthTotals> months(String organizationId, YearMonth from, YearMonth to);

        /** Amount due of collectible invoices as of a date, split into total and overdue. */
        long[] outstandingAndOverdue(String organizationId, LocalDate asOf);

        List<RecurringPrice> activeSubscriptions(String organizationId);
    }

    static final Duration MAX_AGE = Duration.ofMinutes(15);

    private record CacheKey(String organizationId, LocalDate from, LocalDate to) {
    }

    private final Aggregates aggregates;
    private final Clock clock;
    private final Map<CacheKey, Dashboard> cache = new ConcurrentHashMap<>();

    public RevenueReportService(Aggregates aggregates, Clock clock) {
        this.aggregates = aggregates;
        this.clock = clock;
    }

    /** The dashboard for a period of whole months, from the cache if it is fresh enough. */
    public Dashboard dashboard(String organizationId, LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        CacheKey key = new CacheKey(organizationId, from, to);
        Dashboard cached = cache.get(key);
        if (cached != null && cached.age(now).compareTo(MAX_AGE) < 0) {
            return cached;
        }
        Dashboard fresh = compute(organizationId, from, to, now);
        cache.put(key, fresh);
        return fresh;
    }

    Dashboard compute(String organizationId, LocalDate from, LocalDate to, Instant now) {
        Figures current = figures(organizationId, from, to);
        Figures earlier = figures(organizationId, from.minusYears(1), to.minusYears(1));
        YearMonth last = YearMonth.from(to);
        List<MonthTotals> chart = fillMonths(aggregates.months(organizationId, last.minusMonths(11), last),
                last.minusMonths(11), last);
        return new Dashboard(aggregates.baseCurrency(organizationId), from, to, current, earlier, chart,
                monthlyRecurringRevenue(aggregates.activeSubscriptions(organizationId)), now);
    }

    private Figures figures(String organizationId, LocalDate from, LocalDate to) {
        long invoiced = 0;
        long collected = 0;
        for (MonthTotals m : aggregates.months(organizationId, YearMonth.from(from), YearMonth.from(to))) {
            invoiced += m.netInvoiced();
            collected += m.netCollected();
        }
        long[] due = aggregates.outstandingAndOverdue(organizationId, to);
        return new Figures(invoiced, collected, due[0], due[1]);
    }

    /** Inserts empty months so the chart always has twelve bars. */
    static List<MonthTotals> fillMonths(List<MonthTotals> known, YearMonth first, YearMonth last) {
        Map<YearMonth, MonthTotals> byMonth = new ConcurrentHashMap<>();
        known.forEach(m -> byMonth.put(m.month(), m));
        List<MonthTotals> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(byMonth.getOrDefault(m, new MonthTotals(m, 0, 0, 0, 0)));
        }
        return out;
    }

    /** Monthly recurring revenue: yearly prices divided by twelve, quarterly by three, weekly times 52/12. */
    static long monthlyRecurringRevenue(List<RecurringPrice> prices) {
        long mrr = 0;
        for (RecurringPrice p : prices) {
            mrr += switch (p.interval()) {
                case "WEEKLY" -> Math.round(p.amountMinor() * 52 / 12.0);
                case "MONTHLY" -> p.amountMinor();
                case "QUARTERLY" -> Math.round(p.amountMinor() / 3.0);
                case "YEARLY" -> Math.round(p.amountMinor() / 12.0);
                default -> throw new IllegalArgumentException("Unknown interval " + p.interval());
            };
        }
        return mrr;
    }
}
