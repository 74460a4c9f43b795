package io.convergence.ui.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.testing.Osgi;
import io.convergence.testing.ui.Plant;
import io.convergence.testing.ui.Ui;
import io.convergence.ui.common.QualityStyle;
import io.convergence.ui.live.internal.LiveValuesPart;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Live Values view as the workbench creates it (by injection into a part composite), on the
 * simulated plant through a real OPC UA connector, plus a few points the test publishes itself with
 * bad, uncertain and stale values. Needs an X display.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveValuesPartTest {

    private static final String ID = "live-ui";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LINE = "acme/lyon/packaging/line1";
    private static final PointPath FILLER_SPEED = PointPath.parse(LINE + "/filler/speed");
    private static final String UTILITIES = "acme/lyon/utilities/boiler1";
    private static final PointPath PRESSURE = PointPath.parse(UTILITIES + "/pressure");
    private static final PointPath STEAM = PointPath.parse(UTILITIES + "/steamFlow");
    private static final PointPath LEVEL = PointPath.parse(UTILITIES + "/drumLevel");
    private static final List<PointPath> CHOSEN = List.of(FILLER_SPEED, PointPath.parse(LINE + "/filler/temperature"),
        PointPath.parse(LINE + "/filler/state"), PointPath.parse(LINE + "/filler/goodCount"), PointPath.parse(LINE + "/capper/speed"),
        PointPath.parse(LINE + "/labeler/vibration"), PRESSURE, STEAM, LEVEL);
    // The colours every view gives bad, uncertain and stale values.
    private static final RGB RED = QualityStyle.BAD;
    private static final RGB ORANGE = QualityStyle.UNCERTAIN;
    private static final RGB GREY = QualityStyle.STALE;

    @TempDir
    static Path temp;

    private static Plant plant;
    private static Display display;
    private static Shell shell;
    private static MPart model;
    private static IEclipseContext context;
    private static LiveValuesPart part;
    private static ScheduledExecutorService utilities;

    @BeforeAll
    static void start() throws Exception {
        Ui.assumeDisplay();
        plant = Plant.start("live-test", ID, temp);
        PointRegistry registry = Osgi.await(PointRegistry.class);
        registry.announce("test-utilities", List.of(
            new PointInfo(PRESSURE, DataType.DOUBLE, "bar", "Steam pressure", "test-utilities", null),
            new PointInfo(STEAM, DataType.DOUBLE, "t/h", "Steam flow", "test-utilities", null),
            new PointInfo(LEVEL, DataType.DOUBLE, "%", "Drum level", "test-utilities", null)));
        display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        shell = new Shell(display);
        shell.setText("Live Values");
        shell.setLayout(new FillLayout());
        shell.setBounds(20, 20, 900, 330);
        model = MBasicFactory.INSTANCE.createPart();
        part = create();
        shell.open();
    }

    private static LiveValuesPart create() {
        Composite parent = new Composite(shell, SWT.NONE);
        context = EclipseContextFactory.create("live-test");
        context.set(Composite.class, parent);
        context.set(MPart.class, model);
        LiveValuesPart p = ContextInjectionFactory.make(LiveValuesPart.class, context);
        shell.layout(true, true);
        return p;
    }

    @AfterAll
    static void stop() throws Exception {
        if (utilities != null) {
            utilities.shutdownNow();
        }
        if (context != null) {
            context.dispose();
        }
        if (shell != null) {
            shell.dispose();
        }
        if (plant != null) {
            Osgi.await(PointRegistry.class).withdraw("test-utilities");
            plant.close();
        }
    }

    @Test
    @Order(1)
    void anEmptyTableSaysHowToAddPoints() throws Exception {
        assertEquals(0, table().getItemCount());
        Ui.screenshot(shell, "live-values-empty.png");
    }

    @Test
    @Order(2)
    void showsChangingValuesAndMakesBadUncertainAndStaleValuesStandOut() throws Exception {
        SampleBus bus = Osgi.await(SampleBus.class);
        part.pointsPosted(CHOSEN.stream().map(PointPath::toString).toList());
        assertEquals(CHOSEN, rows());
        // The drum level arrives once and then never again: stale after ten seconds.
        bus.publish(SampleBatch.builder(1).add(LEVEL, micros(), 62.4, Quality.GOOD).build());
        utilities = Executors.newSingleThreadScheduledExecutor();
        utilities.scheduleAtFixedRate(() -> bus.publish(SampleBatch.builder(2)
            .add(PRESSURE, micros(), 11.82, Quality.BAD)
            .add(STEAM, micros(), 4.37 + Math.random() / 10, Quality.UNCERTAIN).build()), 0, 200, TimeUnit.MILLISECONDS);

        String first = Ui.waitFor(display, "a good value of filler/speed", WAIT, () -> {
            TableItem speed = item(FILLER_SPEED);
            return speed.getText(3).equals("Good") && !speed.getText(1).equals("\u2014") ? speed.getText(1) : null;
        });
        String later = Ui.waitFor(display, "filler/speed changing from " + first, WAIT,
            () -> item(FILLER_SPEED).getText(1).equals(first) ? null : item(FILLER_SPEED).getText(1));
        assertNotEquals(first, later);
        assertEquals("units/min", item(FILLER_SPEED).getText(2));
        assertEquals(table().getForeground().getRGB(), item(FILLER_SPEED).getForeground(1).getRGB(), "a good value is not coloured");

        Ui.waitFor(display, "the drum level going stale", Duration.ofSeconds(20),
            () -> item(LEVEL).getText(3).contains("stale") ? true : null);
        Ui.waitFor(display, "every simulated point with a value", WAIT,
            () -> rows().stream().allMatch(p -> !item(p).getText(4).isEmpty()) ? true : null);
        assertEquals(GREY, item(LEVEL).getForeground(1).getRGB());
        assertEquals("Bad", item(PRESSURE).getText(3));
        assertEquals(RED, item(PRESSURE).getForeground(1).getRGB());
        assertTrue((item(PRESSURE).getFont(1).getFontData()[0].getStyle() & SWT.BOLD) != 0, "bad values are bold");
        assertEquals("Uncertain", item(STEAM).getText(3));
        assertEquals(ORANGE, item(STEAM).getForeground(1).getRGB());
        table().deselectAll();
        Ui.screenshot(shell, "live-values.png");
    }

    @Test
    @Order(3)
    void deleteRemovesRowsAndTheChoiceSurvivesARestartOfThePart() {
        part.viewer().setSelection(new StructuredSelection(LEVEL));
        Event delete = new Event();
        delete.keyCode = SWT.DEL;
        table().notifyListeners(SWT.KeyDown, delete);
        List<PointPath> left = CHOSEN.subList(0, CHOSEN.size() - 1);
        assertEquals(left, rows());
        assertEquals(String.join("\n", left.stream().map(PointPath::toString).toList()),
            model.getPersistedState().get(LiveValuesPart.PERSISTED_POINTS));

        context.dispose();
        for (var c : shell.getChildren()) {
            c.dispose();
        }
        part = create();
        assertEquals(left, rows(), "the same points, in the same order, after the part was closed and opened");
        Ui.waitFor(display, "values again after the restart", WAIT,
            () -> item(FILLER_SPEED).getText(3).equals("Good") ? true : null);
    }

    private static long micros() {
        return System.currentTimeMillis() * 1_000;
    }

    private static Table table() {
        return part.viewer().getTable();
    }

    private static List<PointPath> rows() {
        List<PointPath> out = new ArrayList<>();
        for (TableItem i : table().getItems()) {
            out.add((PointPath) i.getData());
        }
        return out;
    }

    private static TableItem item(PointPath p) {
        for (TableItem i : table().getItems()) {
            if (p.equals(i.getData())) {
                return i;
            }
        }
        throw new AssertionError("no row for " + p);
    }
}
