package io.convergence.api.oee;

import java.time.Instant;
import java.util.List;

import io.convergence.api.point.PointPath;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The cost of OEE losses per line: scrap, downtime, energy, per shift and order, the downtime
 * Pareto, and order completion forecasts. Registered by the cost model's bundle; it builds on the
 * {@link OeeService} and the business data (unit costs, prices, cost rates, the energy tariff).
 */
@ProviderType
public interface CostService {

    /**
     * The cost of every shift or order ({@code period} {@link Period#SHIFT} or {@link Period#ORDER})
     * overlapping {@code [from, to)}, sorted by start; the running one last.
     *
     * @throws OeeException if the line has no OEE configuration, or for {@link Period#HOUR}
     */
    List<CostFigures> costs(PointPath line, Period period, Instant from, Instant to) throws OeeException;

    /** The unplanned stops of {@code [from, to)} by reason, costliest first. */
    List<ReasonCost> downtimeByReason(PointPath line, Instant from, Instant to) throws OeeException;

    /** The running order and the line's released and planned orders, in plan order, with their forecasts. */
    List<OrderForecast> forecasts(PointPath line) throws OeeException;
}
