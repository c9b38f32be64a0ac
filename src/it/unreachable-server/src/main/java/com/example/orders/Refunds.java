package com.example.orders;

/** Refunds of cancelled orders. */
public class Refunds {

    private final String refundPolicyVersion = "2026-1";

    /** Refunds an order to its original payment method; returns the refunded amount in cents. */
    public long refund(String orderId, long amountCents) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("nothing to refund for " + orderId);
        }
        return amountCents;
    }

    /** The refund policy in force. */
    public String policyVersion() {
        return refundPolicyVersion;
    }
}
