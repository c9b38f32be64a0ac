package com.example.stock;

/** Stock kept for orders: one of three files reviewed against the same PRD. */
public class Releases {

    private int reserved;

    public void reserve(int units) {
        reserved += units;
    }

    public void release(int units) {
        reserved -= units;
    }

    public int reserved() {
        return reserved;
    }
}
