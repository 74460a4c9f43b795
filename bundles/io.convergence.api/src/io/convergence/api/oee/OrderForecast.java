package io.convergence.api.oee;

import java.time.Instant;

import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * When a running or planned order will finish at the line's current effective rate.
 *
 * @param order the order's id
 * @param line the line's point path
 * @param quantity good units ordered
 * @param goodCount good units made so far
 * @param due when it must be finished
 * @param forecastEnd when it will finish at {@code ratePerHour}; {@code null} when the rate is 0
 * @param ratePerHour good units per hour over the last hour of the order's run (the effective rate)
 * @param late whether {@code forecastEnd} is after {@code due} (or the order cannot finish)
 */
public record OrderForecast(String order, PointPath line, long quantity, long goodCount, Instant due,
                            @Nullable Instant forecastEnd, double ratePerHour, boolean late) {
}
