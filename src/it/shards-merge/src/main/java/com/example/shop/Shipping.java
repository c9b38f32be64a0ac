package com.example.shop;

/** Shipping costs and shipments. */
public class Shipping {
    static final long FLAT_CENTS = 499;
    static final long FREE_FROM_CENTS = 5000;

    public long cost(long totalCents) {
        return totalCents >= FREE_FROM_CENTS ? 0 : FLAT_CENTS;
    }

    public String ship(String orderId, String carrier) {
        return carrier + ":" + orderId;
    }
}
