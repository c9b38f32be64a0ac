package com.example.shop;

import java.util.HashMap;
import java.util.Map;

/** Takes payment once per idempotency key. */
public class Payment {
    private final Map<String, Boolean> results = new HashMap<>();

    public boolean pay(String idempotencyKey, long amountCents) {
        return results.computeIfAbsent(idempotencyKey, k -> charge(amountCents));
    }

    private boolean charge(long amountCents) {
        return amountCents > 0;
    }
}
