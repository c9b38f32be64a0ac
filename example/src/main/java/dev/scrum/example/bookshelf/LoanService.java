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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lending desk: checking items out, taking them back and renewing loans.
 *
 * <p>The service keeps the active loans in memory, indexed by loan id, and the
 * registered members by member id. Every operation either succeeds and returns
 * the resulting {@link Loan}, or throws a {@link LoanRefusedException} whose
 * {@link LoanRefusedException.Reason reason} the desk software turns into a
 * message for the patron.
 *
 * <p>Dates are taken from the injected clock so that tests and the nightly
 * batch can run "as of" any day.
 */
public final class LoanService {

    /** Why a checkout or renewal was refused. */
    public static final class LoanRefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** Machine-readable refusal reasons, mapped to patron-facing messages by the UI. */
        public enum Reason {
            UNKNOWN_MEMBER,
            UNKNOWN_TITLE,
            MEMBER_SUSPENDED,
            LOAN_LIMIT_REACHED,
            HAS_OVERDUE_ITEMS,
            NO_COPY_AVAILABLE,
            ALREADY_RETURNED,
            RENEWAL_LIMIT_REACHED,
            LOAN_OVERDUE
        }

        private final Reason reason;

        public LoanRefusedException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final Catalog catalog;
    private final OverdueFines fines;
    private final Map<String, Member> members = new HashMap<>();
    private final Map<String, Loan> activeLoans = new LinkedHashMap<>();
    private final List<Loan> closedLoans = new ArrayList<>();
    private long nextLoanNumber = 1;

    /**
     * @param catalog the titles that can be lent
     * @param fines   the fine ledger that returns are assessed against
     * @param clock   source of "today"; the library's local time zone
     */
    public LoanService(Catalog catalog, OverdueFines fines, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.fines = Objects.requireNonNull(fines, "fines");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Registers a member so that they can borrow. Re-registering replaces the record. */
    public void register(Member member) {
        members.put(member.id(), member);
    }

    /** The registered member with this id, or {@code null}. */
    public Member member(String memberId) {
        return members.get(memberId);
    }

    /**
     * Checks out one copy of a title to a member.
     *
     * <p>The member must exist, must not be suspended, must have no overdue
     * items and must be below their tier's loan limit, and at least one copy
     * must be on the shelf. The due date is today plus the tier's loan period,
     * moved to the next opening day if it falls on a Sunday.
     *
     * @param memberId the borrowing member
     * @param isbn     ISBN-10 or ISBN-13 of the title
     * @return the new active loan
     * @throws LoanRefusedException if any of the rules above is not met
     */
    public Loan checkout(String memberId, String isbn) {
        Member member = requireMember(memberId);
        if (!member.canBorrow()) {
            throw new LoanRefusedException(LoanRefusedException.Reason.MEMBER_SUSPENDED,
                    "member " + memberId + " is suspended: " + member.suspensionReason());
        }
        Catalog.Book book = catalog.findByIsbn(isbn).orElseThrow(() -> new LoanRefusedException(
                LoanRefusedException.Reason.UNKNOWN_TITLE, "no title with ISBN " + isbn));
        LocalDate today = today();
        List<Loan> current = activeLoansOf(memberId);
        if (current.stream().anyMatch(l -> l.isOverdue(today))) {
            throw new LoanRefusedException(LoanRefusedException.Reason.HAS_OVERDUE_ITEMS,
                    "member " + memberId + " has overdue items and must return them first");
        }
        int limit = member.tier().maxActiveLoans();
        if (current.size() >= limit) {
            throw new LoanRefusedException(LoanRefusedException.Reason.LOAN_LIMIT_REACHED,
                    "member " + memberId + " already has " + current.size() + " of " + limit + " items");
        }
        if (availableCopies(book.isbn()) <= 0) {
            throw new LoanRefusedException(LoanRefusedException.Reason.NO_COPY_AVAILABLE,
                    "all " + book.copies() + " copies of \"" + book.title() + "\" are on loan");
        }
        LocalDate due = nextOpeningDay(today.plusDays(member.tier().loanPeriodDays()));
        Loan loan = Loan.open(newLoanId(), memberId, book.isbn(), today, due);
        activeLoans.put(loan.id(), loan);
        return loan;
    }

    /**
     * Takes an item back. Any overdue fine is assessed immediately and the
     * member's automatic suspension status is brought up to date.
     *
     * @param loanId the loan being closed
     * @return the closed loan, carrying its return date
     * @throws LoanRefusedException if the loan is not active
     */
    public Loan returnItem(String loanId) {
        Loan loan = activeLoans.remove(loanId);
        if (loan == null) {
            throw new LoanRefusedException(LoanRefusedException.Reason.ALREADY_RETURNED,
                    "loan " + loanId + " is not active");
        }
        Loan closed = loan.returnedOn(today());
        closedLoans.add(closed);
        Member member = members.get(closed.memberId());
        if (member != null) {
            fines.assess(closed, member);
            member.applyFineBalance(fines.outstanding(member.id()));
        }
        return closed;
    }

    /** Copies of a title currently on the shelf: owned copies minus active loans. */
    public int availableCopies(String isbn) {
        String normalized = Catalog.normalizeIsbn(isbn);
        long out = activeLoans.values().stream().filter(l -> l.isbn().equals(normalized)).count();
        return Math.max(0, catalog.copiesOf(normalized) - (int) out);
    }

    /** A member's active loans, soonest due first. */
    public List<Loan> activeLoansOf(String memberId) {
        List<Loan> result = new ArrayList<>();
        for (Loan loan : activeLoans.values()) {
            if (loan.memberId().equals(memberId)) {
                result.add(loan);
            }
        }
        result.sort(Comparator.comparing(Loan::dueOn));
        return result;
    }

    /** Every active loan that is past its due date today, most overdue first. */
    public List<Loan> overdueLoans() {
        LocalDate today = today();
        List<Loan> result = new ArrayList<>();
        for (Loan loan : activeLoans.values()) {
            if (loan.isOverdue(today)) {
                result.add(loan);
            }
        }
        result.sort(Comparator.comparing(Loan::dueOn));
        return result;
    }

    /** All active loans, in checkout order; used by the nightly reminder job. */
    public List<Loan> activeLoans() {
        return Collections.unmodifiableList(new ArrayList<>(activeLoans.values()));
    }

    /** All returned loans, in return order. */
    public List<Loan> closedLoans() {
        return Collections.unmodifiableList(closedLoans);
    }

    /**
     * Renews an active loan for another loan period counted from today.
     *
     * <p>A loan can be renewed while it is not overdue, the member is not
     * suspended and the loan has been renewed fewer than {@link #MAX_RENEWALS}
     * times.
     *
     * @param loanId the loan to renew
     * @return the renewed loan with its new due date
     * @throws LoanRefusedException if the loan cannot be renewed
     */
    public Loan renew(String loanId) {
        Loan loan = activeLoans.get(loanId);
        if (loan == null) {
            throw new LoanRefusedException(LoanRefusedException.Reason.ALREADY_RETURNED,
                    "loan " + loanId + " is not active");
        }
        Member member = requireMember(loan.memberId());
        if (!member.canBorrow()) {
            throw new LoanRefusedException(LoanRefusedException.Reason.MEMBER_SUSPENDED,
                    "member " + member.id() + " is suspended: " + member.suspensionReason());
        }
        LocalDate today = today();
        if (loan.isOverdue(today)) {
            throw new LoanRefusedException(LoanRefusedException.Reason.LOAN_OVERDUE,
                    "loan " + loanId + " was due on " + loan.dueOn() + "; return it at a desk");
        }
        if (loan.renewals() >= MAX_RENEWALS) {
            throw new LoanRefusedException(LoanRefusedException.Reason.RENEWAL_LIMIT_REACHED,
                    "loan " + loanId + " has already been renewed " + loan.renewals() + " times");
        }
        LocalDate newDue = nextOpeningDay(today.plusDays(member.tier().loanPeriodDays()));
        if (newDue.isBefore(loan.dueOn())) {
            newDue = loan.dueOn();
        }
        Loan renewed = loan.renewedUntil(newDue);
        activeLoans.put(loanId, renewed);
        return renewed;
    }

    private Member requireMember(String memberId) {
        Member member = members.get(memberId);
        if (member == null) {
            throw new LoanRefusedException(LoanRefusedException.Reason.UNKNOWN_MEMBER,
                    "no member with id " + memberId);
        }
        return member;
    }

    private String newLoanId() {
        return String.format("L-%06d", nextLoanNumber++);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The library is closed on Sundays; items are never due on a closed day. */
    private static LocalDate nextOpeningDay(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    /**
     * How many times any loan may be renewed. The same limit applies to every
     * membership tier.
     */
    private static final int MAX_RENEWALS = 2;

    /** Source of "today" for due dates, renewals and returns. */
    private final Clock clock;
}
