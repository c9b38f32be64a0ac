package com.example.stock;

import java.util.List;

/** The nightly export of a day's orders as CSV, one line per order. */
public class Reports {

    public String csv(List<String> orderIds) {
        StringBuilder out = new StringBuilder("order\n");
        orderIds.forEach(id -> out.append(id).append('\n'));
        return out.toString();
    }
}
