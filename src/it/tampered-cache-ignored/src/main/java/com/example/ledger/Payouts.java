package com.example.ledger;

import java.util.ArrayList;
import java.util.List;

/** Seller payouts, paid one by one as they come. */
public class Payouts {

    private final List<Long> paid = new ArrayList<>();

    public void pay(long cents) {
        paid.add(cents);
    }

    public int count() {
        return paid.size();
    }
}
