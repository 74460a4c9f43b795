package io.convergence.ui.trend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.historian.Historian;
import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.testing.Osgi;
import io.convergence.testing.ui.Ui;
import io.convergence.ui.trend.internal.TrendPart;
import io.convergence.ui.trend.internal.data.TrendController;
import io.convergence.ui.trend.internal.model.CsvWriter;
import io.convergence.ui.trend.internal.model.Pen;
import io.convergence.ui.trend.internal.model.RangePreset;
import io.convergence.ui.trend.internal.model.Trace;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ISeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;

/**
 * The Trend part on a real display and a real DuckDB historian: 100,000 vibration samples with a
 * gap, and a bearing temperature, drawn decimated from the historian's buckets; CSV export; the
 * pens and range back after a restart; live samples from the bus.
 */
class TrendViewTest {

    static final String HISTORIAN_PID = "io.convergence.historian.duckdb";
    static final PointPath VIB = PointPath.parse("acme/lyon/packaging/line1/filler/vibration");
    static final PointPath TEMP = PointPath.parse("acme/lyon/packaging/line1/filler/bearing_temperature");
    static final int N = 100_000;
    static final long STEP = 7_800;

    @TempDir
    Path dir;

    private Configuration config;
    private Display display;
    private final List<Shell> shells = new ArrayList<>();
    private final List<IEclipseContext> contexts = new ArrayList<>();

    @BeforeEach
    void display() {
        Ui.assumeDisplay();
        display = Display.getDefault();
    }

    @AfterEach
    void cleanUp() throws Exception {
        contexts.forEach(IEclipseContext::dispose);
        shells.forEach(s -> {
            if (!s.isDisposed()) {
                s.dispose();
            }
        });
        if (config != null) {
            config.delete();
        }
        Osgi.await(PointRegistry.class).withdraw("trend-test");
    }

    @Test
    void drawsHistoryDecimatedExportsCsvAndComesBackAfterARestart() throws Exception {
        Historian h = historian();
        Osgi.await(PointRegistry.class).announce("trend-test", List.of(
            new PointInfo(VIB, DataType.DOUBLE, "mm/s", "Vibration velocity, mm/s RMS", "trend-test", null),
            new PointInfo(TEMP, DataType.DOUBLE, "°C", "Bearing temperature", "trend-test", null)));
        long now = micros(Instant.now());
        long end = now - 2_000_000L;
        double[] vib = new double[N];
        h.append(Signals.vibration(VIB, N, end, STEP, 40_000, 41_500, 77_777, vib));
        SampleBatch.Builder temps = SampleBatch.builder(800);
        long tempStart = end - N * STEP;
        int nt = 0;
        for (long t = tempStart + 500_000; t < end; t += 1_000_000, nt++) {
            temps.add(TEMP, t, 61 + 4 * Math.sin(nt / 90.0) + nt * 0.01, Quality.GOOD);
        }
        h.append(temps.build());

        MPart mpart = MBasicFactory.INSTANCE.createPart();
        TrendPart part = open(mpart);
        part.addPoints(List.of(VIB.toString(), TEMP.toString()));
        TrendController c = part.controller();
        assertNotNull(c);
        Ui.waitUntil(display, "history of both pens", Duration.ofSeconds(30),
            () -> !c.loading() && c.history().size() == 2);
        Ui.pump(display, 300);
        part.refresh();

        int width = part.chart().getPlotArea().getSize().x;
        assertTrue(width > 500, "plot width " + width);
        List<ISeries<?>> vibSeries = series(part, VIB);
        assertTrue(vibSeries.size() >= 2, "the gap splits the line: " + vibSeries.size() + " pieces");
        int points = vibSeries.stream().mapToInt(s -> s.getXSeries().length).sum();
        assertTrue(points > width && points <= 4 * width + 16,
            N + " samples drawn as " + points + " points on " + width + " px");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : vib) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertEquals(9.5, max, "the spike is the maximum");
        double shownMax = vibSeries.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.getYSeries())).max().orElseThrow();
        double shownMin = vibSeries.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.getYSeries())).min().orElseThrow();
        assertEquals(max, shownMax, "exact max drawn: the spike survives decimation");
        assertEquals(min, shownMin, "exact min drawn");
        IAxis y = part.yAxis("mm/s");
        assertNotNull(y);
        assertTrue(y.getRange().lower <= min && y.getRange().upper >= max
            && y.getRange().upper - y.getRange().lower <= 1.15 * (max - min), "Y axis fits the data: " + y.getRange()
            + " for " + min + ".." + max);
        assertNotNull(part.yAxis("°C"), "a second axis for the second unit");
        Trace drawn = c.frame().pens().get(0).trace();
        assertEquals(1, drawn.badSpans(), "the gap is marked");

        Path png = Ui.screenshotFile("trend.png");
        part.savePng(png);
        assertTrue(Files.size(png) > 5_000, "a real picture: " + Files.size(png) + " bytes");
        screenshot(shells.get(0), "trend-window.png");

        Path csv = dir.resolve("trend.csv");
        c.exportCsv(csv);
        Ui.waitUntil(display, "the CSV file", Duration.ofSeconds(60), () -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("time," + VIB + " [mm/s]," + TEMP + " [°C]", lines.get(0));
        TreeSet<Long> times = new TreeSet<>();
        long start = end - N * STEP;
        for (int i = 0; i < N; i++) {
            times.add(start + i * STEP);
        }
        for (int i = 0; i < nt; i++) {
            times.add(tempStart + 500_000 + i * 1_000_000L);
        }
        assertEquals(times.size() + 1, lines.size(), "a row per distinct time");
        assertEquals(CsvWriter.time(start) + "," + CsvWriter.number(vib[0]) + ",", lines.get(1));
        assertTrue(lines.contains(CsvWriter.time(start + 40_000 * STEP) + ",,"), "a gap leaves its cell empty");

        SampleBus bus = Osgi.await(SampleBus.class);
        long liveAt = micros(Instant.now());
        bus.publish(SampleBatch.builder(2).add(VIB, liveAt, 3.3, Quality.GOOD).add(VIB, liveAt + 1000, 3.4, Quality.GOOD)
            .build());
        Ui.waitUntil(display, "live samples in the trend", Duration.ofSeconds(10), () -> {
            Trace t = c.frame().pens().get(0).trace();
            return t.size() > 0 && t.time(t.size() - 1) >= liveAt;
        });

        c.model().showLast(RangePreset.LAST_1_H, c.now());
        part.refresh();
        shells.get(0).dispose();
        part.dispose();

        TrendPart again = open(mpart);
        TrendController c2 = again.controller();
        assertNotNull(c2);
        assertEquals(List.of(VIB, TEMP), c2.model().pens().stream().map(Pen::path).toList(), "pens restored");
        assertEquals(List.of("mm/s", "°C"), c2.model().units());
        assertEquals(RangePreset.LAST_1_H, c2.model().preset(), "range restored");
        Ui.waitUntil(display, "history after the restart", Duration.ofSeconds(30),
            () -> !c2.loading() && c2.history().size() == 2);
        again.dispose();
    }

    private TrendPart open(MPart mpart) {
        Shell shell = new Shell(display);
        shells.add(shell);
        shell.setText("Trend");
        shell.setLayout(new FillLayout());
        shell.setBounds(20, 20, 1200, 680);
        // As the workbench creates it: services and the part injected from a context.
        IEclipseContext context = EclipseContextFactory.create("trend-test");
        contexts.add(context);
        context.set(Composite.class, shell);
        context.set(MPart.class, mpart);
        TrendPart part = ContextInjectionFactory.make(TrendPart.class, context);
        shell.open();
        Ui.pump(display, 200);
        return part;
    }

    private static List<ISeries<?>> series(TrendPart part, PointPath p) {
        List<ISeries<?>> out = new ArrayList<>();
        for (ISeries<?> s : part.chart().getSeriesSet().getSeries()) {
            if (s.getId().startsWith(p + "#") && s.getXSeries().length > 0) {
                out.add(s);
            }
        }
        return out;
    }

    private Historian historian() throws Exception {
        Path data = Files.createDirectories(dir.resolve("historian"));
        config = Osgi.config(HISTORIAN_PID, Map.of("dataDir", data.toString()));
        return Osgi.await(Historian.class, "(convergence.historian.dataDir=" + data.toRealPath() + ")",
            Duration.ofSeconds(30));
    }

    private static void screenshot(Shell shell, String name) throws Exception {
        Display d = shell.getDisplay();
        Ui.pump(d, 200);
        Rectangle b = shell.getBounds();
        Image image = new Image(d, b.width, b.height);
        GC gc = new GC(d);
        try {
            gc.copyArea(image, b.x, b.y);
        } finally {
            gc.dispose();
        }
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        loader.save(Ui.screenshotFile(name).toString(), org.eclipse.swt.SWT.IMAGE_PNG);
        image.dispose();
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
