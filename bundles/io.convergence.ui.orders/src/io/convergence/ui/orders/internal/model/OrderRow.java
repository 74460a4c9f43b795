package io.convergence.ui.orders.internal.model;

import java.time.Instant;

import io.convergence.api.business.ProductionOrder;

import org.jspecify.annotations.Nullable;

/**
 * One order as the table writes it.
 *
 * @param order the order
 * @param product the product's name (and id)
 * @param state its state
 * @param progress good units over the quantity, 0–1; {@code NaN} when not known
 * @param progressText {@code 1,240 / 5,000}
 * @param oee its OEE, or a dash
 * @param scrap its scrap cost, or a dash
 * @param due its due date
 * @param forecast when it will finish (or when it did)
 * @param lateness {@code late by 1 h 20 min}, {@code 35 min ahead}, or empty
 * @param late whether it is (or will be) late
 * @param from the start of its time on the line, {@code null} until it starts
 * @param to the end of its time on the line (now while it runs)
 */
public record OrderRow(ProductionOrder order, String product, String state, double progress, String progressText,
                       String oee, String scrap, String due, String forecast, String lateness, boolean late,
                       @Nullable Instant from, @Nullable Instant to) {

    /** Whether a trend can show its time on the line. */
    public boolean hasWindow() {
        return from != null && to != null && to.isAfter(from);
    }
}
