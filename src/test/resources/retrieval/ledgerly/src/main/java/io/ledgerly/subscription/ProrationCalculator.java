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
package io.ledgerly.subscription;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Credit-and-charge amounts for a mid-period change: the unused days of the old
 * price come back, the remaining days of the new price are due, both as a share
 * of the days in the period. A positive net is invoiced now; a negative net is
 * credited on the next invoice. No lines when the change falls on the period
 * start or is undone the same day.
 */
public final class ProrationCalculator {

    /** A billing period: {@code start} inclusive, {@code end} exclusive. */
    public record Period(LocalDate start, LocalDate end) {
        public Period {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("A period must end after it starts");
            }
        }

        long days() {
            return ChronoUnit.DAYS.between(start, end);
        }
    }

    /** A subscription item's price before or after a change. */
    public record Price(String planName, long unitPriceMinor, BigDecimal quantity) {
        BigDecimal amount() {
            return quantity.multiply(BigDecimal.valueOf(unitPriceMinor));
        }
    }

    /** A prorated line; negative amounts are credits. */
    public record Line(String description, long amountMinor) {
    }

    /** How the net amount of a change is to be billed. */
    public enum Disposition { NONE, INVOICE_NOW, CREDIT_NEXT_INVOICE }

    /** The outcome of a change, also used as the preview shown before confirming. */
    public record Result(List<Line> lines, long netMinor, Disposition disposition) {
    }

    private static final MathContext FULL = MathContext.DECIMAL128;

    /**
     * Prorates a change from {@code before} to {@code after} effective on
     * {@code effective} within {@code period}.
     */
    public Result prorate(Period period, Price before, Price after, LocalDate effective, String currency) {
        if (effective.isBefore(period.start()) || !effective.isBefore(period.end())) {
            throw new IllegalArgumentException("The change must take effect within the current period");
        }
        if (effective.equals(period.start())) {
            return new Result(List.of(), 0, Disposition.NONE);
        }
        if (before.equals(after)) {
            return new Result(List.of(), 0, Disposition.NONE);
        }
        BigDecimal share = BigDecimal.valueOf(ChronoUnit.DAYS.between(effective, period.end()))
                .divide(BigDecimal.valueOf(period.days()), FULL);

        Currency.getInstance(currency); // rejects unknown currency codes early
        long credit = round(before.amount().multiply(share, FULL));
        long charge = round(after.amount().multiply(share, FULL));

        List<Line> lines = new ArrayList<>();
        String range = effective + " to " + period.end().minusDays(1);
        if (credit != 0) {
            lines.add(new Line("Unused time on " + before.planName() + " × " + before.quantity().toPlainString()
                    + " (" + range + ")", -credit));
        }
        if (charge != 0) {
            lines.add(new Line("Remaining time on " + after.planName() + " × " + after.quantity().toPlainString()
                    + " (" + range + ")", charge));
        }
        long net = charge - credit;
        Disposition disposition = net > 0 ? Disposition.INVOICE_NOW
                : net < 0 ? Disposition.CREDIT_NEXT_INVOICE : Disposition.NONE;
        return new Result(lines, net, disposition);
    }

    /**
     * Prorates a sequence of changes made on the same day as one change from
     * the first price to the last, so that a change and its reversal cancel out.
     */
    public Result prorateSameDay(Period period, List<Price> pricesInOrder, LocalDate effective, String currency) {
        if (pricesInOrder.size() < 2) {
            throw new IllegalArgumentException("At least a price before and a price after are needed");
        }
        return prorate(period, pricesInOrder.get(0), pricesInOrder.get(pricesInOrder.size() - 1), effective, currency);
    }

    /** Rounds an amount in minor units (possibly fractional) half-even to whole minor units. */
    static long round(BigDecimal minorUnits) {
        return minorUnits.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
