/**
 * The cost model: scrap, downtime and energy costs per shift and order, the downtime Pareto, order
 * completion forecasts and the late-order event, computed from the OEE service's figures and stops and
 * the business data's costs, prices, rates and tariff; and the {@code orders} command of the command line.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.analytics.cost.internal;
