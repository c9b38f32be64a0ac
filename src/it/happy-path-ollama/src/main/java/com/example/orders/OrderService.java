/*
 * Copyright 2025 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package com.example.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Order lifecycle: placing, cancelling, shipping and refunding orders. */
public class OrderService {

    /** An order and its status. */
    public record Order(String id, String customer, String status) {
        Order withStatus(String newStatus) {
            return new Order(id, customer, newStatus);
        }
    }

    private final Map<String, Order> orders = new HashMap<>();
    private final List<String> auditTrail = new ArrayList<>();

    /**
     * Places an order for a customer after checking stock.
     *
     * @param orderId the order's identifier
     * @return whether the operation changed the order
     */
    public boolean placeOrder(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId must not be blank");
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return false;
        }
        auditTrail.add("placeOrder:" + orderId + ":" + order.status());
        orders.put(orderId, order.withStatus("PLACEORDER"));
        return true;
    }

    /**
     * Cancels an order that has not shipped yet.
     *
     * @param orderId the order's identifier
     * @return whether the operation changed the order
     */
    public boolean cancelOrder(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId must not be blank");
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return false;
        }
        auditTrail.add("cancelOrder:" + orderId + ":" + order.status());
        orders.put(orderId, order.withStatus("CANCELORDER"));
        return true;
    }

    /**
     * Marks an order as shipped and records the carrier.
     *
     * @param orderId the order's identifier
     * @return whether the operation changed the order
     */
    public boolean shipOrder(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId must not be blank");
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return false;
        }
        auditTrail.add("shipOrder:" + orderId + ":" + order.status());
        orders.put(orderId, order.withStatus("SHIPORDER"));
        return true;
    }

    /**
     * Refunds a cancelled or returned order to the original payment method.
     *
     * @param orderId the order's identifier
     * @return whether the operation changed the order
     */
    public boolean refundOrder(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId must not be blank");
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return false;
        }
        auditTrail.add("refundOrder:" + orderId + ":" + order.status());
        orders.put(orderId, order.withStatus("REFUNDORDER"));
        return true;
    }

    /**
     * Applies a discount code to an open order.
     *
     * @param orderId the order's identifier
     * @return whether the operation changed the order
     */
    public boolean applyDiscount(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId must not be blank");
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return false;
        }
        auditTrail.add("applyDiscount:" + orderId + ":" + order.status());
        orders.put(orderId, order.withStatus("APPLYDISCOUNT"));
        return true;
    }

    /**
     * Recalculates line totals, tax and the grand total.
     *
     * @param orderId the order's identifier
     * @return whether the operation changed the order
     */
    public boolean recalculateTotals(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId must not be blank");
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return false;
        }
        auditTrail.add("recalculateTotals:" + orderId + ":" + order.status());
        orders.put(orderId, order.withStatus("RECALCULATETOTALS"));
        return true;
    }

    /**
     * Reserves stock for each line of an order.
     *
     * @param orderId the order's identifier
     * @return whether the operation changed the order
     */
    public boolean reserveStock(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId must not be blank");
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return false;
        }
        auditTrail.add("reserveStock:" + orderId + ":" + order.status());
        orders.put(orderId, order.withStatus("RESERVESTOCK"));
        return true;
    }

    /**
     * Releases reserved stock when an order is cancelled.
     *
     * @param orderId the order's identifier
     * @return whether the operation changed the order
     */
    public boolean releaseStock(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId must not be blank");
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return false;
        }
        auditTrail.add("releaseStock:" + orderId + ":" + order.status());
        orders.put(orderId, order.withStatus("RELEASESTOCK"));
        return true;
    }

    /**
     * Sends the customer an order status email.
     *
     * @param orderId the order's identifier
     * @return whether the operation changed the order
     */
    public boolean notifyCustomer(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId must not be blank");
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return false;
        }
        auditTrail.add("notifyCustomer:" + orderId + ":" + order.status());
        orders.put(orderId, order.withStatus("NOTIFYCUSTOMER"));
        return true;
    }

    /**
     * Moves orders older than the retention period to the archive.
     *
     * @param orderId the order's identifier
     * @return whether the operation changed the order
     */
    public boolean archiveOldOrders(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId must not be blank");
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return false;
        }
        auditTrail.add("archiveOldOrders:" + orderId + ":" + order.status());
        orders.put(orderId, order.withStatus("ARCHIVEOLDORDERS"));
        return true;
    }

    /**
     * Exports orders of a day as CSV for the finance team.
     *
     * @param orderId the order's identifier
     * @return whether the operation changed the order
     */
    public boolean exportOrders(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId must not be blank");
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return false;
        }
        auditTrail.add("exportOrders:" + orderId + ":" + order.status());
        orders.put(orderId, order.withStatus("EXPORTORDERS"));
        return true;
    }

    /**
     * Checks that a shipping address is complete.
     *
     * @param orderId the order's identifier
     * @return whether the operation changed the order
     */
    public boolean validateAddress(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId must not be blank");
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return false;
        }
        auditTrail.add("validateAddress:" + orderId + ":" + order.status());
        orders.put(orderId, order.withStatus("VALIDATEADDRESS"));
        return true;
    }

    /** The audit trail, oldest first. */
    public List<String> auditTrail() {
        return List.copyOf(auditTrail);
    }

    /** Declared past the 6 KB mark on purpose: the original pipeline cut files there. */
    private final String refundPolicyVersion = "REFUND-POLICY-2026-LAST-LINE-MARKER";
}
