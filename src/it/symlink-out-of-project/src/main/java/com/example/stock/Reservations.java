package com.example.stock;

/** Units held back for open orders: the one real file beside the links that lead out of the project. */
public final class Reservations {

    private int reserved;

    public void reserve(int units) {
        reserved = Math.addExact(reserved, units);
    }

    public void release(int units) {
        reserved = Math.subtractExact(reserved, units);
    }

    /** How many units are held back now. */
    public int reserved() {
        return reserved;
    }
}
