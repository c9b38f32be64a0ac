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
package io.ledgerly.invoice;

import io.ledgerly.tax.TaxRuleEngine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Computes line amounts, per-rate tax lines and invoice totals. Everything stays
 * in {@link BigDecimal} until the end; results are rounded HALF_EVEN to the
 * currency's minor unit, and tax is rounded once per rate rather than per line.
 * Every caller that shows an amount goes through here, so screen, PDF and CSV
 * agree.
 */
public final class LineItemCalculator {

    /** A line as the user entered it, before any amount is computed. */
    public record LineInput(String description, BigDecimal quantity, long unitPriceMinor,
                            BigDecimal discountPercent, long discountMinor, String taxCategory) {
        public LineInput {
            if (quantity.scale() > 4) {
                throw new IllegalArgumentException("Quantity has more than four decimals: " + quantity);
            }
            if (quantity.signum() <= 0) {
                throw new IllegalArgumentException("Quantity must be positive: " + quantity);
            }
        }
    }

    /** The computed lines, one tax line per rate, and the invoice totals. */
    public record Totals(List<Invoice.LineItem> lines, List<Invoice.TaxLine> taxLines,
                         long subtotalMinor, long taxMinor, long totalMinor) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Computes the lines, tax lines and totals of an invoice.
     *
     * @param currency         the invoice currency, which fixes the minor unit
     * @param inputs           the lines as entered
     * @param invoiceDiscount  an optional discount on the whole invoice, in minor units
     * @param taxFor           the tax decision for a tax category, already made by
     *                         the tax rules for this customer and date
     */
    public Totals compute(Currency currency, List<LineInput> inputs, long invoiceDiscount,
                          Function<String, TaxRuleEngine.Decision> taxFor) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("An invoice needs at least one line item");
        }
        int scale = Math.max(0, currency.getDefaultFractionDigits());
        long[] amounts = new long[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            amounts[i] = lineAmount(inputs.get(i), scale);
        }
        if (invoiceDiscount > 0) {
            spreadDiscount(amounts, invoiceDiscount);
        }

        List<Invoice.LineItem> lines = new ArrayList<>();
        Map<String, long[]> baseByRate = new LinkedHashMap<>();
        Map<String, TaxRuleEngine.Decision> decisions = new LinkedHashMap<>();
        long subtotal = 0;
        for (int i = 0; i < inputs.size(); i++) {
            LineInput in = inputs.get(i);
            TaxRuleEngine.Decision decision = taxFor.apply(in.taxCategory());
            decisions.putIfAbsent(decision.rateCode(), decision);
            baseByRate.computeIfAbsent(decision.rateCode(), k -> new long[1])[0] += amounts[i];
            subtotal += amounts[i];
            lines.add(new Invoice.LineItem(in.description(), in.quantity(), in.unitPriceMinor(),
                    in.discountPercent(), in.discountMinor(), in.taxCategory(), amounts[i]));
        }

        List<Invoice.TaxLine> taxLines = new ArrayList<>();
        long tax = 0;
        for (Map.Entry<String, long[]> e : baseByRate.entrySet()) {
            TaxRuleEngine.Decision d = decisions.get(e.getKey());
            long base = e.getValue()[0];
            long rateTax = BigDecimal.valueOf(base)
                    .multiply(d.ratePercent())
                    .divide(HUNDRED, 0, RoundingMode.HALF_EVEN)
                    .longValueExact();
            tax += rateTax;
            taxLines.add(new Invoice.TaxLine(d.rateCode(), d.ratePercent(), base, rateTax, d.notice()));
        }
        return new Totals(lines, taxLines, subtotal, tax, subtotal + tax);
    }

    /**
     * Quantity times unit price, less a percentage or a fixed discount, rounded
     * half-even to whole minor units.
     */
    long lineAmount(LineInput in, int scale) {
        BigDecimal gross = in.quantity().multiply(BigDecimal.valueOf(in.unitPriceMinor()));
        BigDecimal net = gross;
        if (in.discountPercent() != null && in.discountPercent().signum() > 0) {
            BigDecimal off = gross.multiply(in.discountPercent()).divide(HUNDRED, 10, RoundingMode.HALF_EVEN);
            net = gross.subtract(off);
        }
        if (in.discountMinor() > 0) {
            net = net.subtract(BigDecimal.valueOf(in.discountMinor()));
        }
        if (net.signum() < 0) {
            throw new IllegalArgumentException("Discount exceeds the line amount on '" + in.description() + "'");
        }
        return net.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /**
     * Spreads an invoice-level discount over the lines in proportion to their
     * amounts. The remainder left by rounding is taken from the largest line so
     * that the lines always add up to the discounted subtotal exactly.
     */
    void spreadDiscount(long[] amounts, long discount) {
        long sum = 0;
        int largest = 0;
        for (int i = 0; i < amounts.length; i++) {
            sum += amounts[i];
            if (amounts[i] > amounts[largest]) {
                largest = i;
            }
        }
        if (discount > sum) {
            throw new IllegalArgumentException("Invoice discount exceeds the subtotal");
        }
        if (sum == 0) {
            return;
        }
        long given = 0;
        for (int i = 0; i < amounts.length; i++) {
            long share = BigDecimal.valueOf(discount)
                    .multiply(BigDecimal.valueOf(amounts[i]))
                    .divide(BigDecimal.valueOf(sum), 0, RoundingMode.HALF_EVEN)
                    .longValueExact();
            amounts[i] -= share;
            given += share;
        }
        amounts[largest] -= discount - given;
    }

    /** Convenience for callers that only need to apply the result to a draft. */
    public void recompute(Invoice invoice, List<LineInput> inputs, long invoiceDiscount,
                          Function<String, TaxRuleEngine.Decision> taxFor) {
        invoice.applyTotals(compute(Currency.getInstance(invoice.currency()), inputs, invoiceDiscount, taxFor));
    }
}
