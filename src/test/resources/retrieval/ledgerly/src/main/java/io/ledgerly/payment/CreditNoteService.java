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
import io.ledgerly.invoice.Invoice;
import io.ledgerly.invoice.InvoiceNumberSequence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credit notes. For giving money back use {@link RefundService}; for cancelling
 * an invoice that was sent by mistake use
 * {@link io.ledgerly.invoice.InvoiceVoidHandler}.
 */
public final class CreditNoteService {

    /** A credited amount, net of tax, against one tax rate of the original invoice. */
    public record CreditLine(String description, long netMinor, String rateCode) {
    }

    /** An issued credit note. */
    public record CreditNote(String id, String organizationId, String number, String invoiceId,
                             String invoiceNumber, LocalDate issueDate, List<CreditLine> lines,
                             Map<String, Long> taxByRate, long netMinor, long taxMinor, long totalMinor,
                             boolean appliedToInvoice) {
    }

    /** Storage and rendering for credit notes. */
    public interface Store {
        Optional<Invoice> invoice(String organizationId, String invoiceId);

        long creditedSoFar(String invoiceId);

        void save(CreditNote note);

        void saveInvoice(Invoice invoice);

        void addCustomerCredit(String organizationId, String customerId, long amountMinor, String currency);

        void renderPdf(CreditNote note, Invoice invoice);

        String newId();
    }

    private final Store store;
    private final InvoiceNumberSequence numbers;
    private final AuditLogWriter audit;
    private final Invoice.EventSink events;
    private final Clock clock;

    public CreditNoteService(Store store, InvoiceNumberSequence numbers, AuditLogWriter audit,
                             Invoice.EventSink events, Clock clock) {
        this.store = store;
        this.numbers = numbers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Issues a credit note for {@code lines} of an issued invoice. */
    public CreditNote issue(String organizationId, String actor, String invoiceId, List<CreditLine> lines,
                            InvoiceNumberSequence.Series creditNoteSeries, LocalDate today) {
        Invoice invoice = store.invoice(organizationId, invoiceId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown invoice " + invoiceId));
        if (invoice.isDraft() || invoice.status() == Invoice.Status.VOID) {
            throw new IllegalStateException("Credit notes can only be issued for issued, non-void invoices");
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A credit note needs at least one line");
        }

        Map<String, Invoice.TaxLine> originalRates = new LinkedHashMap<>();
        for (Invoice.TaxLine t : invoice.taxLines()) {
            originalRates.put(t.rateCode(), t);
        }
        Map<String, Long> netByRate = new LinkedHashMap<>();
        long net = 0;
        for (CreditLine line : lines) {
            if (!originalRates.containsKey(line.rateCode())) {
                throw new IllegalArgumentException("Rate " + line.rateCode() + " does not appear on invoice "
                        + invoice.number());
            }
            netByRate.merge(line.rateCode(), line.netMinor(), Long::sum);
            net += line.netMinor();
        }
        Map<String, Long> taxByRate = new LinkedHashMap<>();
        long tax = 0;
        for (Map.Entry<String, Long> e : netByRate.entrySet()) {
            BigDecimal rate = originalRates.get(e.getKey()).ratePercent();
            long t = BigDecimal.valueOf(e.getValue()).multiply(rate)
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_EVEN).longValueExact();
            taxByRate.put(e.getKey(), t);
            tax += t;
        }
        long total = net + tax;
        long creditable = invoice.totalMinor() - store.creditedSoFar(invoiceId);
        if (total > creditable) {
            throw new IllegalArgumentException("Credit of " + total + " exceeds the " + creditable
                    + " still creditable on invoice " + invoice.number());
        }

        boolean applied = invoice.amountDueMinor() > 0;
        String number;
        try (InvoiceNumberSequence.Reservation reservation = numbers.reserve(creditNoteSeries, today)) {
            number = reservation.number();
            CreditNote note = new CreditNote(store.newId(), organizationId, number, invoiceId, invoice.number(),
                    today, List.copyOf(lines), taxByRate, net, tax, total, applied);
            if (applied) {
                long toInvoice = Math.min(total, invoice.amountDueMinor());
                invoice.addCredited(toInvoice);
                invoice.settle(actor, "credit note " + number, clock.instant());
                store.saveInvoice(invoice);
                if (total > toInvoice) {
                    store.addCustomerCredit(organizationId, invoice.customerId(), total - toInvoice, invoice.currency());
                }
            } else {
                store.addCustomerCredit(organizationId, invoice.customerId(), total, invoice.currency());
            }
            store.save(note);
            reservation.commit();
            store.renderPdf(note, invoice);
            audit.record(organizationId, actor, "credit_note", note.id(), "credit_note.issued", List.of(
                    new AuditLogWriter.Change("invoice", null, invoice.number()),
                    new AuditLogWriter.Change("total", null, Long.toString(total)),
                    new AuditLogWriter.Change("appliedTo", null, applied ? "invoice" : "customer credit")));
            events.publish("invoice.credited", invoice);
            return note;
        }
    }

    /** Pre-fills a credit note that credits everything not yet credited, rate by rate. */
    public List<CreditLine> fullCreditLines(Invoice invoice) {
        List<CreditLine> lines = new ArrayList<>();
        for (Invoice.TaxLine t : invoice.taxLines()) {
            lines.add(new CreditLine("Credit for invoice " + invoice.number(), t.baseMinor(), t.rateCode()));
        }
        return lines;
    }
}
