package io.convergence.analytics.cost.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.convergence.api.event.Event;
import io.convergence.api.oee.OrderForecast;
import io.convergence.api.point.PointPath;

/**
 * Tells when a running order's forecast passes its due date: one {@code order.late} event when it
 * does, none more while it stays late, and one {@code order.on-time} event if it recovers, after
 * which a new slip is told again. Orders that stop running are forgotten. Called on one thread.
 */
final class LateOrderWatch {

    /** The type of the event of an order whose forecast passed its due date. */
    static final String LATE = "order.late";

    /** The type of the event of a late order whose forecast is back before its due date. */
    static final String ON_TIME = "order.on-time";

    private final String source;
    private final Consumer<Event> publish;
    /** Per line, the running orders told late. */
    private final Map<PointPath, Set<String>> late = new HashMap<>();

    LateOrderWatch(String source, Consumer<Event> publish) {
        this.source = source;
        this.publish = publish;
    }

    /** Checks the forecasts of the orders running on a line. */
    void check(PointPath line, List<OrderForecast> running) {
        Set<String> told = late.computeIfAbsent(line, l -> new java.util.HashSet<>());
        Set<String> ids = running.stream().map(OrderForecast::order).collect(Collectors.toSet());
        told.retainAll(ids);
        for (OrderForecast f : running) {
            if (f.late() && told.add(f.order())) {
                publish.accept(new Event(Instant.now(), source, LATE, Event.Severity.WARNING, "order " + f.order() + " on "
                    + line + " will be late: " + (f.forecastEnd() == null ? "it makes no good units now"
                        : "forecast end " + f.forecastEnd()) + ", due " + f.due(), attributes(line, f)));
            } else if (!f.late() && told.remove(f.order())) {
                publish.accept(new Event(Instant.now(), source, ON_TIME, Event.Severity.INFO, "order " + f.order() + " on "
                    + line + " is back on time: forecast end " + f.forecastEnd() + ", due " + f.due(), attributes(line, f)));
            }
        }
    }

    private static Map<String, String> attributes(PointPath line, OrderForecast f) {
        Map<String, String> a = new HashMap<>();
        a.put("order", f.order());
        a.put("line", line.toString());
        a.put("due", f.due().toString());
        a.put("forecastEnd", f.forecastEnd() == null ? "" : f.forecastEnd().toString());
        a.put("ratePerHour", String.format(java.util.Locale.ROOT, "%.1f", f.ratePerHour()));
        a.put("goodCount", Long.toString(f.goodCount()));
        a.put("quantity", Long.toString(f.quantity()));
        return a;
    }
}
