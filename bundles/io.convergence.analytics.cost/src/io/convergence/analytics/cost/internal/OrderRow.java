package io.convergence.analytics.cost.internal;

import java.time.Instant;

import io.convergence.api.business.ProductionOrder;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * One row of the order view: an order with its progress, OEE, scrap cost and forecast. Unknown figures
 * are {@code null} (an order that has not run, or whose figures are not recorded).
 *
 * @param forecastEnd the forecast end of an open order, the actual end of a completed one
 * @param late whether the (forecast) end is after the due date; {@code null} when there is no end to compare
 */
record OrderRow(String order, String product, PointPath line, ProductionOrder.State state, long quantity,
                @Nullable Long goodCount, @Nullable Double oee, @Nullable Double scrapCost, String currency,
                @Nullable Instant forecastEnd, Instant due, @Nullable Boolean late) {

    /** Good units over the quantity ordered. */
    @Nullable Double progress() {
        return goodCount == null ? null : (double) goodCount / quantity;
    }
}
