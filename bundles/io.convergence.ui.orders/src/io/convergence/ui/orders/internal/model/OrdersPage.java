package io.convergence.ui.orders.internal.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.convergence.api.business.Product;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.oee.CostFigures;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OrderForecast;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.ui.common.BusinessFormat;

import org.eclipse.osgi.util.NLS;
import org.jspecify.annotations.Nullable;

/**
 * The Orders view's rows and texts from a snapshot: progress, OEE, scrap cost, forecast against
 * due, and what to hand a trend. Tested without a display.
 */
public final class OrdersPage {

    /** A message in place of the view's content. */
    public record Notice(String title, String text) {
    }

    /** At most this many points go to a trend with an order's window. */
    public static final int MAX_TREND_POINTS = 6;

    private final BusinessFormat format;

    public OrdersPage(BusinessFormat format) {
        this.format = format;
    }

    public @Nullable Notice message(OrdersSnapshot s) {
        return switch (s.status()) {
            case NO_BUSINESS_DATA -> new Notice(Messages.Orders_noBusinessTitle, Messages.Orders_noBusiness);
            case NO_LINES -> new Notice(Messages.Orders_noLinesTitle, Messages.Orders_noLines);
            case FAILED -> new Notice(Messages.Orders_failedTitle, s.problem());
            case OK -> null;
        };
    }

    /** The rows: running orders first, then the plan (released and planned) by start, then the finished, newest first. */
    public List<OrderRow> rows(OrdersSnapshot s) {
        List<ProductionOrder> sorted = new ArrayList<>(s.orders());
        sorted.sort(Comparator.comparingInt((ProductionOrder o) -> rank(o.state()))
            .thenComparing(o -> o.state() == ProductionOrder.State.COMPLETED || o.state() == ProductionOrder.State.CANCELLED
                ? -epoch(o.start()) : epoch(o.start())));
        List<OrderRow> out = new ArrayList<>(sorted.size());
        for (ProductionOrder o : sorted) {
            out.add(row(s, o));
        }
        return out;
    }

    private static int rank(ProductionOrder.State state) {
        return switch (state) {
            case RUNNING -> 0;
            case RELEASED, PLANNED -> 1;
            case COMPLETED, CANCELLED -> 2;
        };
    }

    private static long epoch(@Nullable Instant t) {
        return t == null ? Long.MAX_VALUE / 2 : t.getEpochSecond();
    }

    /** One order's row. */
    public OrderRow row(OrdersSnapshot s, ProductionOrder o) {
        Product p = s.products().get(o.productId());
        String product = p == null ? o.productId() : NLS.bind(Messages.Orders_productName, p.name(), p.id());
        OeeFigures f = s.oee().get(o.id());
        CostFigures c = s.costs().get(o.id());
        OrderForecast fc = s.forecasts().get(o.id());
        long good = fc != null ? fc.goodCount() : f != null ? f.goodCount() : c != null ? c.goodCount() : -1;
        if (good < 0 && (o.state() == ProductionOrder.State.PLANNED || o.state() == ProductionOrder.State.RELEASED)) {
            good = 0;
        }
        double progress = good < 0 ? Double.NaN : Math.min(1.0, (double) good / o.quantity());
        String progressText = good < 0 ? NLS.bind(Messages.Orders_progressUnknown, format.count(o.quantity()))
            : NLS.bind(Messages.Orders_progress, format.count(good), format.count(o.quantity()));
        String oee = f == null ? Messages.Orders_none : format.percent(f.oee());
        String scrap = c == null ? Messages.Orders_none : format.money(c.scrapCost(), c.currency());
        Instant now = s.readAt();
        String due = format.dayTime(o.due(), now);
        String forecast;
        String lateness;
        boolean late;
        if (o.state() == ProductionOrder.State.COMPLETED && o.actualEnd() != null) {
            forecast = NLS.bind(Messages.Orders_finished, format.dayTime(o.actualEnd(), now));
            late = o.actualEnd().isAfter(o.due());
            lateness = lateness(o.actualEnd(), o.due());
        } else if (o.state() == ProductionOrder.State.CANCELLED) {
            forecast = Messages.Orders_cancelled;
            lateness = "";
            late = false;
        } else if (fc == null) {
            forecast = Messages.Orders_none;
            lateness = "";
            late = false;
        } else if (fc.forecastEnd() == null) {
            forecast = Messages.Orders_cannotFinish;
            lateness = Messages.Orders_lateNoRate;
            late = true;
        } else {
            forecast = format.dayTime(fc.forecastEnd(), now);
            late = fc.late() || fc.forecastEnd().isAfter(o.due());
            lateness = lateness(fc.forecastEnd(), o.due());
        }
        // Only an order that started has a time on the line to show; a planned window holds no data yet.
        Instant from = o.actualStart();
        Instant to = from == null ? null : o.actualEnd() != null ? o.actualEnd() : now;
        return new OrderRow(o, product, state(o.state()), progress, progressText, oee, scrap, due, forecast, lateness, late,
            from, to);
    }

    /** {@code late by 1 h 20 min} when {@code end} is after {@code due}, else {@code 35 min ahead}. */
    public String lateness(Instant end, Instant due) {
        Duration d = Duration.between(due, end);
        if (d.isNegative() || d.isZero()) {
            return NLS.bind(Messages.Orders_ahead, format.duration(-d.toMillis() / 1000.0));
        }
        return NLS.bind(Messages.Orders_late, format.duration(d.toMillis() / 1000.0));
    }

    /** A state as written. */
    public static String state(ProductionOrder.State s) {
        return switch (s) {
            case PLANNED -> Messages.State_PLANNED;
            case RELEASED -> Messages.State_RELEASED;
            case RUNNING -> Messages.State_RUNNING;
            case COMPLETED -> Messages.State_COMPLETED;
            case CANCELLED -> Messages.State_CANCELLED;
        };
    }

    /** The status line: what the view cannot show now, and why. */
    public String notes(OrdersSnapshot s) {
        List<String> notes = new ArrayList<>();
        if (!s.oeeProblem().isEmpty()) {
            notes.add(s.oeeProblem());
        }
        if (!s.costProblem().isEmpty()) {
            notes.add(s.costProblem());
        }
        long late = rows(s).stream().filter(OrderRow::late).count();
        String head = NLS.bind(Messages.Orders_count, s.orders().size(), late);
        return notes.isEmpty() ? head : head + "  \u00b7  " + String.join("  \u00b7  ", notes);
    }

    /**
     * The points a trend shows for an order: the line's OEE first, then its counters, then its other
     * numeric points, at most {@link #MAX_TREND_POINTS}.
     */
    public static List<PointPath> trendPoints(List<PointInfo> registered, PointPath line) {
        return registered.stream().filter(p -> p.type().isNumeric() && p.path().startsWith(line))
            .sorted(Comparator.comparingInt((PointInfo p) -> weight(p.path(), line)).thenComparing(p -> p.path().toString()))
            .limit(MAX_TREND_POINTS).map(PointInfo::path).toList();
    }

    private static int weight(PointPath p, PointPath line) {
        String s = p.toString().substring(line.toString().length()).toLowerCase(java.util.Locale.ROOT);
        if (s.endsWith("/oee/current/oee")) {
            return 0;
        }
        if (s.contains("/oee/")) {
            return 3;
        }
        if (s.contains("count")) {
            return 1;
        }
        if (s.contains("speed") || s.contains("rate")) {
            return 2;
        }
        return 4;
    }
}
