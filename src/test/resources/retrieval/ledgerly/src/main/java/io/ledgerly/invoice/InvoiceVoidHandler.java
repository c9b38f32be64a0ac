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

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Command handler behind {@code POST /invoices/{id}/void}. An invoice that
 * already has money against it cannot be voided: the caller must use a credit
 * note ({@link io.ledgerly.payment.CreditNoteService}) or a refund
 * ({@link io.ledgerly.payment.RefundService}) instead.
 */
public final class InvoiceVoidHandler {

    /** Why an invoice is voided. OTHER requires a comment. */
    public enum Reason { DUPLICATE, WRONG_CUSTOMER, WRONG_AMOUNTS, ISSUED_BY_MISTAKE, OTHER }

    /** A request to void one invoice. */
    public record Command(String organizationId, String invoiceId, String actor, Reason reason, String comment) {
        public Command {
            Objects.requireNonNull(reason, "A reason is required to void an invoice");
            if (reason == Reason.OTHER && (comment == null || comment.isBlank())) {
                throw new IllegalArgumentException("Please explain why the invoice is voided");
            }
        }
    }

    /** Renders the watermarked copy and keeps the original. */
    public interface DocumentArchive {
        void renderVoidCopy(Invoice invoice);
    }

    /** Cancels reminders that are still scheduled for an invoice. */
    public interface ReminderCancellation {
        int cancelAll(String organizationId, String invoiceId);
    }

    /** Countries whose rules forbid voiding an issued invoice; a credit note is required instead. */
    static final Set<String> VOID_FORBIDDEN_COUNTRIES = Set.of("IT", "PT");

    static final String HAS_PAYMENTS =
            "This invoice has payments; issue a credit note or refund instead";

    private final Invoice.Repository invoices;
    private final DocumentArchive documents;
    private final ReminderCancellation reminders;
    private final AuditLogWriter audit;
    private final Invoice.EventSink events;
    private final Clock clock;

    public InvoiceVoidHandler(Invoice.Repository invoices, DocumentArchive documents,
                              ReminderCancellation reminders, AuditLogWriter audit,
                              Invoice.EventSink events, Clock clock) {
        this.invoices = invoices;
        this.documents = documents;
        this.reminders = reminders;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Voids the invoice named by {@code cmd}.
     *
     * @param organizationCountry the organization's country, which decides
     *                            whether voiding is allowed at all
     * @throws IllegalStateException when the invoice is not open, has any
     *                               payment or credit applied, or voiding is
     *                               forbidden in the organization's country;
     *                               nothing is changed in that case
     */
    public Invoice handle(Command cmd, String organizationCountry) {
        Invoice invoice = invoices.find(cmd.organizationId(), cmd.invoiceId())
                .orElseThrow(() -> new IllegalArgumentException("Unknown invoice " + cmd.invoiceId()));

        if (VOID_FORBIDDEN_COUNTRIES.contains(organizationCountry)) {
            throw new IllegalStateException("Invoices issued in " + organizationCountry
                    + " cannot be voided; issue a credit note instead");
        }
        if (invoice.isDraft()) {
            throw new IllegalStateException("A draft cannot be voided; delete it instead");
        }
        if (invoice.paidMinor() > 0 || invoice.creditedMinor() > 0) {
            throw new IllegalStateException(HAS_PAYMENTS);
        }
        if (invoice.status() != Invoice.Status.OPEN) {
            throw new IllegalStateException("Only open invoices can be voided; " + invoice.displayName()
                    + " is " + invoice.status());
        }

        long expected = invoice.version();
        String reason = cmd.reason() == Reason.OTHER ? cmd.comment() : cmd.reason().name();
        invoice.transitionTo(Invoice.Status.VOID, cmd.actor(), reason, clock.instant());
        invoice.setVersion(expected + 1);
        if (!invoices.saveIfVersion(invoice, expected)) {
            throw new IllegalStateException("Invoice " + invoice.displayName() + " was changed meanwhile; try again");
        }

        documents.renderVoidCopy(invoice);
        int cancelled = reminders.cancelAll(invoice.organizationId(), invoice.id());
        audit.record(invoice.organizationId(), cmd.actor(), "invoice", invoice.id(), "invoice.voided", List.of(
                new AuditLogWriter.Change("status", Invoice.Status.OPEN.name(), Invoice.Status.VOID.name()),
                new AuditLogWriter.Change("voidReason", null, reason),
                new AuditLogWriter.Change("remindersCancelled", null, Integer.toString(cancelled))));
        events.publish("invoice.voided", invoice);
        return invoice;
    }
}
