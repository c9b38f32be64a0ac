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
package io.ledgerly.subscription;

import io.ledgerly.invoice.InvoiceCreateHandler;
import io.ledgerly.invoice.InvoiceNumberSequence;
import io.ledgerly.invoice.LineItemCalculator;
import io.ledgerly.jobs.JobScheduler;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Scheduled through {@link JobScheduler}; creates invoices through
 * {@link InvoiceCreateHandler}.
 */
public final class SubscriptionBillingJob {

    /** How often a subscription bills. */
    public enum Interval { WEEKLY, MONTHLY, QUARTERLY, YEARLY }

    /** Whether a subscription bills. */
    public enum Status { ACTIVE, PAUSED, CANCELLED }

    /** One priced item of a subscription. */
    public record Item(String description, long unitPriceMinor, BigDecimal quantity, String taxCategory) {
    }

    /** A subscription, with the index of the last period that was billed (-1 for none). */
    public record Subscription(String id, String organizationId, String customerId, String currency,
                               List<Item> items, Interval interval, LocalDate anchor, Status status,
                               boolean hasPaymentMethod, int lastBilledPeriod) {
    }

    /** Reads subscriptions and records billing progress. */
    public interface Subscriptions {
        List<Subscription> active();

        void markBilled(String subscriptionId, int periodIndex, String invoiceId);
    }

    /** Charges a stored payment method; returns false when the provider declines. */
    public interface Charger {
        boolean charge(String organizationId, String customerId, String invoiceId);
    }

    private final Subscriptions subscriptions;
    private final InvoiceCreateHandler invoices;
    private final Charger charger;
    private final Function<String, InvoiceNumberSequence.Series> seriesForOrganization;
    private final Function<String, LocalDate> todayForOrganization;

    public SubscriptionBillingJob(Subscriptions subscriptions, InvoiceCreateHandler invoices, Charger charger,
                                  Function<String, InvoiceNumberSequence.Series> seriesForOrganization,
                                  Function<String, LocalDate> todayForOrganization) {
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.charger = charger;
        this.seriesForOrganization = seriesForOrganization;
        this.todayForOrganization = todayForOrganization;
    }

    /** Registers the hourly run with the scheduler. */
    public void register(JobScheduler scheduler) {
        scheduler.every("subscription-billing", Duration.ofHours(1), this::run);
    }

    /** Bills every period that is due for every active subscription. Returns the number of invoices. */
    public int run() {
        int created = 0;
        for (Subscription s : subscriptions.active()) {
            if (s.status() != Status.ACTIVE) {
                continue;
            }
            LocalDate today = todayForOrganization.apply(s.organizationId());
            int period = s.lastBilledPeriod() + 1;
            while (!billingDate(s.anchor(), s.interval(), period).isAfter(today)) {
                String invoiceId = bill(s, period);
                subscriptions.markBilled(s.id(), period, invoiceId);
                if (s.hasPaymentMethod()) {
                    charger.charge(s.organizationId(), s.customerId(), invoiceId);
                }
                created++;
                period++;
            }
        }
        return created;
    }

    private String bill(Subscription s, int period) {
        LocalDate start = billingDate(s.anchor(), s.interval(), period);
        LocalDate end = billingDate(s.anchor(), s.interval(), period + 1);
        List<LineItemCalculator.LineInput> lines = new ArrayList<>();
        for (Item item : s.items()) {
            lines.add(new LineItemCalculator.LineInput(item.description() + " (" + start + " – " + end.minusDays(1) + ")",
                    item.quantity(), item.unitPriceMinor(), null, 0, item.taxCategory()));
        }
        String key = "subscription:" + s.id() + ":" + start;
        InvoiceCreateHandler.Command cmd = new InvoiceCreateHandler.Command(s.organizationId(),
                "system:subscription-billing", InvoiceCreateHandler.Source.SUBSCRIPTION, s.customerId(),
                s.currency(), null, start, null, lines, 0, null, true, key, "system", key);
        return invoices.handle(cmd, seriesForOrganization.apply(s.organizationId()));
    }

    /**
     * The billing date of period {@code index} (0 is the anchor itself),
     * always counted from the anchor so that month-end anchors stay at month end.
     */
    static LocalDate billingDate(LocalDate anchor, Interval interval, int index) {
        return switch (interval) {
            case WEEKLY -> anchor.plusWeeks(index);
            case MONTHLY -> anchor.plusMonths(index);
            case QUARTERLY -> anchor.plusMonths(3L * index);
            case YEARLY -> anchor.plusYears(index);
        };
    }
}
