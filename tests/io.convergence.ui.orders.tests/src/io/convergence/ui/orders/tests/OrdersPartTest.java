package io.convergence.ui.orders.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.oee.CostFigures;
import io.convergence.api.oee.OrderForecast;
import io.convergence.api.oee.Period;
import io.convergence.api.point.PointPath;
import io.convergence.testing.ui.Erp;
import io.convergence.testing.ui.TestOee;
import io.convergence.testing.ui.Ui;
import io.convergence.ui.orders.internal.OrdersPart;
import io.convergence.ui.orders.internal.model.OrderRow;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Orders view as the workbench creates it, on the orders of the simulated ERP read by the SQL
 * connector, with OEE, cost and forecasts from services the test registers for those orders.
 * Needs an X display.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrdersPartTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Erp erp;
    private static Display display;
    private static Shell shell;
    private static IEclipseContext context;
    private static OrdersPart part;
    private static AutoCloseable registration;
    private static ProductionOrder running;

    @BeforeAll
    static void start() throws Exception {
        Ui.assumeDisplay();
        display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        shell = new Shell(display);
        shell.setText("Orders");
        shell.setLayout(new FillLayout());
        shell.setBounds(20, 20, 1240, 420);
        Composite parent = new Composite(shell, SWT.NONE);
        context = EclipseContextFactory.create("orders-test");
        context.set(Composite.class, parent);
        MPart model = MBasicFactory.INSTANCE.createPart();
        context.set(MPart.class, model);
        part = ContextInjectionFactory.make(OrdersPart.class, context);
        shell.open();
    }

    @AfterAll
    static void stop() throws Exception {
        if (registration != null) {
            registration.close();
        }
        if (context != null) {
            context.dispose();
        }
        if (shell != null) {
            shell.dispose();
        }
        if (erp != null) {
            erp.close();
        }
    }

    @Test
    @Order(1)
    void withoutBusinessDataTheViewSaysWhereOrdersComeFrom() {
        Ui.waitUntil(display, "the first read", WAIT, () -> part.snapshot() != null);
        assertTrue(part.message().startsWith("No business data\nOrders come from the ERP"), part.message());
    }

    @Test
    @Order(2)
    void theErpsOrdersShowWithoutOeeAndCostAndTheViewSaysWhy() throws Exception {
        erp = Erp.start(42);
        Ui.waitUntil(display, "orders", WAIT, () -> part.message().isEmpty() && !part.rows().isEmpty());
        BusinessData data = erp.data;
        Instant now = Instant.now();
        String line = data.workCenters().get(0).id();
        List<ProductionOrder> orders = data.orders(line, now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(3)));
        assertEquals(orders.size(), part.rows().size());
        // Without the plant, the ERP's line has not started its first order: the plan comes first, in sequence.
        running = orders.stream().filter(o -> o.state() == ProductionOrder.State.RUNNING).findFirst()
            .orElse(part.rows().get(0).order());
        assertEquals(running.id(), part.rows().get(0).order().id(), "the running order, else the next, comes first");
        assertEquals(ProductionOrder.State.RUNNING == running.state() ? "running" : "released", part.rows().get(0).state());
        assertTrue(part.notes().contains("OEE not shown: the OEE service is not running"), part.notes());
        assertTrue(part.notes().contains("scrap cost and forecasts not shown: the cost service is not running"), part.notes());
    }

    @Test
    @Order(3)
    void withOeeAndCostTheRunningOrderShowsItsProgressOeeScrapAndForecast() throws Exception {
        PointPath line = erp.data.workCenters().get(0).path();
        Instant now = Instant.now();
        TestOee oee = new TestOee(line, erp.data.reasonCodes()).realistic(now, running.id(), running.productId());
        long good = running.quantity() * 37 / 100;
        Instant forecastEnd = running.due().plus(Duration.ofMinutes(45));
        oee.forecast(new OrderForecast(running.id(), line, running.quantity(), good, running.due(), forecastEnd, 2400, true));
        oee.cost(new CostFigures(line, Period.ORDER, now.minus(Duration.ofHours(3)), now, false, null, running.id(), "EUR", good, 84,
            23.5, 310, 120, 41, 7.4, 0.27));
        registration = oee.register(true);
        Ui.waitUntil(display, "OEE figures and the forecast", WAIT,
            () -> !part.rows().get(0).oee().equals("\u2014") && part.rows().get(0).late());
        OrderRow r = part.rows().get(0);
        assertEquals(0.37, r.progress(), 0.001);
        assertTrue(r.progressText().endsWith(" / " + String.format("%,d", running.quantity())), r.progressText());
        assertTrue(r.late());
        assertEquals("late by 45 min 00 s", r.lateness());
        assertEquals(String.format("%.1f %%", oee.current(line, Period.ORDER).orElseThrow().oee() * 100), r.oee());
        assertFalse(part.notes().contains("not running"), part.notes());
        part.select(running.id());
        Ui.screenshot(shell, "orders.png");
    }

    @Test
    @Order(4)
    void openingAnOrderSaysWhyATrendCannotShowIt() {
        OrderRow r = part.rows().get(0);
        assertFalse(part.open(r));
        // no workbench here, so no Trend view is installed: the view says so rather than doing nothing
        assertEquals("No Trend view is installed: install the Trend view to see an order's time on the line.", part.outcome());
    }
}
