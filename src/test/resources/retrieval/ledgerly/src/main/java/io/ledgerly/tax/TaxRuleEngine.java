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
package io.ledgerly.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Picks the rate and the printed notice for one line from the seller country,
 * buyer country, VAT-ID status, category and tax date. Covers domestic rates with
 * validity periods, intra-EU B2B reverse charge and zero-rated exports. The
 * caller persists the {@link Decision} on the line.
 */
public final class TaxRuleEngine {

    /** The tax categories a line item can carry. */
    public enum Category { STANDARD, REDUCED, SUPER_REDUCED, ZERO, EXEMPT }

    /** Why a rate was chosen; stored with the decision and shown to accountants. */
    public enum Reason { DOMESTIC, REVERSE_CHARGE, EXPORT, EXEMPT }

    /** A configured rate for one country and category, valid from a date until (excluding) another. */
    public record Rate(String country, Category category, BigDecimal percent,
                       LocalDate validFrom, LocalDate validUntil) {
        boolean appliesOn(LocalDate date) {
            return !date.isBefore(validFrom) && (validUntil == null || date.isBefore(validUntil));
        }
    }

    /** Everything the decision depends on. */
    public record Context(String sellerCountry, String buyerCountry, boolean buyerHasValidVatId,
                          boolean buyerIsBusiness, Category category, LocalDate taxDate, String language) {
        public Context {
            Objects.requireNonNull(sellerCountry, "seller country");
            Objects.requireNonNull(buyerCountry, "buyer country: customers without a country cannot be invoiced");
            Objects.requireNonNull(taxDate, "tax date");
        }
    }

    /** The outcome for one line: rate code and percentage, the reason, and the notice to print, if any. */
    public record Decision(String rateCode, BigDecimal ratePercent, Reason reason, String notice) {
    }

    static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
            "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private static final Map<String, String> REVERSE_CHARGE_NOTICE = Map.of(
            "en", "Reverse charge: VAT to be accounted for by the recipient (Article 196, Directive 2006/112/EC).",
            "de", "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge).",
            "fr", "Autoliquidation : TVA due par le preneur (article 196 de la directive 2006/112/CE).",
            "es", "Inversión del sujeto pasivo (artículo 196 de la Directiva 2006/112/CE).",
            "it", "Inversione contabile ai sensi dell'articolo 196 della direttiva 2006/112/CE.",
            "nl", "Btw verlegd (artikel 196, Richtlijn 2006/112/EG).");

    private static final Map<String, String> EXPORT_NOTICE = Map.of(
            "en", "Export outside the EU: zero-rated supply.",
            "de", "Steuerfreie Ausfuhrlieferung.",
            "fr", "Exportation hors UE : exonération de TVA.",
            "es", "Exportación exenta de IVA.",
            "it", "Operazione non imponibile: esportazione.",
            "nl", "Uitvoer buiten de EU: nultarief.");

    private final List<Rate> rates;

    public TaxRuleEngine(List<Rate> configuredRates) {
        this.rates = List.copyOf(configuredRates);
    }

    /** Decides the rate and notice for one line. */
    public Decision decide(Context ctx) {
        if (ctx.category() == Category.EXEMPT) {
            return new Decision("EXEMPT", BigDecimal.ZERO, Reason.EXEMPT, null);
        }
        boolean sellerInEu = EU.contains(ctx.sellerCountry());
        boolean buyerInEu = EU.contains(ctx.buyerCountry());
        boolean crossBorder = !ctx.sellerCountry().equals(ctx.buyerCountry());

        if (sellerInEu && !buyerInEu) {
            return new Decision("EXPORT", BigDecimal.ZERO, Reason.EXPORT, notice(EXPORT_NOTICE, ctx.language()));
        }
        if (sellerInEu && crossBorder && ctx.buyerIsBusiness() && ctx.buyerHasValidVatId()) {
            return new Decision("RC", BigDecimal.ZERO, Reason.REVERSE_CHARGE,
                    notice(REVERSE_CHARGE_NOTICE, ctx.language()));
        }
        Rate rate = rateFor(ctx.sellerCountry(), ctx.category(), ctx.taxDate());
        String code = ctx.sellerCountry() + "-" + ctx.category().name() + "-" + rate.percent().stripTrailingZeros().toPlainString();
        return new Decision(code, rate.percent(), Reason.DOMESTIC, null);
    }

    /** The rate configured for a country and category that is valid on {@code date}. */
    public Rate rateFor(String country, Category category, LocalDate date) {
        List<Rate> candidates = new ArrayList<>();
        for (Rate r : rates) {
            if (r.country().equals(country) && r.category() == category && r.appliesOn(date)) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("No " + category + " tax rate configured for " + country + " on " + date);
        }
        if (candidates.size() > 1) {
            throw new IllegalStateException("Overlapping " + category + " tax rates for " + country + " on " + date);
        }
        return candidates.get(0);
    }

    /**
     * Derives the net amount from a tax-inclusive price, for consumer prices
     * entered gross. Rounded half-even to whole minor units, like net prices.
     */
    public static long netFromGross(long grossMinor, BigDecimal ratePercent) {
        BigDecimal divisor = BigDecimal.ONE.add(ratePercent.movePointLeft(2));
        return BigDecimal.valueOf(grossMinor).divide(divisor, 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /**
     * Adds a rate that starts on {@code from}, closing the currently open rate
     * for the same country and category the day before. Past invoices keep the
     * decision stored on them and are not affected.
     */
    public TaxRuleEngine withRateChange(String country, Category category, BigDecimal percent, LocalDate from) {
        List<Rate> next = new ArrayList<>();
        for (Rate r : rates) {
            if (r.country().equals(country) && r.category() == category && r.validUntil() == null) {
                next.add(new Rate(r.country(), r.category(), r.percent(), r.validFrom(), from));
            } else {
                next.add(r);
            }
        }
        next.add(new Rate(country, category, percent, from, null));
        return new TaxRuleEngine(next);
    }

    private static String notice(Map<String, String> texts, String language) {
        String lang = language == null ? "en" : language.toLowerCase(Locale.ROOT);
        return texts.getOrDefault(lang, texts.get("en"));
    }
}
