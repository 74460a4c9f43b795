package io.convergence.sim.erp.internal.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.convergence.api.business.PlannedStop;
import io.convergence.api.business.Product;

import org.jspecify.annotations.Nullable;

/**
 * Forward scheduling, as an ERP's planning run does it: orders one after the other on the line,
 * each taking its changeover (when the product changes) plus its quantity at
 * {@link #PLANNING_RATE} of the product's ideal rate, in production time: planned stops (breaks,
 * maintenance) do not count and push the end out.
 */
public final class Scheduler {

    /** The share of the ideal rate plans count on: the OEE the planners expect. */
    public static final double PLANNING_RATE = 0.85;

    private final List<PlannedStop> stops;
    private final Map<String, Product> products;

    /**
     * @param stops the line's planned stops; overlapping ones are fine
     * @param products the products by id
     */
    public Scheduler(List<PlannedStop> stops, Map<String, Product> products) {
        this.stops = stops.stream().sorted(Comparator.comparing(PlannedStop::start)).toList();
        this.products = products;
    }

    /** An order to schedule: what is still to make of it. */
    public record Job(String orderId, String productId, long quantity) {
    }

    /** Where the plan puts an order. */
    public record Slot(String orderId, Instant start, Instant end) {
    }

    /**
     * Plans jobs one after the other from {@code from}.
     *
     * @param lastProduct the product the line is set up for; null if none (no changeover then)
     * @throws IllegalArgumentException if a job names an unknown product
     */
    public List<Slot> schedule(List<Job> jobs, Instant from, @Nullable String lastProduct) {
        List<Slot> out = new ArrayList<>(jobs.size());
        Instant t = from;
        String setUp = lastProduct;
        for (Job j : jobs) {
            Product p = product(j.productId());
            double seconds = j.quantity() * p.idealCycleSeconds() / PLANNING_RATE;
            if (setUp != null && !setUp.equals(p.id())) {
                seconds += p.changeoverSeconds();
            }
            Instant start = skipStops(t);
            Instant end = advance(start, seconds);
            out.add(new Slot(j.orderId(), start, end));
            t = end;
            setUp = p.id();
        }
        return out;
    }

    /** When a job started at {@code start}, with {@code quantity} still to make, is planned to end. */
    public Instant endOf(String productId, long quantity, Instant start) {
        return advance(start, quantity * product(productId).idealCycleSeconds() / PLANNING_RATE);
    }

    /** The time {@code seconds} of production time after {@code t}, planned stops not counting. */
    public Instant advance(Instant t, double seconds) {
        Instant now = t;
        long nanosLeft = Math.round(seconds * 1e9);
        for (PlannedStop s : stops) {
            if (!s.end().isAfter(now)) {
                continue;
            }
            if (s.start().isAfter(now)) {
                long gap = Duration.between(now, s.start()).toNanos();
                if (nanosLeft <= gap) {
                    return now.plusNanos(nanosLeft);
                }
                nanosLeft -= gap;
            }
            now = s.end();
        }
        return now.plusNanos(nanosLeft);
    }

    private Instant skipStops(Instant t) {
        Instant now = t;
        for (PlannedStop s : stops) {
            if (!s.start().isAfter(now) && s.end().isAfter(now)) {
                now = s.end();
            }
        }
        return now;
    }

    private Product product(String id) {
        Product p = products.get(id);
        if (p == null) {
            throw new IllegalArgumentException("order for unknown product '" + id + "'");
        }
        return p;
    }
}
