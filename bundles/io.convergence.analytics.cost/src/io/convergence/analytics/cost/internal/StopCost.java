package io.convergence.analytics.cost.internal;

import java.time.Instant;
import java.util.Optional;

import io.convergence.api.business.Product;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.Stop;

import org.jspecify.annotations.Nullable;

/**
 * What the part of one unplanned stop inside a window cost: its time at the line's rate, and the
 * margin of the units the line would have made meanwhile at the product's ideal rate.
 *
 * @param seconds the stop's time inside the window
 * @param downtime seconds times the line's cost rate
 * @param lostMargin seconds over the product's ideal cycle time, times its margin (0 without a product or price)
 */
record StopCost(double seconds, double downtime, double lostMargin) {

    static final StopCost NONE = new StopCost(0, 0, 0);

    /**
     * @param product the product made when the stop began; {@code null} to look it up by the order running then
     * @param now the end of a stop that is still running
     */
    static StopCost of(LineBook book, Stop stop, Instant from, Instant to, Instant now, @Nullable Product product)
        throws OeeException {
        Instant end = stop.end() == null ? now : stop.end();
        Instant s = stop.start().isAfter(from) ? stop.start() : from;
        Instant e = end.isBefore(to) ? end : to;
        if (!e.isAfter(s)) {
            return NONE;
        }
        double seconds = (e.toEpochMilli() - s.toEpochMilli()) / 1000.0;
        Optional<Product> p = product != null ? Optional.of(product) : book.productAt(stop.start());
        double margin = p.map(x -> seconds / x.idealCycleSeconds() * LineBook.margin(x)).orElse(0.0);
        return new StopCost(seconds, seconds * book.ratePerSecond(), margin);
    }

    StopCost plus(StopCost o) {
        return new StopCost(seconds + o.seconds, downtime + o.downtime, lostMargin + o.lostMargin);
    }

    double total() {
        return downtime + lostMargin;
    }
}
