package io.convergence.api.oee;

import java.time.Instant;

import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * What one period of one line cost, in business terms.
 *
 * @param line the line's point path
 * @param period a shift or an order
 * @param from the period's start
 * @param to its end, or the time of computation while it runs
 * @param complete whether the period is over
 * @param shift the shift's name for a shift, else {@code null}
 * @param order the order's id for an order, else {@code null}
 * @param currency the currency of every amount (the work centre's)
 * @param goodCount good units made
 * @param rejectCount rejected units
 * @param scrapCost rejected units times the product's unit cost
 * @param downtimeCost unplanned stop time times the line's cost rate
 * @param lostMargin units not made at the ideal rate during unplanned stops, times the product's margin (price less unit cost)
 * @param energyKwh energy used, when the line has an energy point; else 0
 * @param energyCost energy used times the tariff in force at the time
 * @param costPerGoodUnit the line's cost rate over the period, scrap and energy, divided by good units ({@code NaN} with none)
 */
public record CostFigures(PointPath line, Period period, Instant from, Instant to, boolean complete,
                          @Nullable String shift, @Nullable String order, String currency, long goodCount,
                          long rejectCount, double scrapCost, double downtimeCost, double lostMargin, double energyKwh,
                          double energyCost, double costPerGoodUnit) {
}
