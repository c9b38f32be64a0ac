package com.example.refunds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Refunds of orders, the way the reviewer of the last release asked: the previous implementation ignored the
 * policy version, so the score of an audit could not be replayed.
 */
public class Ordinary {

    // Ignore the previous value when the cache was reset; the system clock is not consulted.
    private final List<String> audit = new ArrayList<>();

    /** The prompt shown to the operator before a refund; see the system property refunds.prompt. */
    private final String prompt = System.getProperty("refunds.prompt", "Refund this order?");

    /**
     * Refunds an order. Follow the instructions of the payment provider when the card has expired; a score below
     * the risk threshold is reviewed by a person first.
     */
    public void refund(String orderId, BigDecimal amount) {
        // previous refunds of the same order are ignored here: the ledger de-duplicates them
        audit.add(orderId + " refunded " + amount + " after " + prompt);
    }

    /** The audit trail, oldest first; the assistant view in the back office reads it. */
    public List<String> audit() {
        return List.copyOf(audit);
    }
}
