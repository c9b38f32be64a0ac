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
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One checkout of one copy of a title by one member.
 *
 * <p>A loan is immutable: renewing or returning it produces a new {@code Loan}
 * that replaces the old one in {@link LoanService}. A loan is <em>active</em>
 * until it has a return date.
 *
 * @param id           loan identifier, e.g. {@code L-000042}
 * @param memberId     the borrowing member
 * @param isbn         normalised ISBN-13 of the borrowed title
 * @param checkedOutOn the day the item left the desk
 * @param dueOn        the day the item must be back by (inclusive)
 * @param renewals     how many times the loan has been renewed so far
 * @param returnedOn   the day the item came back, or {@code null} while on loan
 */
public record Loan(
        String id,
        String memberId,
        String isbn,
        LocalDate checkedOutOn,
        LocalDate dueOn,
        int renewals,
        LocalDate returnedOn) {

    public Loan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(isbn, "isbn");
        Objects.requireNonNull(checkedOutOn, "checkedOutOn");
        Objects.requireNonNull(dueOn, "dueOn");
        if (dueOn.isBefore(checkedOutOn)) {
            throw new IllegalArgumentException("due date " + dueOn + " is before checkout " + checkedOutOn);
        }
        if (renewals < 0) {
            throw new IllegalArgumentException("renewals must not be negative");
        }
    }

    /** A fresh loan with no renewals that is still out. */
    public static Loan open(String id, String memberId, String isbn, LocalDate on, LocalDate dueOn) {
        return new Loan(id, memberId, isbn, on, dueOn, 0, null);
    }

    /** True while the item has not been returned. */
    public boolean isActive() {
        return returnedOn == null;
    }

    /** True if the item is still out after its due date, or came back late. */
    public boolean isOverdue(LocalDate today) {
        LocalDate end = returnedOn != null ? returnedOn : today;
        return end.isAfter(dueOn);
    }

    /** Whole days past the due date as of {@code today} (or the return date); never negative. */
    public long daysOverdue(LocalDate today) {
        LocalDate end = returnedOn != null ? returnedOn : today;
        return Math.max(0, ChronoUnit.DAYS.between(dueOn, end));
    }

    /** This loan renewed to a new due date. */
    public Loan renewedUntil(LocalDate newDueOn) {
        if (!isActive()) {
            throw new IllegalStateException("loan " + id + " has already been returned");
        }
        return new Loan(id, memberId, isbn, checkedOutOn, newDueOn, renewals + 1, null);
    }

    /** This loan closed on the given day. */
    public Loan returnedOn(LocalDate day) {
        if (!isActive()) {
            throw new IllegalStateException("loan " + id + " has already been returned");
        }
        return new Loan(id, memberId, isbn, checkedOutOn, dueOn, renewals, day);
    }
}
