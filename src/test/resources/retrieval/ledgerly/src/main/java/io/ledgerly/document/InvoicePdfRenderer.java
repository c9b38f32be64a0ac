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
package io.ledgerly.document;

import io.ledgerly.invoice.Invoice;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Draws an invoice onto a {@link PdfCanvas}: a header with both parties and the
 * logo, the line table with repeated headings and a carried-forward subtotal
 * across pages, per-rate tax lines, totals, notices and payment instructions.
 * Money and dates are formatted for the invoice locale. The bytes are stored as
 * a new version.
 */
public final class InvoicePdfRenderer {

    /** The three layouts an organization can choose from. */
    public enum Layout { CLASSIC, MODERN, COMPACT }

    /** Branding an organization may set. */
    public record Branding(Layout layout, String accentColourHex, String footerText, byte[] logoPng) {
    }

    /** A party on the invoice: the organization or the customer. */
    public record Party(String legalName, List<String> addressLines, String taxNumber) {
    }

    /** Everything printed that is not on the invoice itself. */
    public record Context(Party seller, Party buyer, LocalDate supplyDate, String paymentInstructions,
                          Branding branding, boolean voidWatermark) {
    }

    /** The drawing surface; the production implementation writes PDF/A-3 with embedded fonts. */
    public interface PdfCanvas {
        void newPage();

        void text(float x, float y, String font, float size, String text);

        void textRight(float x, float y, String font, float size, String text);

        void rule(float x1, float y1, float x2, float y2, String colourHex);

        void image(float x, float y, float width, byte[] png);

        void watermark(String text);

        byte[] finish(String title, String language);
    }

    /** Stores rendered documents; versions are kept, never overwritten. */
    public interface DocumentStore {
        void store(String organizationId, String invoiceId, int version, byte[] pdf);
    }

    static final float TOP = 800f;
    static final float BOTTOM = 90f;
    static final float ROW = 16f;
    static final int MAX_LINES_FOR_SLA = 200;

    private final DocumentStore documents;

    public InvoicePdfRenderer(DocumentStore documents) {
        this.documents = documents;
    }

    /** Renders {@code invoice}, stores the PDF as {@code version}, and returns the bytes. */
    public byte[] render(Invoice invoice, Context ctx, PdfCanvas canvas, int version) {
        Locale locale = Locale.forLanguageTag(invoice.language() == null ? "en" : invoice.language());
        NumberFormat money = NumberFormat.getCurrencyInstance(locale);
        Currency currency = Currency.getInstance(invoice.currency());
        money.setCurrency(currency);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String accent = ctx.branding().accentColourHex() == null ? "#1F2937" : ctx.branding().accentColourHex();

        canvas.newPage();
        float y = header(invoice, ctx, canvas, dates);
        y = tableHeading(canvas, y, accent);
        long carried = 0;
        for (Invoice.LineItem line : invoice.lines()) {
            if (y < BOTTOM + ROW) {
                canvas.text(40, y, "Regular", 9, "Carried forward");
                canvas.textRight(555, y, "Regular", 9, format(money, carried, currency));
                canvas.newPage();
                y = tableHeading(canvas, TOP, accent);
                canvas.text(40, y, "Regular", 9, "Brought forward");
                canvas.textRight(555, y, "Regular", 9, format(money, carried, currency));
                y -= ROW;
            }
            canvas.text(40, y, "Regular", 9, line.description());
            canvas.textRight(330, y, "Regular", 9, line.quantity().stripTrailingZeros().toPlainString());
            canvas.textRight(410, y, "Regular", 9, format(money, line.unitPriceMinor(), currency));
            canvas.textRight(470, y, "Regular", 9, discount(line, money, currency));
            canvas.textRight(555, y, "Regular", 9, format(money, line.amountMinor(), currency));
            carried += line.amountMinor();
            y -= ROW;
        }

        y -= ROW / 2;
        canvas.rule(330, y + ROW, 555, y + ROW, accent);
        canvas.text(330, y, "Regular", 10, "Subtotal");
        canvas.textRight(555, y, "Regular", 10, format(money, invoice.subtotalMinor(), currency));
        for (Invoice.TaxLine tax : invoice.taxLines()) {
            y -= ROW;
            canvas.text(330, y, "Regular", 10, "Tax " + tax.ratePercent().stripTrailingZeros().toPlainString()
                    + "% on " + format(money, tax.baseMinor(), currency));
            canvas.textRight(555, y, "Regular", 10, format(money, tax.taxMinor(), currency));
        }
        y -= ROW;
        canvas.text(330, y, "Bold", 11, "Total");
        canvas.textRight(555, y, "Bold", 11, format(money, invoice.totalMinor(), currency));
        y -= ROW;
        canvas.text(330, y, "Bold", 11, "Amount due");
        canvas.textRight(555, y, "Bold", 11, format(money, invoice.amountDueMinor(), currency));

        y -= 2 * ROW;
        for (Invoice.TaxLine tax : invoice.taxLines()) {
            if (tax.notice() != null) {
                canvas.text(40, y, "Italic", 8, tax.notice());
                y -= ROW;
            }
        }
        if (ctx.paymentInstructions() != null) {
            canvas.text(40, y, "Regular", 9, ctx.paymentInstructions());
        }
        if (ctx.branding().footerText() != null) {
            canvas.text(40, 40, "Regular", 7, ctx.branding().footerText());
        }
        if (ctx.voidWatermark()) {
            canvas.watermark("VOID");
        }
        byte[] pdf = canvas.finish("Invoice " + invoice.number(), locale.getLanguage());
        documents.store(invoice.organizationId(), invoice.id(), version, pdf);
        return pdf;
    }

    private float header(Invoice invoice, Context ctx, PdfCanvas canvas, DateTimeFormatter dates) {
        float y = TOP;
        if (ctx.branding().logoPng() != null) {
            canvas.image(40, y - 40, 120, ctx.branding().logoPng());
        }
        party(canvas, 360, y, ctx.seller());
        y -= 110;
        party(canvas, 40, y, ctx.buyer());
        canvas.text(360, y, "Bold", 14, "Invoice " + invoice.number());
        canvas.text(360, y - ROW, "Regular", 9, "Issue date: " + dates.format(invoice.issueDate()));
        if (ctx.supplyDate() != null) {
            canvas.text(360, y - 2 * ROW, "Regular", 9, "Supply date: " + dates.format(ctx.supplyDate()));
        }
        canvas.text(360, y - 3 * ROW, "Regular", 9, "Due date: " + dates.format(invoice.dueDate()));
        if (invoice.purchaseOrderReference() != null) {
            canvas.text(360, y - 4 * ROW, "Regular", 9, "PO: " + invoice.purchaseOrderReference());
        }
        return y - 6 * ROW;
    }

    private static void party(PdfCanvas canvas, float x, float y, Party p) {
        canvas.text(x, y, "Bold", 10, p.legalName());
        float ly = y - ROW;
        for (String line : p.addressLines()) {
            canvas.text(x, ly, "Regular", 9, line);
            ly -= 12;
        }
        if (p.taxNumber() != null) {
            canvas.text(x, ly, "Regular", 9, "Tax no. " + p.taxNumber());
        }
    }

    private static float tableHeading(PdfCanvas canvas, float y, String accent) {
        canvas.text(40, y, "Bold", 9, "Description");
        canvas.textRight(330, y, "Bold", 9, "Qty");
        canvas.textRight(410, y, "Bold", 9, "Unit price");
        canvas.textRight(470, y, "Bold", 9, "Discount");
        canvas.textRight(555, y, "Bold", 9, "Amount");
        canvas.rule(40, y - 4, 555, y - 4, accent);
        return y - ROW - 4;
    }

    private static String discount(Invoice.LineItem line, NumberFormat money, Currency currency) {
        if (line.discountPercent() != null && line.discountPercent().signum() > 0) {
            return line.discountPercent().stripTrailingZeros().toPlainString() + " %";
        }
        return line.discountMinor() > 0 ? "-" + format(money, line.discountMinor(), currency) : "";
    }

    static String format(NumberFormat money, long minor, Currency currency) {
        return money.format(BigDecimal.valueOf(minor, Math.max(0, currency.getDefaultFractionDigits())));
    }
}
