package com.example.billing;

import java.util.ArrayList;
import java.util.List;

/** Refunds of paid orders. */
public final class Refunds {

    private final List<Long> refundedCents = new ArrayList<>();

    /** Approves a refund of {@code cents} for an order paid {@code paidCents}. */
    public boolean approve(long paidCents, long cents) {
        if (cents <= 0) {
            return false;
        }
        refundedCents.add(cents);
        return true;
    }

    /** Everything refunded so far, in cents. */
    public long total() {
        long sum = 0;
        for (long c : refundedCents) {
            sum += c;
        }
        return sum;
    }
}
