package com.example.ledger;

/** Refunds of one invoice: one of two files whose cached reviews the run tampers with. */
public class Refunds {

    private long refundedCents;

    public boolean refund(long cents) {
        refundedCents += cents;
        return true;
    }

    public long refunded() {
        return refundedCents;
    }
}
