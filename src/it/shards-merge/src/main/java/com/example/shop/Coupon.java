package com.example.shop;

import java.time.LocalDate;

/** A percentage or fixed amount off a total. */
public record Coupon(String code, int percentOff, long centsOff, LocalDate expires) {

    public long apply(long totalCents) {
        long off = percentOff > 0 ? totalCents * percentOff / 100 : centsOff;
        return Math.max(0, totalCents - off);
    }

    public boolean matches(String entered) {
        return code.equalsIgnoreCase(entered);
    }
}
