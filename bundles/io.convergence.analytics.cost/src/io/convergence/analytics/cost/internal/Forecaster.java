package io.convergence.analytics.cost.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.convergence.api.business.PlannedStop;
import io.convergence.api.business.Product;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.business.ProductionOrder.State;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.OrderForecast;
import io.convergence.api.oee.Period;

import org.jspecify.annotations.Nullable;

/**
 * When the running order and the orders queued behind it will finish. The effective rate is the good
 * units per hour of production time (planned stops taken out) over the last hour of the running order;
 * the forecast goes on at that rate through production time from the time of the figures, so breaks
 * and planned maintenance ahead push it out, as they push the plan. Queued orders follow one after the
 * other, with their changeover when the product changes, at the same fraction of their own ideal rate.
 */
final class Forecaster {

    static final Duration WINDOW = Duration.ofHours(1);

    /** How far back a running order's start and the last order's figures are looked for. */
    private static final Duration LOOK_BACK = Duration.ofDays(14);

    private final OeeService oee;
    private final LineBook book;
    private final Instant now;

    Forecaster(OeeService oee, LineBook book, Instant now) {
        this.oee = oee;
        this.book = book;
        this.now = now;
    }

    List<OrderForecast> forecasts() throws OeeException {
        String wc = book.workCenter().id();
        List<ProductionOrder> orders = book.erp().orders(wc, now.minus(LOOK_BACK), Instant.MAX);
        Optional<ProductionOrder> running = orders.stream().filter(o -> o.state() == State.RUNNING)
            .max(Comparator.comparing(o -> Objects.requireNonNullElse(o.actualStart(), Instant.MIN)));
        List<ProductionOrder> queued = orders.stream()
            .filter(o -> o.state() == State.RELEASED || o.state() == State.PLANNED)
            .sorted(Comparator.comparing((ProductionOrder o) -> Objects.requireNonNullElse(o.plannedStart(), Instant.MAX))
                .thenComparing(ProductionOrder::id))
            .toList();
        List<OrderForecast> out = new ArrayList<>();
        @Nullable Instant at = now;
        double effectiveness; // good units per second of production time over the ideal rate
        @Nullable Product previous = null;
        if (running.isPresent()) {
            ProductionOrder o = running.get();
            Optional<Product> p = book.product(o.productId());
            Optional<OeeFigures> f = figuresOf(o);
            long good = f.map(OeeFigures::goodCount).orElse(0L);
            Instant asOf = f.map(OeeFigures::to).orElse(now);
            Instant start = f.map(OeeFigures::from).orElse(Objects.requireNonNullElse(o.actualStart(), asOf));
            double rate = f.isPresent() ? ratePerHour(f.get(), start) : 0;
            OrderForecast fc = forecast(o, good, asOf, rate);
            out.add(fc);
            at = fc.forecastEnd();
            effectiveness = p.map(x -> rate * x.idealCycleSeconds() / 3600).orElse(0.0);
            previous = p.orElse(null);
        } else {
            effectiveness = lastEffectiveness();
        }
        for (ProductionOrder o : queued) {
            Optional<Product> p = book.product(o.productId());
            double rate = p.map(x -> effectiveness * x.idealRatePerHour()).orElse(0.0);
            if (at == null) {
                out.add(new OrderForecast(o.id(), book.line(), o.quantity(), 0, o.due(), null, rate, true));
                continue;
            }
            Instant start = at;
            if (p.isPresent() && (previous == null || !previous.id().equals(p.get().id()))) {
                start = afterProduction(start, p.get().changeoverSeconds());
            }
            OrderForecast fc = forecast(o, 0, start, rate);
            out.add(fc);
            at = fc.forecastEnd();
            previous = p.orElse(previous);
        }
        return List.copyOf(out);
    }

    /** The running order's figures: the current order when it is this one, else its last figures. */
    private Optional<OeeFigures> figuresOf(ProductionOrder o) throws OeeException {
        Optional<OeeFigures> c = oee.current(book.line(), Period.ORDER);
        if (c.isPresent() && o.id().equals(c.get().order())) {
            return c;
        }
        Instant from = o.actualStart() != null ? o.actualStart() : now.minus(LOOK_BACK);
        return oee.figures(book.line(), Period.ORDER, from, now.plusNanos(1)).stream()
            .filter(f -> o.id().equals(f.order())).reduce((a, b) -> b);
    }

    /**
     * Good units per hour of production time over the last hour of the order: its own count when it is
     * younger than an hour, else the hours' counts, the oldest hour in proportion of its part in the window.
     */
    double ratePerHour(OeeFigures order, Instant orderStart) throws OeeException {
        Instant end = order.to();
        Instant from = end.minus(WINDOW).isAfter(orderStart) ? end.minus(WINDOW) : orderStart;
        double good;
        if (from.equals(orderStart)) {
            good = order.goodCount();
        } else {
            good = 0;
            for (OeeFigures h : oee.figures(book.line(), Period.HOUR, from, end)) {
                long length = h.to().toEpochMilli() - h.from().toEpochMilli();
                long inside = Math.min(h.to().toEpochMilli(), end.toEpochMilli())
                    - Math.max(h.from().toEpochMilli(), from.toEpochMilli());
                if (length > 0 && inside > 0) {
                    good += h.goodCount() * (double) inside / length;
                }
            }
        }
        double seconds = productionSeconds(from, end);
        if (seconds <= 0) {
            // The whole last hour was planned stops: the order's own mean rate is the best evidence.
            seconds = productionSeconds(orderStart, end);
            good = order.goodCount();
        }
        return seconds > 0 ? good / seconds * 3600 : 0;
    }

    private OrderForecast forecast(ProductionOrder o, long good, Instant from, double ratePerHour) {
        long remaining = o.quantity() - good;
        @Nullable Instant end;
        if (remaining <= 0) {
            end = from;
        } else if (ratePerHour > 0) {
            end = afterProduction(from, remaining / ratePerHour * 3600);
        } else {
            end = null;
        }
        boolean late = end == null || end.isAfter(o.due());
        return new OrderForecast(o.id(), book.line(), o.quantity(), Math.max(0, good), o.due(), end, ratePerHour, late);
    }

    /** Where {@code seconds} of production time after {@code from} end, passing over planned stops. */
    Instant afterProduction(Instant from, double seconds) {
        long left = Math.round(seconds * 1000);
        Instant t = from;
        // Planned stops are known a few days ahead; past them the line is assumed to produce.
        for (PlannedStop s : plannedStops(from, Instant.MAX)) {
            if (!s.end().isAfter(t)) {
                continue;
            }
            if (s.start().isAfter(t)) {
                long gap = s.start().toEpochMilli() - t.toEpochMilli();
                if (gap >= left) {
                    return t.plusMillis(left);
                }
                left -= gap;
            }
            t = s.end();
        }
        return t.plusMillis(left);
    }

    /** Seconds of {@code [from, to)} outside planned stops. */
    double productionSeconds(Instant from, Instant to) {
        long ms = to.toEpochMilli() - from.toEpochMilli();
        Instant covered = from;
        for (PlannedStop s : plannedStops(from, to)) {
            Instant a = s.start().isAfter(covered) ? s.start() : covered;
            Instant b = s.end().isBefore(to) ? s.end() : to;
            if (b.isAfter(a)) {
                ms -= b.toEpochMilli() - a.toEpochMilli();
                covered = b;
            }
        }
        return Math.max(0, ms) / 1000.0;
    }

    private List<PlannedStop> plannedStops(Instant from, Instant to) {
        return book.erp().plannedStops(book.workCenter().id(), from, to).stream()
            .sorted(Comparator.comparing(PlannedStop::start)).toList();
    }

    /** With no order running: good units per production second over the ideal rate, of the last order. */
    private double lastEffectiveness() throws OeeException {
        List<OeeFigures> done = oee.figures(book.line(), Period.ORDER, now.minus(LOOK_BACK), now);
        for (int i = done.size() - 1; i >= 0; i--) {
            OeeFigures f = done.get(i);
            if (f.plannedSeconds() > 0 && f.idealCycleSeconds() > 0) {
                return f.goodCount() * f.idealCycleSeconds() / f.plannedSeconds();
            }
        }
        return 0;
    }
}
