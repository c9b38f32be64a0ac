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
package io.ledgerly.delivery;

import io.ledgerly.invoice.Invoice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Invoice emails. Reminder emails are planned by
 * {@link io.ledgerly.dunning.DunningScheduler} and rendered from their own
 * templates; both go out through the same {@link Transport}.
 */
public final class InvoiceEmailSender {

    /** What the mail provider says about one recipient. */
    public enum DeliveryStatus { QUEUED, SENT, DELIVERED, SOFT_BOUNCE, HARD_BOUNCE, COMPLAINED, FAILED }

    /** A composed message ready for the mail transport. */
    public record Message(String from, String replyTo, List<String> to, String subject, String body,
                          Optional<byte[]> pdfAttachment, String attachmentName) {
    }

    /** The organization's sending identity. */
    public record Sender(String organizationName, String replyTo, Optional<String> verifiedDomain) {
    }

    /** One email attempt as recorded in the invoice history. */
    public record Send(String id, String invoiceId, List<String> recipients, Map<String, DeliveryStatus> status,
                       int attempts, Instant firstAttempt, Instant nextAttempt) {
    }

    /** Templates per organization and language, with placeholders already filled. */
    public interface Templates {
        String subject(String organizationId, String language, Invoice invoice);

        String body(String organizationId, String language, Invoice invoice, String viewLink, boolean pdfAsLink);
    }

    /** The mail transport; throws {@link TransientFailure} when the send should be retried. */
    public interface Transport {
        String send(Message message);
    }

    /** Recipients, undeliverable addresses and the invoice history. */
    public interface Recipients {
        List<String> billingAddresses(String organizationId, String customerId);

        boolean isUndeliverable(String organizationId, String address);

        void markUndeliverable(String organizationId, String address);

        void recordSend(Send send);

        void notifyUser(String organizationId, String invoiceId, String message);
    }

    /** A failure worth retrying: a timeout, a 4xx greylisting, a provider outage. */
    public static final class TransientFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TransientFailure(String message) {
            super(message);
        }
    }

    static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    static final String LEDGERLY_FROM = "invoices@mail.ledgerly.io";

    private final Templates templates;
    private final Transport transport;
    private final Recipients recipients;
    private final Clock clock;

    public InvoiceEmailSender(Templates templates, Transport transport, Recipients recipients, Clock clock) {
        this.templates = templates;
        this.transport = transport;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** Composes and sends the invoice email. Returns the recorded send, which may be scheduled for retry. */
    public Send send(Invoice invoice, Sender sender, String customerLanguage, byte[] pdf, String viewLink,
                     String sendId) {
        List<String> to = new ArrayList<>();
        for (String address : recipients.billingAddresses(invoice.organizationId(), invoice.customerId())) {
            if (!recipients.isUndeliverable(invoice.organizationId(), address)) {
                to.add(address);
            }
        }
        if (to.isEmpty()) {
            recipients.notifyUser(invoice.organizationId(), invoice.id(),
                    "No deliverable billing address for this customer; the invoice was not emailed");
            throw new IllegalStateException("No deliverable recipient");
        }
        boolean asLink = pdf.length > MAX_ATTACHMENT_BYTES;
        Message message = new Message(from(sender), sender.verifiedDomain().isPresent() ? null : sender.replyTo(),
                to, templates.subject(invoice.organizationId(), customerLanguage, invoice),
                templates.body(invoice.organizationId(), customerLanguage, invoice, viewLink, asLink),
                asLink ? Optional.empty() : Optional.of(pdf), invoice.number() + ".pdf");
        Instant now = clock.instant();
        return attempt(new Send(sendId, invoice.id(), to, initialStatus(to), 0, now, now), message,
                invoice.organizationId());
    }

    /** Retries a send whose last attempt failed temporarily. */
    public Send retry(Send send, Message message, String organizationId) {
        return attempt(send, message, organizationId);
    }

    private Send attempt(Send send, Message message, String organizationId) {
        Instant now = clock.instant();
        Map<String, DeliveryStatus> status = new LinkedHashMap<>(send.status());
        try {
            transport.send(message);
            message.to().forEach(r -> status.put(r, DeliveryStatus.SENT));
            Send sent = new Send(send.id(), send.invoiceId(), send.recipients(), status, send.attempts() + 1,
                    send.firstAttempt(), null);
            recipients.recordSend(sent);
            return sent;
        } catch (TransientFailure e) {
            int attempts = send.attempts() + 1;
            Instant next = now.plus(backoff(attempts));
            if (next.isAfter(send.firstAttempt().plus(GIVE_UP_AFTER))) {
                message.to().forEach(r -> status.put(r, DeliveryStatus.FAILED));
                recipients.notifyUser(organizationId, send.invoiceId(),
                        "The invoice email could not be delivered within 24 hours: " + e.getMessage());
                next = null;
            }
            Send retried = new Send(send.id(), send.invoiceId(), send.recipients(), status, attempts,
                    send.firstAttempt(), next);
            recipients.recordSend(retried);
            return retried;
        }
    }

    /** Applies a delivery report from the mail provider for one recipient. */
    public Send onDeliveryReport(Send send, String organizationId, String recipient, DeliveryStatus reported) {
        Map<String, DeliveryStatus> status = new LinkedHashMap<>(send.status());
        status.put(recipient, reported);
        if (reported == DeliveryStatus.HARD_BOUNCE) {
            recipients.markUndeliverable(organizationId, recipient);
            recipients.notifyUser(organizationId, send.invoiceId(),
                    recipient + " does not accept mail; update the customer's billing address");
        }
        Send updated = new Send(send.id(), send.invoiceId(), send.recipients(), status, send.attempts(),
                send.firstAttempt(), send.nextAttempt());
        recipients.recordSend(updated);
        return updated;
    }

    static String from(Sender sender) {
        String name = sender.organizationName().replace("\"", "'");
        return sender.verifiedDomain()
                .map(domain -> "\"" + name + "\" <invoices@" + domain + ">")
                .orElse("\"" + name + " via Ledgerly\" <" + LEDGERLY_FROM + ">");
    }

    /** 5 min, 10 min, 20 min, ... capped at four hours. */
    static Duration backoff(int attempts) {
        Duration d = Duration.ofMinutes(5L << Math.min(attempts - 1, 10));
        return d.compareTo(Duration.ofHours(4)) > 0 ? Duration.ofHours(4) : d;
    }

    private static Map<String, DeliveryStatus> initialStatus(List<String> to) {
        Map<String, DeliveryStatus> m = new LinkedHashMap<>();
        to.forEach(r -> m.put(r, DeliveryStatus.QUEUED));
        return m;
    }
}
