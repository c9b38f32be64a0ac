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

import io.ledgerly.api.IdempotencyKeyStore;
import io.ledgerly.audit.AuditLogWriter;
import io.ledgerly.org.OrganizationSettingsService;
import io.ledgerly.tax.TaxRuleEngine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Command handler behind {@code POST /invoices}, "duplicate" in the web app, and
 * the subscription biller. Fills defaults from the customer and the
 * organization, limits how far back the issue date may go, computes totals, and
 * optionally issues in the same transaction. Honours {@code Idempotency-Key}.
 */
public final class InvoiceCreateHandler {

    /** Where a create request came from; it decides how far back a draft may be dated. */
    public enum Source { WEB, API, SUBSCRIPTION, DUPLICATE }

    /** A request to create an invoice. Null fields take their defaults. */
    public record Command(String organizationId, String actor, Source source, String customerId,
                          String currency, String language, LocalDate issueDate, Integer paymentTermsDays,
                          List<LineItemCalculator.LineInput> lines, long invoiceDiscountMinor,
                          String memo, boolean issueNow, String idempotencyKey, String apiKeyId,
                          String requestBody) {
    }

    /** What the handler needs to know about the customer being billed. */
    public record CustomerDefaults(String customerId, String currency, String language, String country,
                                   boolean business, boolean hasValidVatId, boolean archived) {
    }

    /** Looks customers up within one organization. */
    public interface CustomerDirectory {
        Optional<CustomerDefaults> find(String organizationId, String customerId);
    }

    static final int WEB_BACKDATE_DAYS = 30;
    static final int API_BACKDATE_DAYS = 365;

    private final Invoice.Repository invoices;
    private final CustomerDirectory customers;
    private final OrganizationSettingsService organizations;
    private final TaxRuleEngine taxRules;
    private final LineItemCalculator calculator;
    private final InvoiceNumberSequence numbers;
    private final IdempotencyKeyStore idempotency;
    private final AuditLogWriter audit;
    private final Invoice.EventSink events;
    private final Supplier<String> ids;
    private final Clock clock;

    public InvoiceCreateHandler(Invoice.Repository invoices, CustomerDirectory customers,
                                OrganizationSettingsService organizations, TaxRuleEngine taxRules,
                                LineItemCalculator calculator, InvoiceNumberSequence numbers,
                                IdempotencyKeyStore idempotency, AuditLogWriter audit,
                                Invoice.EventSink events, Supplier<String> ids, Clock clock) {
        this.invoices = invoices;
        this.customers = customers;
        this.organizations = organizations;
        this.taxRules = taxRules;
        this.calculator = calculator;
        this.numbers = numbers;
        this.idempotency = idempotency;
        this.audit = audit;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Creates the invoice described by {@code cmd} and returns its ID. With an
     * idempotency key that was already used, returns the ID created the first
     * time.
     */
    public String handle(Command cmd, InvoiceNumberSequence.Series series) {
        String scopedKey = null;
        if (cmd.idempotencyKey() != null) {
            IdempotencyKeyStore.Outcome outcome = idempotency.begin(cmd.apiKeyId(), cmd.idempotencyKey(), cmd.requestBody());
            if (outcome instanceof IdempotencyKeyStore.Replay replay) {
                return replay.response().body();
            }
            if (outcome instanceof IdempotencyKeyStore.InProgress) {
                throw new IllegalStateException("A request with this idempotency key is still in progress");
            }
            if (outcome instanceof IdempotencyKeyStore.BodyMismatch) {
                throw new IllegalArgumentException("Idempotency key reused with a different request body");
            }
            scopedKey = ((IdempotencyKeyStore.Proceed) outcome).scopedKey();
        }
        try {
            String id = create(cmd, series);
            if (scopedKey != null) {
                idempotency.complete(scopedKey, 201, id);
            }
            return id;
        } catch (RuntimeException e) {
            if (scopedKey != null) {
                idempotency.abandon(scopedKey);
            }
            throw e;
        }
    }

    private String create(Command cmd, InvoiceNumberSequence.Series series) {
        if (cmd.lines() == null || cmd.lines().isEmpty()) {
            throw new IllegalArgumentException("An invoice needs a customer and at least one line item");
        }
        CustomerDefaults customer = customers.find(cmd.organizationId(), cmd.customerId())
                .orElseThrow(() -> new IllegalArgumentException("Unknown customer " + cmd.customerId()));
        if (customer.archived()) {
            throw new IllegalArgumentException("Customer " + cmd.customerId() + " is archived");
        }
        if (customer.country() == null) {
            throw new IllegalArgumentException("Set the customer's billing country before invoicing them");
        }
        OrganizationSettingsService.Settings org = organizations.get(cmd.organizationId());
        LocalDate today = organizations.today(cmd.organizationId());
        LocalDate issueDate = cmd.issueDate() != null ? cmd.issueDate() : today;
        boolean backdated = issueDate.isBefore(today);
        checkBackdating(cmd.source(), issueDate, today);

        Invoice invoice = new Invoice(ids.get(), cmd.organizationId(), customer.customerId(),
                Objects.requireNonNullElse(cmd.currency(), customer.currency()));
        invoice.setLanguage(Objects.requireNonNullElse(cmd.language(), customer.language()));
        invoice.setIssueDate(issueDate);
        int terms = cmd.paymentTermsDays() != null ? cmd.paymentTermsDays() : org.paymentTermsDays();
        invoice.setDueDate(issueDate.plusDays(terms));
        invoice.setMemo(cmd.memo());
        calculator.recompute(invoice, cmd.lines(), cmd.invoiceDiscountMinor(), category -> taxRules.decide(
                new TaxRuleEngine.Context(org.country(), customer.country(), customer.hasValidVatId(),
                        customer.business(), TaxRuleEngine.Category.valueOf(category), issueDate,
                        invoice.language())));

        if (cmd.issueNow()) {
            try (InvoiceNumberSequence.Reservation number = numbers.reserve(series, issueDate)) {
                invoice.setNumber(number.number());
                invoice.transitionTo(invoice.totalMinor() == 0 ? Invoice.Status.PAID : Invoice.Status.OPEN,
                        cmd.actor(), "issued on create", clock.instant());
                invoices.insert(invoice);
                number.commit();
            }
        } else {
            invoices.insert(invoice);
        }

        List<AuditLogWriter.Change> changes = new ArrayList<>();
        changes.add(new AuditLogWriter.Change("status", null, invoice.status().name()));
        changes.add(new AuditLogWriter.Change("total", null, Long.toString(invoice.totalMinor())));
        if (backdated) {
            changes.add(new AuditLogWriter.Change("backdated", null, issueDate.toString()));
        }
        audit.record(cmd.organizationId(), cmd.actor(), "invoice", invoice.id(), "invoice.created", changes);
        events.publish(invoice.isDraft() ? "invoice.created" : "invoice.issued", invoice);
        return invoice.id();
    }

    /**
     * Creates a new draft from an earlier invoice: same customer, lines, memo
     * and terms, dated today. The number, payments and history are never copied.
     */
    public String duplicate(String organizationId, String actor, String invoiceId,
                            List<LineItemCalculator.LineInput> lines, InvoiceNumberSequence.Series series) {
        Invoice source = invoices.find(organizationId, invoiceId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown invoice " + invoiceId));
        int terms = (int) (source.dueDate().toEpochDay() - source.issueDate().toEpochDay());
        Command copy = new Command(organizationId, actor, Source.DUPLICATE, source.customerId(),
                source.currency(), source.language(), null, terms, lines, 0, source.memo(),
                false, null, null, null);
        return create(copy, series);
    }

    static void checkBackdating(Source source, LocalDate issueDate, LocalDate today) {
        if (issueDate.isAfter(today)) {
            throw new IllegalArgumentException("The issue date cannot be in the future");
        }
        int limit = source == Source.API || source == Source.SUBSCRIPTION ? API_BACKDATE_DAYS : WEB_BACKDATE_DAYS;
        if (issueDate.isBefore(today.minusDays(limit))) {
            throw new IllegalArgumentException("The issue date can be at most " + limit + " days in the past");
        }
    }
}
