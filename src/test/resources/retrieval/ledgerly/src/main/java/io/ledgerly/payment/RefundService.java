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

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Refund workflow. Not to be confused with credit notes, which lower what is
 * owed without moving any money (see {@link CreditNoteService}); a refund pays
 * money back against a {@link PaymentService.Payment}.
 */
public final class RefundService {

    /** Why the money is returned. */
    public enum Reason { DUPLICATE_PAYMENT, CUSTOMER_REQUEST, SERVICE_NOT_DELIVERED, OTHER }

    /** Where a refund stands. Manual refunds are completed immediately. */
    public enum Status { PENDING, COMPLETED, FAILED }

    /** A refund of (part of) one payment. */
    public record Refund(String id, String organizationId, String paymentId, long amountMinor, String currency,
                         Reason reason, Status status, String providerRefundId, String failureMessage,
                         String invoiceId) {
        Refund withStatus(Status next, String providerRefundId, String failureMessage) {
            return new Refund(id, organizationId, paymentId, amountMinor, currency, reason, next,
                    providerRefundId, failureMessage, invoiceId);
        }
    }

    /** The payment side: what was paid, where it was applied, and what was refunded before. */
    public interface Payments {
        Optional<PaymentService.Payment> find(String organizationId, String paymentId);

        /** Applications of the payment, oldest first. */
        List<PaymentService.Application> applications(String paymentId);

        long refundedSoFar(String paymentId);

        Optional<Refund> findRefund(String organizationId, String refundId);

        void saveRefund(Refund refund);

        Optional<Invoice> invoice(String organizationId, String invoiceId);

        void saveInvoice(Invoice invoice);

        String newId();
    }

    /** The payment provider that processed the original payment. */
    public interface ProviderGateway {
        /** How many days after a payment the provider still accepts refunds. */
        int refundWindowDays();

        /** Asks the provider to refund; returns the provider's ID for the refund. */
        String requestRefund(String providerReference, long amountMinor, String currency);
    }

    /** Tells the requesting user that a refund failed. */
    public interface Notifier {
        void refundFailed(String organizationId, String actor, Refund refund);
    }

    private final Payments payments;
    private final ProviderGateway provider;
    private final Notifier notifier;
    private final AuditLogWriter audit;
    private final Clock clock;

    public RefundService(Payments payments, ProviderGateway provider, Notifier notifier,
                         AuditLogWriter audit, Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Refunds {@code amountMinor} of a payment.
     *
     * @param invoiceId for a payment that settled several invoices, the invoice
     *                  whose share is refunded; null to take the most recent first
     */
    public Refund request(String organizationId, String actor, String paymentId, long amountMinor,
                          Reason reason, String invoiceId, LocalDate today) {
        if (reason == null) {
            throw new IllegalArgumentException("A refund needs a reason");
        }
        PaymentService.Payment payment = payments.find(organizationId, paymentId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown payment " + paymentId));
        long refundable = payment.amountMinor() - payments.refundedSoFar(paymentId);
        if (amountMinor <= 0 || amountMinor > refundable) {
            throw new IllegalArgumentException("At most " + refundable + " can still be refunded from this payment");
        }
        Refund refund = new Refund(payments.newId(), organizationId, paymentId, amountMinor, payment.currency(),
                reason, Status.PENDING, null, null, invoiceId);
        if (payment.manual()) {
            refund = complete(refund, actor);
        } else {
            long age = ChronoUnit.DAYS.between(payment.date(), today);
            if (age > provider.refundWindowDays()) {
                throw new IllegalStateException("The provider no longer accepts refunds for a payment made "
                        + age + " days ago");
            }
            String providerId = provider.requestRefund(payment.providerReference(), amountMinor, payment.currency());
            refund = refund.withStatus(Status.PENDING, providerId, null);
            payments.saveRefund(refund);
        }
        audit.record(organizationId, actor, "refund", refund.id(), "refund.requested", List.of(
                new AuditLogWriter.Change("payment", null, paymentId),
                new AuditLogWriter.Change("amount", null, Long.toString(amountMinor)),
                new AuditLogWriter.Change("reason", null, reason.name()),
                new AuditLogWriter.Change("status", null, refund.status().name())));
        return refund;
    }

    /** Handles the provider's confirmation or rejection of a pending refund. */
    public Refund onProviderResult(String organizationId, String refundId, boolean succeeded, String message,
                                   String actorToNotify) {
        Refund refund = payments.findRefund(organizationId, refundId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown refund " + refundId));
        if (refund.status() != Status.PENDING) {
            return refund;
        }
        if (succeeded) {
            return complete(refund, "system:provider");
        }
        Refund failed = refund.withStatus(Status.FAILED, refund.providerRefundId(), message);
        payments.saveRefund(failed);
        notifier.refundFailed(organizationId, actorToNotify, failed);
        audit.record(organizationId, "system:provider", "refund", refundId, "refund.failed",
                List.of(new AuditLogWriter.Change("status", Status.PENDING.name(), Status.FAILED.name())));
        return failed;
    }

    /** Marks the refund completed and takes the amount off the invoices, newest application first. */
    private Refund complete(Refund refund, String actor) {
        List<PaymentService.Application> applications = new ArrayList<>(payments.applications(refund.paymentId()));
        Collections.reverse(applications);
        if (refund.invoiceId() != null) {
            applications.removeIf(a -> !a.invoiceId().equals(refund.invoiceId()));
        }
        long remaining = refund.amountMinor();
        for (PaymentService.Application a : applications) {
            if (remaining == 0) {
                break;
            }
            Invoice invoice = payments.invoice(refund.organizationId(), a.invoiceId()).orElseThrow();
            long taken = Math.min(remaining, Math.min(a.amountMinor(), invoice.paidMinor()));
            invoice.addPaid(-taken);
            invoice.settle(actor, "refund " + refund.id(), clock.instant());
            payments.saveInvoice(invoice);
            remaining -= taken;
        }
        Refund completed = refund.withStatus(Status.COMPLETED, refund.providerRefundId(), null);
        payments.saveRefund(completed);
        return completed;
    }
}
