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
package io.ledgerly.currency;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Converts minor-unit amounts using stored daily reference rates (ECB by
 * default). Crosses through EUR, falls back to the last earlier rate on days
 * without one, and rounds HALF_EVEN once at the end. Also computes the FX
 * difference for payments in a foreign currency and watches for a stale feed.
 */
public final class CurrencyConverter {

    /** One published reference rate: how many units of {@code currency} one euro buys. */
    public record DailyRate(String source, LocalDate date, String currency, BigDecimal perEuro) {
    }

    /** The result of a conversion, with the rate and the date of the rate actually used. */
    public record Conversion(long amountMinor, String currency, BigDecimal rate, LocalDate rateDate,
                             String source, boolean overridden) {
    }

    /** Stored rates; the daily rate job writes them, the converter reads them. */
    public interface RateStore {
        /** The latest rate for {@code currency} published on or before {@code date}. */
        Optional<DailyRate> latestOnOrBefore(String source, String currency, LocalDate date);

        Optional<LocalDate> lastDelivery(String source);
    }

    /** Tells an organization's owners that the feed has stopped delivering. */
    public interface StaleFeedAlert {
        void feedStale(String source, LocalDate lastDelivery);
    }

    static final String EURO = "EUR";
    static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);
    static final int STALE_AFTER_WORKING_DAYS = 3;

    private final RateStore rates;
    private final StaleFeedAlert alert;

    public CurrencyConverter(RateStore rates, StaleFeedAlert alert) {
        this.rates = Objects.requireNonNull(rates);
        this.alert = Objects.requireNonNull(alert);
    }

    /** Converts {@code amountMinor} of {@code from} into {@code to} at the rate of {@code date}. */
    public Conversion convert(long amountMinor, String from, String to, LocalDate date, String source) {
        if (from.equals(to)) {
            return new Conversion(amountMinor, to, BigDecimal.ONE, date, source, false);
        }
        DailyRate fromRate = rate(source, from, date);
        DailyRate toRate = rate(source, to, date);
        BigDecimal cross = toRate.perEuro().divide(fromRate.perEuro(), PRECISION);
        LocalDate rateDate = fromRate.date().isBefore(toRate.date()) ? fromRate.date() : toRate.date();
        return new Conversion(apply(amountMinor, from, to, cross), to, cross, rateDate, source, false);
    }

    /**
     * Converts with a rate set by hand on one invoice, for example one agreed in
     * a contract. The result is marked as overridden.
     */
    public Conversion convertWithOverride(long amountMinor, String from, String to, BigDecimal manualRate,
                                          LocalDate date) {
        if (manualRate.signum() <= 0) {
            throw new IllegalArgumentException("An exchange rate must be positive");
        }
        return new Conversion(apply(amountMinor, from, to, manualRate), to, manualRate, date, "manual", true);
    }

    /**
     * The exchange gain (positive) or loss (negative) when {@code receivedMinor}
     * in {@code paymentCurrency} settles {@code dueMinor} in {@code invoiceCurrency},
     * measured in the invoice currency at the rate of the payment date.
     */
    public long exchangeDifference(long receivedMinor, String paymentCurrency, long dueMinor,
                                   String invoiceCurrency, LocalDate paymentDate, String source) {
        Conversion received = convert(receivedMinor, paymentCurrency, invoiceCurrency, paymentDate, source);
        return received.amountMinor() - dueMinor;
    }

    /**
     * Checks that the feed delivered within the last three working days and
     * warns the owners otherwise. Conversions carry on with the last rates.
     */
    public boolean checkFreshness(String source, LocalDate today) {
        Optional<LocalDate> last = rates.lastDelivery(source);
        if (last.isEmpty() || workingDaysBetween(last.get(), today) > STALE_AFTER_WORKING_DAYS) {
            alert.feedStale(source, last.orElse(null));
            return false;
        }
        return true;
    }

    private DailyRate rate(String source, String currency, LocalDate date) {
        if (EURO.equals(currency)) {
            return new DailyRate(source, date, EURO, BigDecimal.ONE);
        }
        return rates.latestOnOrBefore(source, currency, date)
                .orElseThrow(() -> new IllegalStateException("No " + source + " rate for " + currency
                        + " on or before " + date));
    }

    static long apply(long amountMinor, String from, String to, BigDecimal rate) {
        int fromDigits = Currency.getInstance(from).getDefaultFractionDigits();
        int toDigits = Currency.getInstance(to).getDefaultFractionDigits();
        BigDecimal major = BigDecimal.valueOf(amountMinor).movePointLeft(fromDigits);
        BigDecimal converted = major.multiply(rate, PRECISION);
        return converted.setScale(toDigits, RoundingMode.HALF_EVEN).movePointRight(toDigits).longValueExact();
    }

    static int workingDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (!List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).contains(d.getDayOfWeek())) {
                days++;
            }
        }
        return days;
    }
}
