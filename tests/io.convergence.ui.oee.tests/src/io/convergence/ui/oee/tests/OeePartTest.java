package io.convergence.ui.oee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.convergence.api.oee.OeeFigures;
import io.convergence.api.point.PointPath;
import io.convergence.testing.ui.TestOee;
import io.convergence.testing.ui.Ui;
import io.convergence.ui.oee.internal.OeePart;
import io.convergence.ui.oee.internal.model.Step;

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
 * The OEE view as the workbench creates it (by injection), on an OEE service the test registers
 * and takes away while the view is open, as the OEE model's bundle would come and go. Needs an X
 * display.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OeePartTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final PointPath LINE = PointPath.parse("acme/lyon/packaging/line1");

    private static Display display;
    private static Shell shell;
    private static IEclipseContext context;
    private static OeePart part;
    private static TestOee oee;
    private static AutoCloseable registration;

    @BeforeAll
    static void start() {
        Ui.assumeDisplay();
        display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        shell = new Shell(display);
        shell.setText("OEE");
        shell.setLayout(new FillLayout());
        shell.setBounds(20, 20, 1180, 720);
        Composite parent = new Composite(shell, SWT.NONE);
        context = EclipseContextFactory.create("oee-test");
        context.set(Composite.class, parent);
        MPart model = MBasicFactory.INSTANCE.createPart();
        context.set(MPart.class, model);
        part = ContextInjectionFactory.make(OeePart.class, context);
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
    }

    @Test
    @Order(1)
    void withoutTheOeeServiceTheViewSaysSoAndWhatToInstall() throws Exception {
        Ui.waitUntil(display, "the view's first read", WAIT, () -> part.snapshot() != null);
        assertTrue(part.message().startsWith("The OEE service is not running\nInstall the OEE model"), part.message());
        Ui.screenshot(shell, "oee-no-service.png");
    }

    @Test
    @Order(2)
    void whenTheServiceArrivesTheFiguresOfTheShiftAndOrderShowInBigNumbers() throws Exception {
        Instant now = Instant.now();
        oee = new TestOee(LINE, List.of()).realistic(now, "4711", "P-330");
        registration = oee.register(false);
        Ui.waitUntil(display, "figures", WAIT, () -> part.message().isEmpty());
        OeeFigures shift = oee.current(LINE, io.convergence.api.oee.Period.SHIFT).orElseThrow();
        OeeFigures order = oee.current(LINE, io.convergence.api.oee.Period.ORDER).orElseThrow();
        List<String> figures = part.figures();
        assertEquals(List.of(pct(shift.availability()), pct(shift.performance()), pct(shift.quality()), pct(shift.oee()),
            pct(order.availability()), pct(order.performance()), pct(order.quality()), pct(order.oee())), figures);
        assertTrue(part.headings().get(0).startsWith("Current shift " + shift.shift()), part.headings().toString());
        assertTrue(part.headings().get(1).startsWith("Current order 4711 (product P-330)"), part.headings().toString());
        assertTrue(part.definition().startsWith("Definition: common"), part.definition());
        assertEquals(List.of(LINE.toString()), part.lines());

        // the last shifts, the running one last and marked
        String[] cats = part.shiftCategories();
        assertEquals(10, cats.length);
        assertEquals(shift.shift() + " (now)", cats[9]);
        assertEquals(shift.oee() * 100, part.shiftValues()[9], 1e-9);

        // the waterfall of the current shift: planned time down to what is left
        List<Step> w = part.waterfall();
        assertEquals(8, w.size());
        assertEquals(shift.plannedSeconds(), w.get(0).top(), 1e-6);
        assertEquals(shift.plannedSeconds() - shift.losses().totalSeconds(), w.get(7).top(), 1e-6);
        Path file = Ui.screenshot(shell, "oee.png");
        assertTrue(Files.size(file) > 10_000);
    }

    @Test
    @Order(3)
    void whenTheServiceLeavesTheViewSaysSoAgainAndComesBackWithIt() throws Exception {
        registration.close();
        registration = null;
        Ui.waitUntil(display, "the message", WAIT, () -> part.message().startsWith("The OEE service is not running"));
        registration = oee.register(false);
        Ui.waitUntil(display, "figures again", WAIT, () -> part.message().isEmpty());
    }

    private static String pct(double f) {
        return String.format(java.util.Locale.getDefault(java.util.Locale.Category.FORMAT), "%.1f %%", f * 100);
    }
}
