package com.example.shop;

import java.util.LinkedHashMap;
import java.util.Map;

/** The items a customer is about to buy. */
public class Cart {

    private final Map<String, Integer> quantities = new LinkedHashMap<>();
    private final Map<String, Long> unitCents = new LinkedHashMap<>();

    public void add(String sku, int quantity, long centsEach) {
        quantities.merge(sku, quantity, Integer::sum);
        unitCents.put(sku, centsEach);
    }

    public boolean isEmpty() {
        return quantities.isEmpty();
    }

    public long totalCents() {
        return quantities.entrySet().stream().mapToLong(e -> e.getValue() * unitCents.get(e.getKey())).sum();
    }
}
