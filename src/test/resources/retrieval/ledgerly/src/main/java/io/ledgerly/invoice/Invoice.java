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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Invoice aggregate root. Amounts are in minor units of {@link #currency()} and
 * are only ever set by {@link LineItemCalculator}.
 */
public final class Invoice {

    /** The states of an invoice, with the transitions allowed out of each. */
    public enum Status {
        DRAFT, OPEN, PARTIALLY_PAID, PAID, VOID, UNCOLLECTIBLE;

        private static final Map<Status, Set<Status>> ALLOWED = Map.of(
                DRAFT, EnumSet.of(OPEN, PAID),
                OPEN, EnumSet.of(PARTIALLY_PAID, PAID, VOID, UNCOLLECTIBLE),
                PARTIALLY_PAID, EnumSet.of(PAID, OPEN, UNCOLLECTIBLE),
                PAID, EnumSet.of(PARTIALLY_PAID, OPEN),
                VOID, EnumSet.noneOf(Status.class),
                UNCOLLECTIBLE, EnumSet.of(OPEN));

        /** Whether an invoice in this state may move to {@code next}. */
        public boolean canMoveTo(Status next) {
            return ALLOWED.get(this).contains(next);
        }

        /** Whether money is still expected for an invoice in this state. */
        public boolean isCollectible() {
            return this == OPEN || this == PARTIALLY_PAID;
        }
    }

    /** One line of an invoice, with the amount computed by the calculator. */
    public record LineItem(String description, java.math.BigDecimal quantity,
                           long unitPriceMinor, java.math.BigDecimal discountPercent,
                           long discountMinor, String taxCategory, long amountMinor) {
    }

    /** A tax line: the tax charged at one rate over the lines that carry it. */
    public record TaxLine(String rateCode, java.math.BigDecimal ratePercent,
                          long baseMinor, long taxMinor, String notice) {
    }

    /** One recorded change of state, kept for the invoice history. */
    public record Transition(Status from, Status to, String actor, String reason, Instant at) {
    }

    /** Loads and stores invoices; every lookup is scoped to one organization. */
    public interface Repository {
        Optional<Invoice> find(String organizationId, String invoiceId);

        /** Saves the invoice if its version is still {@code expectedVersion}. */
        boolean saveIfVersion(Invoice invoice, long expectedVersion);

        void insert(Invoice invoice);
    }

    /** Receives the domain events an invoice change produces. */
    public interface EventSink {
        void publish(String eventType, Invoice invoice);
    }

    private final String id;
    private final String organizationId;
    private String customerId;
    private String number;
    private Status status = Status.DRAFT;
    private String currency;
    private String language;
    private LocalDate issueDate;
    private LocalDate dueDate;
    private String purchaseOrderReference;
    private String memo;
    private String internalNotes;
    private List<LineItem> lines = new ArrayList<>();
    private List<TaxLine> taxLines = new ArrayList<>();
    private long subtotalMinor;
    private long taxMinor;
    private long totalMinor;
    private long paidMinor;
    private long creditedMinor;
    private long version;
    private final List<Transition> history = new ArrayList<>();

    public Invoice(String id, String organizationId, String customerId, String currency) {
        this.id = Objects.requireNonNull(id);
        this.organizationId = Objects.requireNonNull(organizationId);
        this.customerId = Objects.requireNonNull(customerId);
        this.currency = Objects.requireNonNull(currency);
    }

    /**
     * Moves the invoice to {@code next}, recording who did it and why.
     *
     * @throws IllegalStateException naming the current state when the
     *                               transition is not allowed
     */
    public void transitionTo(Status next, String actor, String reason, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("Invoice " + displayName() + " is " + status
                    + " and cannot become " + next);
        }
        history.add(new Transition(status, next, actor, reason, at));
        status = next;
    }

    /**
     * Whether the invoice is overdue on {@code today}, the current date in the
     * organization's time zone: it is still collectible and its due date has
     * passed.
     */
    public boolean isOverdue(LocalDate today) {
        return status.isCollectible() && dueDate != null && dueDate.isBefore(today);
    }

    /** What the customer still owes: the total less payments and credit notes. */
    public long amountDueMinor() {
        return Math.max(0, totalMinor - paidMinor - creditedMinor);
    }

    /**
     * Re-derives the payment state from the amount due after a payment, a
     * refund or a credit note has changed it.
     */
    public void settle(String actor, String reason, Instant at) {
        if (status == Status.DRAFT || status == Status.VOID) {
            return;
        }
        Status next;
        if (amountDueMinor() == 0) {
            next = Status.PAID;
        } else if (paidMinor + creditedMinor > 0) {
            next = Status.PARTIALLY_PAID;
        } else {
            next = Status.OPEN;
        }
        if (next != status) {
            transitionTo(next, actor, reason, at);
        }
    }

    public String displayName() {
        return number != null ? number : "draft " + id;
    }

    public boolean isDraft() {
        return status == Status.DRAFT;
    }

    public String id() { return id; }
    public String organizationId() { return organizationId; }
    public String customerId() { return customerId; }
    public String number() { return number; }
    public Status status() { return status; }
    public String currency() { return currency; }
    public String language() { return language; }
    public LocalDate issueDate() { return issueDate; }
    public LocalDate dueDate() { return dueDate; }
    public String purchaseOrderReference() { return purchaseOrderReference; }
    public String memo() { return memo; }
    public String internalNotes() { return internalNotes; }
    public List<LineItem> lines() { return Collections.unmodifiableList(lines); }
    public List<TaxLine> taxLines() { return Collections.unmodifiableList(taxLines); }
    public long subtotalMinor() { return subtotalMinor; }
    public long taxMinor() { return taxMinor; }
    public long totalMinor() { return totalMinor; }
    public long paidMinor() { return paidMinor; }
    public long creditedMinor() { return creditedMinor; }
    public long version() { return version; }
    public List<Transition> history() { return Collections.unmodifiableList(history); }

    void setCustomerId(String customerId) { this.customerId = customerId; }
    void setNumber(String number) { this.number = number; }
    void setCurrency(String currency) { this.currency = currency; }
    void setLanguage(String language) { this.language = language; }
    void setIssueDate(LocalDate issueDate) { this.issueDate = issueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public void setPurchaseOrderReference(String ref) { this.purchaseOrderReference = ref; }
    public void setMemo(String memo) { this.memo = memo; }
    public void setInternalNotes(String notes) { this.internalNotes = notes; }
    void setVersion(long version) { this.version = version; }

    /** Replaces lines and totals; only the calculator's result is accepted. */
    void applyTotals(LineItemCalculator.Totals totals) {
        this.lines = new ArrayList<>(totals.lines());
        this.taxLines = new ArrayList<>(totals.taxLines());
        this.subtotalMinor = totals.subtotalMinor();
        this.taxMinor = totals.taxMinor();
        this.totalMinor = totals.totalMinor();
    }

    /** Adds (or, with a negative amount, removes) money paid against the invoice. */
    public void addPaid(long amountMinor) {
        this.paidMinor += amountMinor;
    }

    /** Adds the amount of a credit note applied to the invoice. */
    public void addCredited(long amountMinor) {
        this.creditedMinor += amountMinor;
    }
}
