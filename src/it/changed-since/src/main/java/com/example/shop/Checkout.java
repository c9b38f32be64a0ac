package com.example.shop;

/** Turns a cart into an order. */
public class Checkout {

    public String place(Cart cart) {
        if (cart.isEmpty()) {
            throw new IllegalStateException("The cart is empty");
        }
        return "order-" + cart.totalCents();
    }
}
