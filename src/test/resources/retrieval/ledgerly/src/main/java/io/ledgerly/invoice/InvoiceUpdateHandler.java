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

import io.ledgerly.audit.AuditLogWriter;
import io.ledgerly.org.OrganizationSettingsService;
import io.ledgerly.tax.TaxRuleEngine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command handler behind {@code PATCH /invoices/{id}}. A draft accepts any field;
 * once issued, only dueDate, memo, internalNotes and purchaseOrderReference get
 * through and anything else raises {@link FrozenFieldException}. The version
 * number gives optimistic locking, and every changed field is audited.
 */
public final class InvoiceUpdateHandler {

    /**
     * The fields a request wants to change; a null field is left as it is.
     * {@code expectedVersion} is the version the client based its edit on.
     */
    public record Patch(String organizationId, String invoiceId, String actor, long expectedVersion,
                        String customerId, String currency, String language, LocalDate issueDate,
                        LocalDate dueDate, List<LineItemCalculator.LineInput> lines,
                        String memo, String internalNotes, String purchaseOrderReference) {
    }

    /** Raised when an edit touches a field that is frozen after issue. */
    public static final class FrozenFieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Set<String> fields;

        FrozenFieldException(String invoiceNumber, Set<String> fields) {
            super("Invoice " + invoiceNumber + " has been issued; " + String.join(", ", fields)
                    + " can no longer be changed. Issue a credit note, or void it and issue a new invoice.");
            this.fields = fields;
        }

        public Set<String> fields() {
            return fields;
        }
    }

    /** Raised when the invoice was saved by someone else after the client loaded it. */
    public static final class StaleVersionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaleVersionException(String invoiceId, long expected, long actual) {
            super("Invoice " + invoiceId + " was changed by someone else (version " + actual
                    + ", you edited version " + expected + "); reload and try again");
        }
    }

    /** Recalculates reminders when the due date of an open invoice moves. */
    public interface ReminderPlanner {
        void reschedule(String organizationId, String invoiceId, LocalDate newDueDate);
    }

    private final Invoice.Repository invoices;
    private final OrganizationSettingsService organizations;
    private final TaxRuleEngine taxRules;
    private final LineItemCalculator calculator;
    private final ReminderPlanner reminders;
    private final AuditLogWriter audit;
    private final Invoice.EventSink events;
    private final Clock clock;

    public InvoiceUpdateHandler(Invoice.Repository invoices, OrganizationSettingsService organizations,
                                TaxRuleEngine taxRules, LineItemCalculator calculator, ReminderPlanner reminders,
                                AuditLogWriter audit, Invoice.EventSink events, Clock clock) {
        this.invoices = invoices;
        this.organizations = organizations;
        this.taxRules = taxRules;
        this.calculator = calculator;
        this.reminders = reminders;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Applies {@code patch} and returns the updated invoice. */
    public Invoice handle(Patch patch, String customerCountry, boolean customerBusiness, boolean customerVatValid) {
        Invoice invoice = invoices.find(patch.organizationId(), patch.invoiceId())
                .orElseThrow(() -> new IllegalArgumentException("Unknown invoice " + patch.invoiceId()));
        if (invoice.version() != patch.expectedVersion()) {
            throw new StaleVersionException(invoice.id(), patch.expectedVersion(), invoice.version());
        }
        if (invoice.status() == Invoice.Status.VOID) {
            throw new IllegalStateException("Invoice " + invoice.displayName() + " is void and cannot be edited");
        }
        if (!invoice.isDraft()) {
            Set<String> frozen = frozenFieldsIn(patch);
            if (!frozen.isEmpty()) {
                throw new FrozenFieldException(invoice.displayName(), frozen);
            }
        }

        List<AuditLogWriter.Change> changes = new ArrayList<>();
        LocalDate oldDue = invoice.dueDate();
        if (invoice.isDraft()) {
            if (patch.customerId() != null) {
                add(changes, "customer", invoice.customerId(), patch.customerId());
                invoice.setCustomerId(patch.customerId());
            }
            if (patch.currency() != null) {
                add(changes, "currency", invoice.currency(), patch.currency());
                invoice.setCurrency(patch.currency());
            }
            if (patch.language() != null) {
                add(changes, "language", invoice.language(), patch.language());
                invoice.setLanguage(patch.language());
            }
            if (patch.issueDate() != null) {
                add(changes, "issueDate", invoice.issueDate(), patch.issueDate());
                invoice.setIssueDate(patch.issueDate());
            }
            if (patch.lines() != null || patch.currency() != null || patch.customerId() != null) {
                long before = invoice.totalMinor();
                List<LineItemCalculator.LineInput> lines = patch.lines() != null ? patch.lines() : asInputs(invoice);
                OrganizationSettingsService.Settings org = organizations.get(invoice.organizationId());
                calculator.recompute(invoice, lines, 0, category -> taxRules.decide(new TaxRuleEngine.Context(
                        org.country(), customerCountry, customerVatValid, customerBusiness,
                        TaxRuleEngine.Category.valueOf(category), invoice.issueDate(), invoice.language())));
                add(changes, "total", before, invoice.totalMinor());
            }
        }
        if (patch.dueDate() != null) {
            if (patch.dueDate().isBefore(invoice.issueDate())) {
                throw new IllegalArgumentException("The due date cannot be before the issue date");
            }
            add(changes, "dueDate", oldDue, patch.dueDate());
            invoice.setDueDate(patch.dueDate());
        }
        if (patch.memo() != null) {
            add(changes, "memo", invoice.memo(), patch.memo());
            invoice.setMemo(patch.memo());
        }
        if (patch.internalNotes() != null) {
            add(changes, "internalNotes", invoice.internalNotes(), patch.internalNotes());
            invoice.setInternalNotes(patch.internalNotes());
        }
        if (patch.purchaseOrderReference() != null) {
            add(changes, "purchaseOrderReference", invoice.purchaseOrderReference(), patch.purchaseOrderReference());
            invoice.setPurchaseOrderReference(patch.purchaseOrderReference());
        }
        if (changes.isEmpty()) {
            return invoice;
        }

        long expected = invoice.version();
        invoice.setVersion(expected + 1);
        if (!invoices.saveIfVersion(invoice, expected)) {
            throw new StaleVersionException(invoice.id(), expected, -1);
        }
        audit.record(invoice.organizationId(), patch.actor(), "invoice", invoice.id(), "invoice.updated", changes);
        if (!invoice.isDraft()) {
            events.publish("invoice.updated", invoice);
            if (patch.dueDate() != null && !patch.dueDate().equals(oldDue) && invoice.status().isCollectible()) {
                reminders.reschedule(invoice.organizationId(), invoice.id(), patch.dueDate());
            }
        }
        return invoice;
    }

    /** The fields of a patch that may not change once an invoice is issued. */
    static Set<String> frozenFieldsIn(Patch p) {
        Set<String> frozen = new LinkedHashSet<>();
        if (p.customerId() != null) frozen.add("customer");
        if (p.currency() != null) frozen.add("currency");
        if (p.language() != null) frozen.add("language");
        if (p.issueDate() != null) frozen.add("issue date");
        if (p.lines() != null) frozen.add("line items");
        return frozen;
    }

    private static List<LineItemCalculator.LineInput> asInputs(Invoice invoice) {
        List<LineItemCalculator.LineInput> inputs = new ArrayList<>();
        for (Invoice.LineItem l : invoice.lines()) {
            inputs.add(new LineItemCalculator.LineInput(l.description(), l.quantity(), l.unitPriceMinor(),
                    l.discountPercent(), l.discountMinor(), l.taxCategory()));
        }
        return inputs;
    }

    private static void add(List<AuditLogWriter.Change> changes, String field, Object oldValue, Object newValue) {
        AuditLogWriter.Change c = AuditLogWriter.change(field, oldValue, newValue);
        if (c != null) {
            changes.add(c);
        }
    }
}
