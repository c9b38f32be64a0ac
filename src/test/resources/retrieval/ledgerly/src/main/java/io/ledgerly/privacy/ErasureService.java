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
package io.ledgerly.privacy;

import io.ledgerly.audit.AuditLogWriter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Handles "forget this customer" requests. {@link #preview} lists what will be
 * deleted, what is kept and what blocks the request; {@link #erase} deletes
 * contact data and email history, restricts issued invoices, pseudonymizes the
 * customer in the audit log and stores a receipt.
 */
public final class ErasureService {

    /** What an erasure will do, shown before the request is confirmed. */
    public record Preview(String customerId, List<String> toErase, List<String> toRetain, List<String> blockers) {
        public boolean canProceed() {
            return blockers.isEmpty();
        }
    }

    /** The record kept of a completed erasure. */
    public record Receipt(String organizationId, String customerId, String pseudonym, String requestedBy,
                          Instant requestedAt, Instant completedAt, List<String> erased, List<String> retained) {
    }

    /** The data stores erasure has to reach. */
    public interface PersonalData {
        boolean isNaturalPerson(String organizationId, String customerId);

        int openInvoices(String organizationId, String customerId);

        int activeSubscriptions(String organizationId, String customerId);

        int issuedInvoices(String organizationId, String customerId);

        void deleteContactsEmailsNotesAndPortalLinks(String organizationId, String customerId);

        void deleteEmailHistory(String organizationId, String customerId);

        void restrictIssuedInvoices(String organizationId, String customerId, String pseudonym);

        void removeFromSearchIndex(String organizationId, String customerId);

        void pseudonymizeAuditEntries(String organizationId, String customerId, String pseudonym);

        void deleteCustomerRecord(String organizationId, String customerId);

        void storeReceipt(Receipt receipt);

        void sendConfirmationToOwner(String organizationId, Receipt receipt);
    }

    static final Set<String> ALLOWED_ROLES = Set.of("OWNER", "ADMIN");
    static final long DEADLINE_DAYS = 30;

    private final PersonalData data;
    private final AuditLogWriter audit;
    private final Clock clock;

    public ErasureService(PersonalData data, AuditLogWriter audit, Clock clock) {
        this.data = data;
        this.audit = audit;
        this.clock = clock;
    }

    /** What erasing the customer would erase, keep, and what currently blocks it. */
    public Preview preview(String organizationId, String customerId) {
        List<String> blockers = new ArrayList<>();
        if (!data.isNaturalPerson(organizationId, customerId)) {
            blockers.add("Only customers who are natural persons can be erased");
        }
        int open = data.openInvoices(organizationId, customerId);
        if (open > 0) {
            blockers.add(open + " open invoice(s) must be paid, credited or written off");
        }
        int subs = data.activeSubscriptions(organizationId, customerId);
        if (subs > 0) {
            blockers.add(subs + " active subscription(s) must be cancelled");
        }
        List<String> erase = List.of("customer record", "contact persons", "email addresses", "notes",
                "portal links", "email history");
        List<String> retain = new ArrayList<>();
        int issued = data.issuedInvoices(organizationId, customerId);
        if (issued > 0) {
            retain.add(issued + " issued invoice(s) and credit notes, kept for the statutory period,"
                    + " hidden from search and exports, visible to owners only");
        }
        retain.add("audit log entries, with personal fields replaced by a pseudonym");
        return new Preview(customerId, erase, retain, blockers);
    }

    /**
     * Erases the customer after the requester confirmed the preview.
     *
     * @param requesterRole the requester's role in the organization; owners and admins only
     */
    public Receipt erase(String organizationId, String customerId, String requestedBy, String requesterRole,
                         Instant requestedAt) {
        if (!ALLOWED_ROLES.contains(requesterRole)) {
            throw new SecurityException("Only owners and admins can request erasure");
        }
        Preview preview = preview(organizationId, customerId);
        if (!preview.canProceed()) {
            throw new IllegalStateException("Erasure is blocked: " + String.join("; ", preview.blockers()));
        }
        Instant now = clock.instant();
        if (ChronoUnit.DAYS.between(requestedAt, now) > DEADLINE_DAYS) {
            audit.record(organizationId, "system:erasure", "customer", customerId, "erasure.late");
        }
        String pseudonym = pseudonym(organizationId, customerId);
        data.deleteContactsEmailsNotesAndPortalLinks(organizationId, customerId);
        data.deleteEmailHistory(organizationId, customerId);
        data.restrictIssuedInvoices(organizationId, customerId, pseudonym);
        data.removeFromSearchIndex(organizationId, customerId);
        data.pseudonymizeAuditEntries(organizationId, customerId, pseudonym);
        data.deleteCustomerRecord(organizationId, customerId);

        Receipt receipt = new Receipt(organizationId, customerId, pseudonym, requestedBy, requestedAt, now,
                preview.toErase(), preview.toRetain());
        data.storeReceipt(receipt);
        audit.record(organizationId, "user:" + requestedBy, "customer", pseudonym, "customer.erased", List.of(
                new AuditLogWriter.Change("erased", null, String.join(", ", preview.toErase())),
                new AuditLogWriter.Change("retained", null, String.join("; ", preview.toRetain()))));
        data.sendConfirmationToOwner(organizationId, receipt);
        return receipt;
    }

    /** A stable pseudonym that does not reveal the customer ID. */
    static String pseudonym(String organizationId, String customerId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((organizationId + "/" + customerId).getBytes(StandardCharsets.UTF_8));
            return "erased-" + HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
