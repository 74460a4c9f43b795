package io.convergence.ui.downtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.convergence.api.business.ReasonCode;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.PointPath;
import io.convergence.testing.ui.Erp;
import io.convergence.testing.ui.TestOee;
import io.convergence.testing.ui.Ui;
import io.convergence.ui.downtime.internal.DowntimePart;
import io.convergence.ui.downtime.internal.model.Pareto;

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
 * The Downtime view as the workbench creates it, with the reason codes of the simulated ERP read
 * by the SQL connector (the real business data), and stops and costs from services the test
 * registers. Needs an X display.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DowntimePartTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static Erp erp;
    private static PointPath line;
    private static Display display;
    private static Shell shell;
    private static IEclipseContext context;
    private static DowntimePart part;
    private static TestOee oee;
    private static AutoCloseable registration;
    private static Instant now;

    @BeforeAll
    static void start() throws Exception {
        Ui.assumeDisplay();
        erp = Erp.start(42);
        line = erp.data.workCenters().get(0).path();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<ReasonCode> reasons = erp.data.reasonCodes();
        // A realistic day of the simulated line: jams, a long bearing fault, changeovers, short stops, breaks.
        oee = new TestOee(line, reasons)
            .stop(now.minus(Duration.ofMinutes(1310)), Duration.ofMinutes(38), "4", false)
            .stop(now.minus(Duration.ofMinutes(1180)), Duration.ofMinutes(6), "1", false)
            .stop(now.minus(Duration.ofMinutes(1020)), Duration.ofMinutes(30), "10", false)
            .stop(now.minus(Duration.ofMinutes(900)), Duration.ofMinutes(74), "3", false)
            .stop(now.minus(Duration.ofMinutes(760)), Duration.ofMinutes(12), "2", false)
            .stop(now.minus(Duration.ofMinutes(600)), Duration.ofSeconds(95), "0", true)
            .stop(now.minus(Duration.ofMinutes(540)), Duration.ofMinutes(9), "1", false)
            .stop(now.minus(Duration.ofMinutes(420)), Duration.ofMinutes(41), "4", false)
            .stop(now.minus(Duration.ofMinutes(300)), Duration.ofMinutes(30), "10", false)
            .stop(now.minus(Duration.ofMinutes(200)), Duration.ofMinutes(7), "1", false)
            .stop(now.minus(Duration.ofMinutes(130)), Duration.ofSeconds(80), "0", true)
            .stop(now.minus(Duration.ofMinutes(75)), Duration.ofMinutes(18), "2", false)
            .stop(now.minus(Duration.ofMinutes(30)), Duration.ofMinutes(11), "1", false);
        display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        shell = new Shell(display);
        shell.setText("Downtime");
        shell.setLayout(new FillLayout());
        shell.setBounds(20, 20, 1180, 760);
        Composite parent = new Composite(shell, SWT.NONE);
        context = EclipseContextFactory.create("downtime-test");
        context.set(Composite.class, parent);
        MPart model = MBasicFactory.INSTANCE.createPart();
        context.set(MPart.class, model);
        part = ContextInjectionFactory.make(DowntimePart.class, context);
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
    void withoutTheOeeServiceTheViewSaysWhereStopsComeFrom() {
        Ui.waitUntil(display, "the first read", WAIT, () -> part.snapshot() != null);
        assertTrue(part.message().startsWith("The OEE service is not running\nStops and their reasons come from the OEE model"),
            part.message());
    }

    @Test
    @Order(2)
    void withoutTheCostServiceTheTimeParetoShowsAndTheCostChartSaysWhyItIsEmpty() throws Exception {
        registration = oee.register(false);
        Ui.waitUntil(display, "stops", WAIT, () -> part.message().isEmpty() && !part.rows().isEmpty());
        List<Pareto.Bar> time = part.timeBars();
        // bearing fault 74 min, changeover 38 + 41, jam 6 + 9 + 7 + 11, material shortage 12 + 18, short stops
        assertEquals(List.of("changeover", "bearing fault", "jam", "material shortage"),
            time.stream().limit(4).map(Pareto.Bar::label).toList());
        assertEquals(79 * 60, time.get(0).value(), 1e-6);
        assertEquals(List.of(), part.costBars());
        assertEquals("No cost figures: the cost service is not running", part.costTitle());
        assertEquals(13, part.rows().size());
    }

    @Test
    @Order(3)
    void withTheCostServiceBothParetosShowAndTheSummaryNamesTheCost() throws Exception {
        registration.close();
        registration = oee.register(true);
        Ui.waitUntil(display, "costs", WAIT, () -> !part.costBars().isEmpty());
        // 79 min x 600 EUR/h
        assertEquals(790.0, part.costBars().get(0).value(), 1e-6);
        assertTrue(part.summary().startsWith("13 stops, 11 unplanned"), part.summary());
        assertFalse(part.summary().contains("not running"), part.summary());
        assertEquals("", part.banner());
        Ui.screenshot(shell, "downtime.png");
    }

    @Test
    @Order(4)
    void anOperatorSetsAReasonFromTheErpsCodesAndTheViewShowsTheCorrection() throws Exception {
        Stop stop = oee.stops().get(oee.stops().size() - 1);
        ReasonCode bearing = erp.data.reasonCode("3").orElseThrow();
        part.reassign(stop, bearing).get(10, TimeUnit.SECONDS);
        Ui.waitUntil(display, "the corrected row", WAIT,
            () -> part.rows().get(0).reason().equals("3 \u2014 bearing fault") && part.rows().get(0).note().equals("corrected"));
        assertTrue(part.banner().contains("now has the reason 'bearing fault'"), part.banner());
        assertFalse(part.bannerIsError());
        assertEquals(List.of("reassign " + stop.start() + " 3"), oee.calls());
    }

    @Test
    @Order(5)
    void aRefusedCorrectionIsShownInTheServicesOwnWords() throws Exception {
        Stop stop = oee.stops().get(0);
        ReasonCode unknown = new ReasonCode("99", "coffee", io.convergence.api.business.LossCategory.AVAILABILITY, false);
        part.reassign(stop, unknown).get(10, TimeUnit.SECONDS);
        Ui.waitUntil(display, "the error", WAIT, part::bannerIsError);
        assertTrue(part.banner().startsWith("Could not set the reason of the stop at "), part.banner());
        assertTrue(part.banner().endsWith("reason code '99' is not one of the line's reason codes "
            + erp.data.reasonCodes().stream().map(ReasonCode::code).toList()), part.banner());
        Ui.screenshot(shell, "downtime-refused.png");
    }

    @Test
    @Order(6)
    void aSplitMakesTwoStopsWithTheirOwnReasons() throws Exception {
        Stop stop = oee.stops().stream().filter(s -> s.reasonCode().equals("3")).findFirst().orElseThrow();
        Instant at = stop.start().plus(Duration.ofMinutes(50));
        ReasonCode waiting = erp.data.reasonCode("2").orElseThrow();
        part.split(stop, at, waiting).get(10, TimeUnit.SECONDS);
        Ui.waitUntil(display, "the split", WAIT, () -> part.rows().size() == 14);
        assertFalse(part.bannerIsError(), part.banner());
        Stop second = oee.stops().stream().filter(s -> s.start().equals(at)).findFirst().orElseThrow();
        assertEquals("2", second.reasonCode());
        assertEquals(24 * 60, second.seconds(now), 1e-6);
    }
}
