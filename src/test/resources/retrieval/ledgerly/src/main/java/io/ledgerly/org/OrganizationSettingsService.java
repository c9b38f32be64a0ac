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
package io.ledgerly.org;

import io.ledgerly.audit.AuditLogWriter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings, members and tenant resolution for an organization.
 */
public final class OrganizationSettingsService {

    /** The roles a member can have. Accountants can read and export but not change. */
    public enum Role { OWNER, ADMIN, ACCOUNTANT, MEMBER }

    /** An organization's settings. */
    public record Settings(String organizationId, String legalName, String address, String country,
                           List<String> taxIds, String baseCurrency, ZoneId zone, String language,
                           int paymentTermsDays, int fiscalYearStartMonth) {
        public Settings {
            if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
                throw new IllegalArgumentException("Fiscal year start must be a month between 1 and 12");
            }
            if (paymentTermsDays < 0 || paymentTermsDays > 365) {
                throw new IllegalArgumentException("Payment terms must be between 0 and 365 days");
            }
            taxIds = List.copyOf(taxIds);
        }
    }

    /** Storage of settings and memberships. */
    public interface Store {
        Optional<Settings> find(String organizationId);

        void save(Settings settings);

        Map<String, Role> members(String organizationId);

        void setRole(String organizationId, String userId, Role role);

        boolean hasIssuedInvoices(String organizationId);
    }

    /** The organization a request is bound to, with the caller's role in it. */
    public record TenantContext(String organizationId, String userId, Role role) {
        public boolean canWrite() {
            return role != Role.ACCOUNTANT;
        }

        public boolean canManageSettings() {
            return role == Role.OWNER || role == Role.ADMIN;
        }
    }

    private static final Set<Role> SETTINGS_ROLES = Set.of(Role.OWNER, Role.ADMIN);

    private final Store store;
    private final AuditLogWriter audit;
    private final Clock clock;

    public OrganizationSettingsService(Store store, AuditLogWriter audit, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Binds a request to an organization, refusing users who are not members of it. */
    public TenantContext requireAccess(String userId, String organizationId) {
        Role role = store.members(organizationId).get(userId);
        if (role == null) {
            throw new SecurityException("User " + userId + " has no access to organization " + organizationId);
        }
        return new TenantContext(organizationId, userId, role);
    }

    public Settings get(String organizationId) {
        return store.find(organizationId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown organization " + organizationId));
    }

    /** The current date in the organization's time zone. */
    public LocalDate today(String organizationId) {
        return LocalDate.now(clock.withZone(get(organizationId).zone()));
    }

    /**
     * Replaces an organization's settings. The base currency is frozen once
     * an invoice has been issued; the time zone may change and applies to dates
     * computed from now on. Each changed field is written to the audit log.
     */
    public Settings update(TenantContext ctx, Settings next) {
        if (!SETTINGS_ROLES.contains(ctx.role())) {
            throw new SecurityException("Only owners and admins can change organization settings");
        }
        if (!ctx.organizationId().equals(next.organizationId())) {
            throw new SecurityException("Settings belong to another organization");
        }
        Settings current = get(ctx.organizationId());
        if (!current.baseCurrency().equals(next.baseCurrency()) && store.hasIssuedInvoices(ctx.organizationId())) {
            throw new IllegalStateException("The base currency cannot be changed after the first invoice was issued");
        }
        List<AuditLogWriter.Change> changes = new ArrayList<>();
        addIfChanged(changes, "legalName", current.legalName(), next.legalName());
        addIfChanged(changes, "address", current.address(), next.address());
        addIfChanged(changes, "country", current.country(), next.country());
        addIfChanged(changes, "taxIds", current.taxIds(), next.taxIds());
        addIfChanged(changes, "baseCurrency", current.baseCurrency(), next.baseCurrency());
        addIfChanged(changes, "timeZone", current.zone(), next.zone());
        addIfChanged(changes, "language", current.language(), next.language());
        addIfChanged(changes, "paymentTermsDays", current.paymentTermsDays(), next.paymentTermsDays());
        addIfChanged(changes, "fiscalYearStartMonth", current.fiscalYearStartMonth(), next.fiscalYearStartMonth());
        if (changes.isEmpty()) {
            return current;
        }
        store.save(next);
        audit.record(ctx.organizationId(), "user:" + ctx.userId(), "organization", ctx.organizationId(),
                "settings.updated", changes);
        return next;
    }

    /** Changes a member's role, keeping at least one owner in the organization. */
    public void changeRole(TenantContext ctx, String userId, Role role) {
        if (ctx.role() != Role.OWNER) {
            throw new SecurityException("Only owners can change roles");
        }
        Map<String, Role> members = store.members(ctx.organizationId());
        Role previous = members.get(userId);
        if (previous == null) {
            throw new IllegalArgumentException("User " + userId + " is not a member");
        }
        long owners = members.values().stream().filter(r -> r == Role.OWNER).count();
        if (previous == Role.OWNER && role != Role.OWNER && owners == 1) {
            throw new IllegalStateException("An organization must keep at least one owner");
        }
        store.setRole(ctx.organizationId(), userId, role);
        audit.record(ctx.organizationId(), "user:" + ctx.userId(), "member", userId, "role.changed",
                List.of(new AuditLogWriter.Change("role", previous.name(), role.name())));
    }

    private static void addIfChanged(List<AuditLogWriter.Change> changes, String field, Object a, Object b) {
        AuditLogWriter.Change c = AuditLogWriter.change(field, a, b);
        if (c != null) {
            changes.add(c);
        }
    }
}
