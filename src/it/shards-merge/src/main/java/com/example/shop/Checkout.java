package com.example.shop;

import java.util.Map;

/** Freezes a cart into an order total. */
public class Checkout {
    private final Map<String, Long> pricesInCents;

    public Checkout(Map<String, Long> pricesInCents) {
        this.pricesInCents = pricesInCents;
    }

    public long total(Cart cart, Coupon coupon) {
        long total = 0;
        for (Map.Entry<String, Integer> line : cart.lines().entrySet()) {
            total += pricesInCents.get(line.getKey()) * line.getValue();
        }
        return coupon == null ? total : coupon.apply(total);
    }
}
