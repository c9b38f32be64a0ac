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

import io.ledgerly.invoice.Invoice;

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
 * Streams invoices issued in a date range to CSV, one row per invoice or per
 * line. Void invoices stay in. Plain-decimal amounts, ISO dates, UTF-8 with BOM,
 * RFC 4180 quoting, CRLF line ends.
 */
public final class CsvInvoiceExporter {

    /** One invoice with the customer and base-currency figures the export needs. */
    public record Row(Invoice invoice, String customerName, String customerTaxNumber,
                      long baseCurrencyTotalMinor, String baseCurrency, BigDecimal exchangeRate) {
    }

    /** Streams invoices issued in a date range, ordered by number. */
    public interface Source {
        void forEachIssuedBetween(String organizationId, LocalDate from, LocalDate to, Consumer<Row> row);
    }

    static final List<String> INVOICE_COLUMNS = List.of("number", "status", "customer_name", "customer_tax_number",
            "issue_date", "due_date", "currency", "subtotal", "tax", "total", "amount_paid", "amount_due",
            "base_currency", "base_currency_total", "exchange_rate");

    static final List<String> LINE_COLUMNS = List.of("number", "status", "customer_name", "issue_date",
            "currency", "line_description", "quantity", "unit_price", "tax_rate", "line_amount");

    private static final char BOM = '\uFEFF';

    private final Source source;

    public CsvInvoiceExporter(Source source) {
        this.source = source;
    }

    /** Writes the export to {@code out}; the caller closes the stream. Returns the number of rows. */
    public long export(String organizationId, LocalDate from, LocalDate to, boolean perLine, OutputStream out)
            throws IOException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The end of the period is before its start");
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BOM);
        writeRow(w, perLine ? LINE_COLUMNS : INVOICE_COLUMNS);
        long[] count = {0};
        IOException[] failure = {null};
        source.forEachIssuedBetween(organizationId, from, to, row -> {
            if (failure[0] != null) {
                return;
            }
            try {
                if (perLine) {
                    for (Invoice.LineItem line : row.invoice().lines()) {
                        writeRow(w, lineRow(row, line));
                        count[0]++;
                    }
                } else {
                    writeRow(w, invoiceRow(row));
                    count[0]++;
                }
                if (count[0] % 1000 == 0) {
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

    static List<String> invoiceRow(Row row) {
        Invoice inv = row.invoice();
        boolean isVoid = inv.status() == Invoice.Status.VOID;
        return List.of(inv.number(), status(inv), row.customerName(), nullToEmpty(row.customerTaxNumber()),
                inv.issueDate().toString(), inv.dueDate().toString(), inv.currency(),
                amount(inv.subtotalMinor(), inv.currency()), amount(inv.taxMinor(), inv.currency()),
                amount(inv.totalMinor(), inv.currency()), amount(inv.paidMinor(), inv.currency()),
                amount(isVoid ? 0 : inv.amountDueMinor(), inv.currency()), row.baseCurrency(),
                amount(row.baseCurrencyTotalMinor(), row.baseCurrency()),
                row.exchangeRate() == null ? "" : row.exchangeRate().toPlainString());
    }

    static List<String> lineRow(Row row, Invoice.LineItem line) {
        Invoice inv = row.invoice();
        String rate = inv.taxLines().stream()
                .filter(t -> t.rateCode().contains(line.taxCategory()))
                .map(t -> t.ratePercent().stripTrailingZeros().toPlainString())
                .findFirst().orElse("");
        return List.of(inv.number(), status(inv), row.customerName(), inv.issueDate().toString(), inv.currency(),
                line.description(), line.quantity().stripTrailingZeros().toPlainString(),
                amount(line.unitPriceMinor(), inv.currency()), rate, amount(line.amountMinor(), inv.currency()));
    }

    static String status(Invoice inv) {
        return inv.status().name().toLowerCase().replace('_', ' ');
    }

    /** Minor units to a plain decimal with a dot and no grouping, e.g. 123456 EUR to {@code 1234.56}. */
    static String amount(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }

    /** Writes one record, quoting fields that contain a separator, a quote or a line break (RFC 4180). */
    static void writeRow(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(fields.get(i)));
        }
        w.write("\r\n");
    }

    static String quote(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
