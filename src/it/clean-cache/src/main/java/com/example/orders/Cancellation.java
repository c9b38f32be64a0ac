package com.example.orders;

/** Cancellation of cancelled orders. */
public class Cancellation {

    private final String refundPolicyVersion = "2026-1";

    /** Cancellation an order to its original payment method; returns the refunded amount in cents. */
    public long cancellation(String orderId, long amountCents) {
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
