package com.example.stock;

/** Stock held back for orders, as one running count. */
public class Reservations {

    private int held;

    public void hold(int units) {
        held += units;
    }

    public int held() {
        return held;
    }
}
