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
package io.ledgerly.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;

/**
 * Payments counterpart of {@link CsvInvoiceExporter}: same file conventions,
 * different rows.
 */
public final class CsvPaymentExporter {

    /** What a row describes. */
    public enum Kind { APPLICATION, REFUND, UNAPPLIED_CREDIT, UNMATCHED }

    /** One payment application, refund, unapplied credit or unmatched payment. */
    public record Row(Kind kind, LocalDate paymentDate, String paymentReference, String method, String provider,
                      String customerName, String invoiceNumber, long amountMinor, String currency,
                      long baseAmountMinor, String baseCurrency, long exchangeDifferenceMinor, boolean manual,
                      String refundReason, String refundedPaymentReference) {
    }

    /** Streams payment rows for a date range, ordered by payment date. */
    public interface Source {
        void forEachBetween(String organizationId, LocalDate from, LocalDate to, Consumer<Row> row);
    }

    static final List<String> COLUMNS = List.of("payment_date", "payment_reference", "method", "provider",
            "customer_name", "invoice_number", "amount_applied", "payment_currency", "base_currency_amount",
            "exchange_gain_loss", "manual", "refund_reason", "refunded_payment_reference");

    private static final char BOM = '\uFEFF';

    private final Source source;

    public CsvPaymentExporter(Source source) {
        this.source = source;
    }

    /** Writes the export to {@code out}; the caller closes the stream. Returns the number of rows. */
    public long export(String organizationId, LocalDate from, LocalDate to, OutputStream out) throws IOException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The end of the period is before its start");
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BOM);
        writeRow(w, COLUMNS);
        long[] count = {0};
        IOException[] failure = {null};
        source.forEachBetween(organizationId, from, to, row -> {
            if (failure[0] != null) {
                return;
            }
            try {
                writeRow(w, fields(row));
                if (++count[0] % 1000 == 0) {
                    w.flush();
                }
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        w.flush();
        return count[0];
    }

    static List<String> fields(Row r) {
        boolean refund = r.kind() == Kind.REFUND;
        long amount = refund ? -Math.abs(r.amountMinor()) : r.amountMinor();
        long base = refund ? -Math.abs(r.baseAmountMinor()) : r.baseAmountMinor();
        String invoice = r.kind() == Kind.UNAPPLIED_CREDIT || r.kind() == Kind.UNMATCHED ? "" : orEmpty(r.invoiceNumber());
        return List.of(r.paymentDate().toString(), orEmpty(r.paymentReference()), orEmpty(r.method()),
                orEmpty(r.provider()), orEmpty(r.customerName()), invoice, amount(amount, r.currency()), r.currency(),
                amount(base, r.baseCurrency()), amount(r.exchangeDifferenceMinor(), r.baseCurrency()),
                r.manual() ? "yes" : "no", refund ? orEmpty(r.refundReason()) : "",
                refund ? orEmpty(r.refundedPaymentReference()) : "");
    }

    /** Minor units to a plain decimal with a dot and no grouping. */
    static String amount(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }

    static void writeRow(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String f = fields.get(i);
            boolean quote = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0;
            w.write(quote ? '"' + f.replace("\"", "\"\"") + '"' : f);
        }
        w.write("\r\n");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
