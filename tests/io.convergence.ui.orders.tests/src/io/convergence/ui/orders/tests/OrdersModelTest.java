package io.convergence.ui.orders.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.convergence.api.business.Product;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.business.WorkCenter;
import io.convergence.api.oee.CostFigures;
import io.convergence.api.oee.OrderForecast;
import io.convergence.api.oee.Period;
import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.ui.common.BusinessFormat;
import io.convergence.ui.orders.internal.model.OrderRow;
import io.convergence.ui.orders.internal.model.OrdersPage;
import io.convergence.ui.orders.internal.model.OrdersSnapshot;

import org.junit.jupiter.api.Test;

/** Progress, lateness and the trend handoff of the Orders view, from cases worked out by hand. */
class OrdersModelTest {

    private static final PointPath LINE = PointPath.parse("acme/lyon/packaging/line1");
    private static final WorkCenter WC = new WorkCenter("LINE1", "Packaging line 1", LINE, 420, "EUR");
    private static final Instant NOON = Instant.parse("2026-03-03T12:00:00Z");
    private static final Product P = new Product("P-330", "Still water 0.33 l", "bottle", 0.9, 1200, 0.21, 0.45, "EUR");
    private final OrdersPage page = new OrdersPage(new BusinessFormat(Locale.UK, ZoneOffset.UTC));

    private static ProductionOrder order(String id, ProductionOrder.State state, Instant start, Instant end, Instant due) {
        boolean started = state == ProductionOrder.State.RUNNING || state == ProductionOrder.State.COMPLETED;
        return new ProductionOrder(id, "P-330", "LINE1", 12_000, due, start, start.plus(Duration.ofHours(4)),
            started ? start : null, state == ProductionOrder.State.COMPLETED ? end : null, state);
    }

    private static OrdersSnapshot snapshot(List<ProductionOrder> orders, Map<String, OrderForecast> forecasts,
                                           Map<String, CostFigures> costs) {
        return new OrdersSnapshot(OrdersSnapshot.Status.OK, "", List.of(WC), WC, orders, Map.of("P-330", P), Map.of(),
            "OEE not shown: the OEE service is not running", costs, forecasts, "", NOON);
    }

    @Test
    void progressAndForecastAgainstDueSayHowLateOrEarlyAnOrderIs() {
        ProductionOrder running = order("4711", ProductionOrder.State.RUNNING, NOON.minus(Duration.ofHours(2)), null,
            NOON.plus(Duration.ofHours(2)));
        ProductionOrder done = order("4710", ProductionOrder.State.COMPLETED, NOON.minus(Duration.ofHours(7)),
            NOON.minus(Duration.ofHours(2)), NOON.minus(Duration.ofMinutes(150)));
        ProductionOrder next = order("4712", ProductionOrder.State.RELEASED, NOON.plus(Duration.ofHours(3)), null,
            NOON.plus(Duration.ofHours(9)));
        OrderForecast fr = new OrderForecast("4711", LINE, 12_000, 4_500, running.due(),
            NOON.plus(Duration.ofMinutes(170)), 2_647, true);
        OrderForecast fn = new OrderForecast("4712", LINE, 12_000, 0, next.due(), NOON.plus(Duration.ofHours(8)), 2_647, false);
        CostFigures cost = new CostFigures(LINE, Period.ORDER, running.actualStart(), NOON, false, null, "4711", "EUR", 4_500,
            60, 12.6, 140, 60, 0, 0, 0.31);
        OrdersSnapshot s = snapshot(List.of(done, running, next), Map.of("4711", fr, "4712", fn), Map.of("4711", cost));
        List<OrderRow> rows = page.rows(s);
        assertEquals(List.of("4711", "4712", "4710"), rows.stream().map(r -> r.order().id()).toList());
        OrderRow r = rows.get(0);
        assertEquals("4,500 / 12,000", r.progressText());
        assertEquals(0.375, r.progress(), 1e-12);
        assertEquals("late by 50 min 00 s", r.lateness());
        assertTrue(r.late());
        assertEquals("13 \u20ac", r.scrap());
        assertEquals("\u2014", r.oee());
        assertEquals(running.actualStart(), r.from());
        assertEquals(NOON, r.to());
        OrderRow n = rows.get(1);
        assertEquals("0 / 12,000", n.progressText());
        assertEquals("1 h 00 min ahead", n.lateness());
        assertFalse(n.late());
        assertFalse(n.hasWindow(), "a released order has no time on the line yet");
        OrderRow d = rows.get(2);
        assertEquals("finished 10:00", d.forecast());
        assertEquals("late by 30 min 00 s", d.lateness());
        assertEquals("? / 12,000", d.progressText());
        assertEquals("Still water 0.33 l (P-330)", d.product());
        assertEquals("3 orders, 2 late  \u00b7  OEE not shown: the OEE service is not running", page.notes(s));
    }

    @Test
    void anOrderThatCannotFinishAtTheCurrentRateIsLate() {
        ProductionOrder running = order("4711", ProductionOrder.State.RUNNING, NOON.minus(Duration.ofHours(2)), null,
            NOON.plus(Duration.ofHours(2)));
        OrderForecast stuck = new OrderForecast("4711", LINE, 12_000, 4_500, running.due(), null, 0, true);
        OrderRow r = page.rows(snapshot(List.of(running), Map.of("4711", stuck), Map.of())).get(0);
        assertEquals("not at the current rate", r.forecast());
        assertEquals("late: the line makes nothing now", r.lateness());
        assertTrue(r.late());
    }

    @Test
    void aTrendGetsTheLinesOeeFirstThenCountersThenOtherNumbersNeverText() {
        List<PointInfo> points = List.of(
            info("acme/lyon/packaging/line1/filler/state", DataType.STRING),
            info("acme/lyon/packaging/line1/filler/speed", DataType.DOUBLE),
            info("acme/lyon/packaging/line1/filler/goodCount", DataType.INTEGER),
            info("acme/lyon/packaging/line1/oee/current/oee", DataType.DOUBLE),
            info("acme/lyon/packaging/line1/filler/temperature", DataType.DOUBLE),
            info("acme/lyon/packaging/line2/filler/speed", DataType.DOUBLE));
        assertEquals(List.of("acme/lyon/packaging/line1/oee/current/oee", "acme/lyon/packaging/line1/filler/goodCount",
            "acme/lyon/packaging/line1/filler/speed", "acme/lyon/packaging/line1/filler/temperature"),
            OrdersPage.trendPoints(points, LINE).stream().map(PointPath::toString).toList());
    }

    @Test
    void withoutBusinessDataTheViewSaysWhereOrdersComeFrom() {
        OrdersSnapshot s = OrdersSnapshot.read(new OrdersSnapshot.Services(null, null, null), null, NOON);
        assertEquals("No business data", page.message(s).title());
        assertNull(s.line());
    }

    private static PointInfo info(String path, DataType type) {
        return new PointInfo(PointPath.parse(path), type, "", "", "test", null);
    }
}
