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
package io.ledgerly.payment;

import io.ledgerly.audit.AuditLogWriter;
import io.ledgerly.currency.CurrencyConverter;
import io.ledgerly.invoice.Invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records incoming money (manual entries and provider confirmations) and
 * allocates it to invoices. Provider payments are matched by the invoice ID in
 * their metadata or by an invoice number in the remittance text; anything
 * unmatched goes to the unmatched queue. A surplus becomes customer credit, and
 * a provider reference seen before is ignored.
 */
public final class PaymentService {

    /** How the money was paid. */
    public enum Method { CARD, SEPA_DEBIT, BANK_TRANSFER, CASH, CHEQUE, OTHER }

    /** A payment as recorded. */
    public record Payment(String id, String organizationId, String customerId, long amountMinor, String currency,
                          LocalDate date, Method method, String providerReference, boolean manual) {
    }

    /** The part of a payment applied to one invoice, in the invoice currency. */
    public record Application(String paymentId, String invoiceId, long amountMinor, long exchangeDifferenceMinor) {
    }

    /** What a provider told us about a successful payment. */
    public record ProviderPayment(String organizationId, String providerReference, long amountMinor,
                                  String currency, LocalDate date, Method method, String invoiceIdMetadata,
                                  String remittanceReference, String rawPayload) {
    }

    /** Persistence of payments, applications, customer credit and the unmatched queue. */
    public interface Ledger {
        boolean existsByProviderReference(String organizationId, String providerReference);

        void save(Payment payment, List<Application> applications);

        void addCustomerCredit(String organizationId, String customerId, long amountMinor, String currency);

        void enqueueUnmatched(ProviderPayment payment);

        Optional<Invoice> findByNumber(String organizationId, String invoiceNumber);

        Optional<Invoice> findById(String organizationId, String invoiceId);

        void saveInvoice(Invoice invoice);

        String newId();
    }

    private static final Pattern INVOICE_NUMBER = Pattern.compile("\\b([A-Z]{2,5}-(?:\\d{4}-)?\\d{3,10})\\b");

    private final Ledger ledger;
    private final CurrencyConverter converter;
    private final AuditLogWriter audit;
    private final Invoice.EventSink events;
    private final Clock clock;
    private final String rateSource;

    public PaymentService(Ledger ledger, CurrencyConverter converter, AuditLogWriter audit,
                          Invoice.EventSink events, Clock clock, String rateSource) {
        this.ledger = ledger;
        this.converter = converter;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.rateSource = rateSource;
    }

    /** Records a payment entered by a user and applies it to the given invoices in order. */
    public Payment recordManual(String organizationId, String actor, String customerId, long amountMinor,
                                String currency, LocalDate date, Method method, List<String> invoiceIds) {
        if (date == null || method == null) {
            throw new IllegalArgumentException("A manual payment needs a date and a method");
        }
        Payment payment = new Payment(ledger.newId(), organizationId, customerId, amountMinor, currency,
                date, method, null, true);
        List<Invoice> targets = new ArrayList<>();
        for (String id : invoiceIds) {
            targets.add(ledger.findById(organizationId, id)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown invoice " + id)));
        }
        apply(payment, targets, actor);
        return payment;
    }

    /**
     * Records a payment a provider confirmed. Returns empty when the same
     * provider reference was already recorded, or when no invoice matched and
     * the payment was queued for manual matching.
     */
    public Optional<Payment> recordFromProvider(ProviderPayment p) {
        if (ledger.existsByProviderReference(p.organizationId(), p.providerReference())) {
            return Optional.empty();
        }
        Optional<Invoice> invoice = match(p);
        if (invoice.isEmpty()) {
            ledger.enqueueUnmatched(p);
            return Optional.empty();
        }
        Invoice target = invoice.get();
        Payment payment = new Payment(ledger.newId(), p.organizationId(), target.customerId(), p.amountMinor(),
                p.currency(), p.date(), p.method(), p.providerReference(), false);
        apply(payment, List.of(target), "system:provider");
        return Optional.of(payment);
    }

    Optional<Invoice> match(ProviderPayment p) {
        if (p.invoiceIdMetadata() != null) {
            Optional<Invoice> byId = ledger.findById(p.organizationId(), p.invoiceIdMetadata());
            if (byId.isPresent()) {
                return byId;
            }
        }
        if (p.remittanceReference() != null) {
            Matcher m = INVOICE_NUMBER.matcher(p.remittanceReference().toUpperCase());
            while (m.find()) {
                Optional<Invoice> byNumber = ledger.findByNumber(p.organizationId(), m.group(1));
                if (byNumber.isPresent()) {
                    return byNumber;
                }
            }
        }
        return Optional.empty();
    }

    /** Spreads the payment over the invoices in order; any excess becomes customer credit. */
    void apply(Payment payment, List<Invoice> invoices, String actor) {
        List<Application> applications = new ArrayList<>();
        long remaining = payment.amountMinor();
        for (Invoice invoice : invoices) {
            if (remaining <= 0) {
                break;
            }
            if (!invoice.customerId().equals(payment.customerId())) {
                throw new IllegalArgumentException("A payment can only settle invoices of one customer");
            }
            if (invoice.status() == Invoice.Status.VOID) {
                continue;
            }
            long due = invoice.amountDueMinor();
            long available = remaining;
            long difference = 0;
            if (!invoice.currency().equals(payment.currency())) {
                available = converter.convert(remaining, payment.currency(), invoice.currency(),
                        payment.date(), rateSource).amountMinor();
                difference = converter.exchangeDifference(remaining, payment.currency(),
                        Math.min(due, available), invoice.currency(), payment.date(), rateSource);
            }
            long applied = Math.min(due, available);
            invoice.addPaid(applied);
            invoice.settle(actor, "payment " + payment.id(), clock.instant());
            ledger.saveInvoice(invoice);
            applications.add(new Application(payment.id(), invoice.id(), applied, difference));
            remaining = available == remaining ? remaining - applied
                    : converter.convert(available - applied, invoice.currency(), payment.currency(),
                    payment.date(), rateSource).amountMinor();
            events.publish(invoice.status() == Invoice.Status.PAID ? "invoice.paid" : "invoice.payment_applied", invoice);
        }
        ledger.save(payment, applications);
        if (remaining > 0) {
            ledger.addCustomerCredit(payment.organizationId(), payment.customerId(), remaining, payment.currency());
        }
        audit.record(payment.organizationId(), actor, "payment", payment.id(), "payment.recorded", List.of(
                new AuditLogWriter.Change("amount", null, payment.amountMinor() + " " + payment.currency()),
                new AuditLogWriter.Change("method", null, payment.method().name()),
                new AuditLogWriter.Change("manual", null, Boolean.toString(payment.manual())),
                new AuditLogWriter.Change("unappliedCredit", null, Long.toString(Math.max(0, remaining)))));
    }
}
