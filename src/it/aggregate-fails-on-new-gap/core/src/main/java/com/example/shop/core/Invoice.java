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
package com.example.shop.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer invoice: order lines, VAT and the payment due date.
 * Amounts are rounded to cents per line, then summed.
 */
public final class Invoice {

    /** Days between the invoice date and the payment due date. */
    public static final int PAYMENT_TERM_DAYS = 30;

    /** One invoiced product line. */
    public record Line(String sku, int quantity, BigDecimal unitPrice, BigDecimal vatRate) {
        BigDecimal net() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        }

        BigDecimal vat() {
            return net().multiply(vatRate).setScale(2, RoundingMode.HALF_UP);
        }
    }

    private final String number;
    private final LocalDate issuedOn;
    private final List<Line> lines = new ArrayList<>();

    public Invoice(String number, LocalDate issuedOn) {
        this.number = number;
        this.issuedOn = issuedOn;
    }

    public void addLine(String sku, int quantity, BigDecimal unitPrice, BigDecimal vatRate) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        lines.add(new Line(sku, quantity, unitPrice, vatRate));
    }

    /** Sum of the net line amounts. */
    public BigDecimal netTotal() {
        return lines.stream().map(Line::net).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Sum of the VAT of every line. */
    public BigDecimal vatTotal() {
        return lines.stream().map(Line::vat).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Amount payable: net plus VAT. */
    public BigDecimal grossTotal() {
        return netTotal().add(vatTotal());
    }

    /** The day by which the invoice must be paid. */
    public LocalDate dueOn() {
        return issuedOn.plusDays(PAYMENT_TERM_DAYS);
    }

    public String number() {
        return number;
    }
}
