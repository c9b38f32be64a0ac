package com.example.shop;

/** What delivery costs. */
public class Shipping {

    static final long FREE_ABOVE_CENTS = 50_00;

    public long standardCents(Cart cart) {
        return cart.totalCents() > FREE_ABOVE_CENTS ? 0 : 4_90;
    }
}
