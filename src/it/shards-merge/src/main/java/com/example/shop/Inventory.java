package com.example.shop;

import java.util.HashMap;
import java.util.Map;

/** Stock per SKU, with reservations for placed orders. */
public class Inventory {
    private final Map<String, Integer> stock = new HashMap<>();

    public void receive(String sku, int units) {
        stock.merge(sku, units, Integer::sum);
    }

    public void reserve(String sku, int units) {
        int left = stock.getOrDefault(sku, 0) - units;
        if (left < 0) {
            throw new IllegalStateException("not enough stock of " + sku);
        }
        stock.put(sku, left);
    }

    public void release(String sku, int units) {
        receive(sku, units);
    }
}
