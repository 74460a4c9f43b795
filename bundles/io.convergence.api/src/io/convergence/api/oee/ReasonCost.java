package io.convergence.api.oee;

import io.convergence.api.business.LossCategory;

import org.jspecify.annotations.Nullable;

/**
 * The unplanned stops of one reason over a time range: a bar of the downtime Pareto.
 *
 * @param reasonCode the code, {@code null} for stops without a reason
 * @param reasonText the reason's text
 * @param category the OEE factor those stops cost
 * @param stops how many stops
 * @param seconds their total length within the range
 * @param cost their cost: time times the line's rate, plus the margin lost at the ideal rate
 * @param currency the currency of {@code cost}
 */
public record ReasonCost(@Nullable String reasonCode, String reasonText, LossCategory category, int stops, double seconds,
                         double cost, String currency) {
}
