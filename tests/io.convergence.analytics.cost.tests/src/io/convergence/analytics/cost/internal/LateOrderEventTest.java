package io.convergence.analytics.cost.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.Product;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.business.WorkCenter;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.event.Registration;
import io.convergence.api.oee.CostService;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.OrderForecast;
import io.convergence.api.oee.Period;
import io.convergence.api.point.PointPath;
import io.convergence.testing.Osgi;
import io.convergence.testing.Wait;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;

/**
 * The product's cost service on an OEE service and business data registered as services: a running
 * order whose rate drops is told late once on the event bus, and told on time again when it recovers.
 */
class LateOrderEventTest {

    static final PointPath LINE = PointPath.parse("acme/test/line7");

    @Test
    void aForecastThatTurnsLateAndBack() throws Exception {
        BundleContext ctx = Osgi.context(LateOrderEventTest.class);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Book book = new Book();
        book.workCenters.add(new WorkCenter("L7", "Line 7", LINE, 400, "EUR"));
        book.products.add(new Product("COLA", "Cola", "bottle", 0.5, 600, 0.2, 0.6, "EUR"));
        // due in 2 h; 10,000 to make
        book.orders.add(new ProductionOrder("PO-7", "COLA", "L7", 10_000, now.plus(Duration.ofHours(2)), null, null,
            now.minus(Duration.ofMinutes(30)), null, ProductionOrder.State.RUNNING));
        HandOee oee = new HandOee(LINE);
        OeeFigures onTime = running(oee, now, 3_000); // 6,000/h: 7,000 left = 70 min
        List<Event> events = new CopyOnWriteArrayList<>();
        Configuration config = Osgi.config(CostComponent.PID, Map.of("checkSeconds", 1));
        Registration listening = Osgi.await(EventBus.class).subscribe(e -> e.type().startsWith("order."), events::add);
        ServiceRegistration<BusinessData> erp = ctx.registerService(BusinessData.class, book, props(BusinessData.SOURCE_PROPERTY, "erp"));
        ServiceRegistration<OeeService> oeeReg = ctx.registerService(OeeService.class, oee, props("test", "late"));
        try {
            CostService costs = Osgi.await(CostService.class, "", Duration.ofSeconds(20));
            OrderForecast f = costs.forecasts(LINE).get(0);
            assertEquals(now.plus(Duration.ofMinutes(70)), f.forecastEnd());
            assertEquals(6_000, f.ratePerHour(), 1e-6);
            Wait.sleep(2_500);
            assertEquals(List.of(), events, "on time: nothing told");

            oee.figures.remove(onTime);
            OeeFigures slow = running(oee, now, 1_000); // 2,000/h: 9,000 left = 4.5 h
            Event late = Wait.forValue("an order.late event", Duration.ofSeconds(10),
                () -> events.isEmpty() ? null : events.get(0));
            assertEquals("order.late", late.type());
            assertEquals(Event.Severity.WARNING, late.severity());
            assertEquals("PO-7", late.attributes().get("order"));
            assertEquals(LINE.toString(), late.attributes().get("line"));
            assertEquals(now.plus(Duration.ofMinutes(270)).toString(), late.attributes().get("forecastEnd"));
            assertTrue(late.message().contains("order PO-7 on acme/test/line7 will be late"), late.message());
            Wait.sleep(3_000);
            assertEquals(1, events.size(), "told once while it stays late: " + events);

            oee.figures.remove(slow);
            running(oee, now, 3_000);
            Event back = Wait.forValue("an order.on-time event", Duration.ofSeconds(10),
                () -> events.size() < 2 ? null : events.get(1));
            assertEquals("order.on-time", back.type());
            assertEquals(Event.Severity.INFO, back.severity());
            Wait.sleep(2_500);
            assertEquals(2, events.size(), "nothing more while on time: " + events);
        } finally {
            listening.close();
            oeeReg.unregister();
            erp.unregister();
            config.delete();
        }
    }

    private static OeeFigures running(HandOee oee, Instant now, long good) {
        return oee.period(Period.ORDER, now.minus(Duration.ofMinutes(30)).toString(), now.toString(), null, "PO-7", "COLA",
            0.5, good, good, false);
    }

    private static Dictionary<String, Object> props(String key, String value) {
        Hashtable<String, Object> d = new Hashtable<>();
        d.put(key, value);
        return d;
    }
}
