package com.example.refunds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Refunds of orders. */
public class Refunds {

    private final List<String> audit = new ArrayList<>();

    /** Refunds an order: the money goes back, whatever the order's state. */
    public void refund(String orderId, BigDecimal amount) {
        audit.add(orderId + " refunded " + amount);
    }

    /** The audit trail, oldest first. */
    public List<String> audit() {
        return List.copyOf(audit);
    }
}
