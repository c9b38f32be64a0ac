/*
 * Copyright 2025 the original author or authors.
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
package dev.scrum.example.bookshelf;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A registered library member.
 *
 * <p>Each member belongs to a {@link Tier} that fixes how many items they may
 * have on loan at once and how long a loan lasts. A member may be suspended,
 * either by staff or automatically when unpaid fines reach
 * {@link #SUSPENSION_THRESHOLD_CENTS}; a suspended member cannot borrow or
 * renew until reinstated.
 */
public final class Member {

    /** Membership tiers and their borrowing allowances. */
    public enum Tier {
        /** Adult residents; the default tier. */
        STANDARD(5, 21),
        /** Students with a valid student card. */
        STUDENT(8, 28),
        /** Paying supporters of the library. */
        PREMIUM(12, 28),
        /** Library staff. */
        STAFF(20, 42);

        private final int maxActiveLoans;
        private final int loanPeriodDays;

        Tier(int maxActiveLoans, int loanPeriodDays) {
            this.maxActiveLoans = maxActiveLoans;
            this.loanPeriodDays = loanPeriodDays;
        }

        /** The most items a member of this tier may have out at the same time. */
        public int maxActiveLoans() {
            return maxActiveLoans;
        }

        /** Length of a loan, and of each renewal, in days. */
        public int loanPeriodDays() {
            return loanPeriodDays;
        }
    }

    /** Unpaid fines at or above this amount (in cents) suspend the member automatically. */
    public static final long SUSPENSION_THRESHOLD_CENTS = 10_00;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final String id;
    private final String name;
    private final LocalDate joinedOn;
    private String email;
    private Tier tier;
    private boolean remindersEnabled = true;
    private boolean suspended;
    private String suspensionReason;

    public Member(String id, String name, String email, Tier tier, LocalDate joinedOn) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.tier = Objects.requireNonNull(tier, "tier");
        this.joinedOn = Objects.requireNonNull(joinedOn, "joinedOn");
        changeEmail(email);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public Tier tier() {
        return tier;
    }

    public LocalDate joinedOn() {
        return joinedOn;
    }

    /** Whether the member wants due-date reminders by email. */
    public boolean remindersEnabled() {
        return remindersEnabled;
    }

    public void setRemindersEnabled(boolean enabled) {
        this.remindersEnabled = enabled;
    }

    /** Replaces the contact address after a basic syntax check. */
    public void changeEmail(String newEmail) {
        if (newEmail == null || !EMAIL.matcher(newEmail).matches()) {
            throw new IllegalArgumentException("not a valid email address: " + newEmail);
        }
        this.email = newEmail;
    }

    /** Moves the member to another tier; existing loans keep their due dates. */
    public void changeTier(Tier newTier) {
        this.tier = Objects.requireNonNull(newTier, "newTier");
    }

    public boolean isSuspended() {
        return suspended;
    }

    public String suspensionReason() {
        return suspensionReason;
    }

    /** True if the member may start new loans or renew existing ones. */
    public boolean canBorrow() {
        return !suspended;
    }

    /** Suspends the member; the reason is shown to staff at the desk. */
    public void suspend(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a suspension needs a reason");
        }
        this.suspended = true;
        this.suspensionReason = reason;
    }

    /** Lifts a suspension. */
    public void reinstate() {
        this.suspended = false;
        this.suspensionReason = null;
    }

    /**
     * Applies the automatic suspension rule to the member's current unpaid balance:
     * suspends at or above the threshold, and lifts an automatic suspension once
     * the balance falls below it again.
     */
    public void applyFineBalance(long unpaidCents) {
        if (unpaidCents >= SUSPENSION_THRESHOLD_CENTS) {
            if (!suspended) {
                suspend("unpaid fines of " + OverdueFines.format(unpaidCents));
            }
        } else if (suspended && suspensionReason.startsWith("unpaid fines")) {
            reinstate();
        }
    }

    @Override
    public String toString() {
        return "Member[" + id + ", " + tier + (suspended ? ", suspended" : "") + "]";
    }
}
