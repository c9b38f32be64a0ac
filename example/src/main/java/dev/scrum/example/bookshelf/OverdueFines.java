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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Overdue fines: how much a late return costs, and the ledger of what each
 * member owes, has paid and has had waived.
 *
 * <p>All amounts are whole cents. A fine accrues at {@link #DAILY_RATE_CENTS}
 * per day late after a {@link #GRACE_DAYS}-day grace period, and a single
 * loan's fine never exceeds {@link #MAX_FINE_PER_LOAN_CENTS}. Staff members
 * are never fined.
 */
public final class OverdueFines {

    /** Fine per day overdue, in cents. */
    public static final long DAILY_RATE_CENTS = 25;

    /** Days after the due date during which a return is not fined. */
    public static final int GRACE_DAYS = 1;

    /** Upper limit for the fine on a single loan, in cents. */
    public static final long MAX_FINE_PER_LOAN_CENTS = 20_00;

    /** A fine charged for one late loan. */
    public record Charge(String loanId, String memberId, long amountCents, LocalDate assessedOn) { }

    /**
     * A waiver cancels all or part of a member's unpaid fines.
     *
     * @param memberId    whose balance is reduced
     * @param amountCents how much is waived
     * @param reason      why, in the staff member's words
     * @param approvedBy  the staff id that granted the waiver
     * @param at          when it was granted
     */
    public record Waiver(String memberId, long amountCents, String reason, String approvedBy, Instant at) { }

    private final Map<String, List<Charge>> charges = new HashMap<>();
    private final Map<String, Long> payments = new HashMap<>();
    private final Map<String, List<Waiver>> waivers = new HashMap<>();
    private final Clock clock;

    public OverdueFines(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Computes the fine for a loan as of a given day without recording it.
     *
     * @return the fine in cents; zero if the loan is not late beyond the grace period
     */
    public long fineFor(Loan loan, Member member, LocalDate asOf) {
        if (member.tier() == Member.Tier.STAFF) {
            return 0;
        }
        long chargeableDays = loan.daysOverdue(asOf) - GRACE_DAYS;
        if (chargeableDays <= 0) {
            return 0;
        }
        return Math.min(chargeableDays * DAILY_RATE_CENTS, MAX_FINE_PER_LOAN_CENTS);
    }

    /**
     * Records the fine for a returned loan, if any.
     *
     * @return the amount charged in cents, possibly zero
     */
    public long assess(Loan returned, Member member) {
        if (returned.isActive()) {
            throw new IllegalArgumentException("fines are assessed when the item comes back: " + returned.id());
        }
        long amount = fineFor(returned, member, returned.returnedOn());
        if (amount > 0) {
            charges.computeIfAbsent(member.id(), k -> new ArrayList<>())
                    .add(new Charge(returned.id(), member.id(), amount, returned.returnedOn()));
        }
        return amount;
    }

    /** Records a payment at the desk or online. */
    public void pay(String memberId, long amountCents) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("payment must be positive");
        }
        long owed = outstanding(memberId);
        if (amountCents > owed) {
            throw new IllegalArgumentException("payment of " + format(amountCents)
                    + " exceeds the balance of " + format(owed));
        }
        payments.merge(memberId, amountCents, Long::sum);
    }

    /**
     * Waives all or part of a member's unpaid fines.
     *
     * @param reason     mandatory free-text justification
     * @param approvedBy the staff id granting the waiver
     * @return the recorded waiver
     */
    public Waiver waive(String memberId, long amountCents, String reason, String approvedBy) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a reason");
        }
        if (approvedBy == null || approvedBy.isBlank()) {
            throw new IllegalArgumentException("a waiver must name the approving staff member");
        }
        long owed = outstanding(memberId);
        if (amountCents <= 0 || amountCents > owed) {
            throw new IllegalArgumentException("can only waive between 0.01 and " + format(owed));
        }
        Waiver waiver = new Waiver(memberId, amountCents, reason.strip(), approvedBy, clock.instant());
        waivers.computeIfAbsent(memberId, k -> new ArrayList<>()).add(waiver);
        return waiver;
    }

    /** Unpaid balance in cents: charges minus payments minus waivers. */
    public long outstanding(String memberId) {
        long charged = charges.getOrDefault(memberId, List.of()).stream().mapToLong(Charge::amountCents).sum();
        long waived = waivers.getOrDefault(memberId, List.of()).stream().mapToLong(Waiver::amountCents).sum();
        return charged - payments.getOrDefault(memberId, 0L) - waived;
    }

    /** Every charge recorded for a member, oldest first. */
    public List<Charge> chargesOf(String memberId) {
        return List.copyOf(charges.getOrDefault(memberId, List.of()));
    }

    /** Every waiver granted to a member, oldest first. */
    public List<Waiver> waiversOf(String memberId) {
        return List.copyOf(waivers.getOrDefault(memberId, List.of()));
    }

    /** Formats cents as euros for receipts and messages, e.g. {@code €3.75}. */
    public static String format(long cents) {
        return String.format(Locale.ROOT, "€%d.%02d", cents / 100, Math.abs(cents % 100));
    }
}
