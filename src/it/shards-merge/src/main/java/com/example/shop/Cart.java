package com.example.shop;

import java.util.LinkedHashMap;
import java.util.Map;

/** A customer's cart: lines of SKU and quantity. */
public class Cart {
    static final int MAX_LINES = 50;
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    public void add(String sku, int quantity) {
        if (!lines.containsKey(sku) && lines.size() >= MAX_LINES) {
            throw new IllegalStateException("a cart holds at most " + MAX_LINES + " lines");
        }
        lines.merge(sku, quantity, Integer::sum);
    }

    public void remove(String sku) {
        lines.computeIfPresent(sku, (k, q) -> q > 1 ? q - 1 : null);
    }

    public Map<String, Integer> lines() {
        return Map.copyOf(lines);
    }
}
