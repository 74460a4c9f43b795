package io.convergence.ui.trend.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.convergence.api.historian.Historian;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.testing.Osgi;
import io.convergence.testing.ui.Ui;
import io.convergence.ui.trend.internal.data.HistoryLoader;
import io.convergence.ui.trend.internal.model.Decimator;
import io.convergence.ui.trend.internal.model.HistorySlice;
import io.convergence.ui.trend.internal.model.Trace;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;

/**
 * Redraw time of the decimated trend against SWTChart drawing every point. Not a test: it runs
 * only with {@code -Dconvergence.bench=true} and prints a table (also written to
 * {@code target/benchmark-redraw.txt}).
 *
 * <p>A "redraw" is what a user waits for after a pan of 1 % of the window: for the decimated
 * trend, reading min/first/last/max per pixel column (from the DuckDB historian's buckets, or by
 * {@link Decimator} from an in-memory array), handing the points to SWTChart and painting; for
 * the baseline, moving SWTChart's X range over all points and painting (with SWTChart's own
 * compression off, as "every point", and on, its default). Same chart, same 1200 x 700 window,
 * medians of 7 after 2 warm-ups.
 */
class RedrawBenchmarkTest {

    static final int RUNS = 7;
    static final int WARMUP = 2;
    static final long STEP = 1_000L;

    @TempDir
    Path dir;

    private final List<String> report = new ArrayList<>();

    @Test
    void redrawDecimatedAgainstEveryPoint() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("convergence.bench"),
            "benchmark: run with -Dconvergence.bench=true");
        Ui.assumeDisplay();
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setBounds(0, 0, 1200, 700);
        Chart chart = new Chart(shell, SWT.NONE);
        chart.getTitle().setVisible(false);
        chart.getLegend().setVisible(false);
        shell.open();
        Ui.pump(display, 300);
        int width = chart.getPlotArea().getSize().x;
        line("plot width %d px; median of %d redraws after %d warm-ups; times in ms", width, RUNS, WARMUP);
        line("%-52s %12s %12s %10s", "case", "redraw ms", "points", "");

        Configuration config = Osgi.config("io.convergence.historian.duckdb",
            Map.of("dataDir", Files.createDirectories(dir.resolve("h")).toString()));
        Path real = dir.resolve("h").toRealPath();
        Historian h = Osgi.await(Historian.class, "(convergence.historian.dataDir=" + real + ")", Duration.ofSeconds(30));
        try {
            everyPoint(display, chart, 100_000, false);
            double base1m = everyPoint(display, chart, 1_000_000, false);
            double base10m = everyPoint(display, chart, 10_000_000, false);
            double base1mC = everyPoint(display, chart, 1_000_000, true);
            double mem1m = decimatedInMemory(display, chart, 1_000_000, width);
            double mem10m = decimatedInMemory(display, chart, 10_000_000, width);
            double[] hist1m = decimatedFromHistorian(display, chart, h, 1_000_000, width);
            double[] hist10m = decimatedFromHistorian(display, chart, h, 10_000_000, width);
            line("");
            line("ratios (every point / decimated; above 1 the decimated trend is faster):");
            ratio("1 M, in memory", base1m, mem1m);
            ratio("10 M, in memory", base10m, mem10m);
            ratio("1 M, historian, pan within what was read", base1m, hist1m[1]);
            ratio("10 M, historian, pan within what was read", base10m, hist10m[1]);
            ratio("1 M, historian, new bucket query (zoom)", base1m, hist1m[0]);
            ratio("10 M, historian, new bucket query (zoom)", base10m, hist10m[0]);
            ratio("10 M, historian, pan; baseline SWTChart's default compression at 1 M", base1mC, hist10m[1]);
        } finally {
            shell.dispose();
            config.delete();
            Path out = Path.of(System.getProperty("convergence.screenshots", "target/screenshots")).resolveSibling(
                "benchmark-redraw.txt");
            Files.write(out, report);
        }
    }

    private void ratio(String what, double everyPoint, double decimated) {
        line("  %-70s %6.1f x", what, everyPoint / decimated);
    }

    /** SWTChart given every point; a redraw pans its X range by 1 %. */
    private double everyPoint(Display display, Chart chart, int n, boolean compress) {
        clear(chart);
        chart.enableCompress(compress);
        double[] x = new double[n];
        double[] y = new double[n];
        Random r = new Random(1);
        for (int i = 0; i < n; i++) {
            x[i] = i * (double) STEP;
            y[i] = Signals.vibration(i, n, r);
        }
        long t0 = System.nanoTime();
        ILineSeries<?> s = series(chart);
        s.setXSeries(x);
        s.setYSeries(y);
        chart.getAxisSet().getYAxis(0).setRange(new Range(0, 10));
        double set = (System.nanoTime() - t0) / 1e6;
        double span = n * (double) STEP;
        double[] times = new double[RUNS + WARMUP];
        for (int k = 0; k < times.length; k++) {
            double shift = span * 0.01 * (k % 2);
            long a = System.nanoTime();
            chart.getAxisSet().getXAxis(0).setRange(new Range(shift, shift + span));
            paint(display, chart);
            times[k] = (System.nanoTime() - a) / 1e6;
        }
        double[] still = new double[RUNS + WARMUP];
        for (int k = 0; k < still.length; k++) {
            long a = System.nanoTime();
            paint(display, chart);
            still[k] = (System.nanoTime() - a) / 1e6;
        }
        double m = median(times);
        line("%-52s %12.1f %12d   (repaint without pan %.1f ms; setting the data once %.0f ms)",
            "SWTChart, every point" + (compress ? ", its compression on" : "") + ", " + count(n), m, n, median(still),
            set);
        return m;
    }

    /** Decimated by Decimator from in-memory arrays; a redraw decimates the panned window. */
    private double decimatedInMemory(Display display, Chart chart, int n, int width) {
        clear(chart);
        chart.enableCompress(false);
        long[] t = new long[n];
        double[] v = new double[n];
        Random r = new Random(1);
        for (int i = 0; i < n; i++) {
            t[i] = i * STEP;
            v[i] = Signals.vibration(i, n, r);
        }
        ILineSeries<?> s = series(chart);
        chart.getAxisSet().getYAxis(0).setRange(new Range(0, 10));
        long span = n * STEP;
        double[] times = new double[RUNS + WARMUP];
        double[] decimate = new double[RUNS + WARMUP];
        double[] painting = new double[RUNS + WARMUP];
        int points = 0;
        for (int k = 0; k < times.length; k++) {
            long from = span / 100 * (k % 2);
            long a = System.nanoTime();
            Trace.Builder b = Trace.builder(4 * width);
            Decimator.decimate(t, v, null, 0, n, from, from + span, width, b);
            Trace trace = b.build();
            long d = System.nanoTime();
            points = show(chart, s, trace, from, from + span);
            long e = System.nanoTime();
            paint(display, chart);
            long f = System.nanoTime();
            times[k] = (f - a) / 1e6;
            decimate[k] = (d - a) / 1e6;
            painting[k] = (f - e) / 1e6;
        }
        double m = median(times);
        line("%-52s %12.1f %12d   (decimation %.1f ms, paint %.1f ms)", "decimated, in memory (Decimator), " + count(n),
            m, points, median(decimate), median(painting));
        return m;
    }

    /**
     * Decimated by the historian's buckets, one per pixel column. Two kinds of redraw: after a zoom
     * the window is read again; a pan within what was read (the view reads a window's width of
     * margin on each side) only slices the trace already there.
     *
     * @return the medians of both
     */
    private double[] decimatedFromHistorian(Display display, Chart chart, Historian h, int n, int width) throws Exception {
        PointPath p = PointPath.of("bench", "vibration" + n);
        Random r = new Random(1);
        long start = 1_700_000_000_000_000L;
        long a0 = System.nanoTime();
        for (int i = 0; i < n; ) {
            int batch = Math.min(500_000, n - i);
            SampleBatch.Builder b = SampleBatch.builder(batch);
            for (int j = 0; j < batch; j++, i++) {
                b.add(p, start + i * STEP, Signals.vibration(i, n, r), Quality.GOOD);
            }
            h.append(b.build());
        }
        double appended = (System.nanoTime() - a0) / 1e9;
        clear(chart);
        chart.enableCompress(false);
        ILineSeries<?> s = series(chart);
        chart.getAxisSet().getYAxis(0).setRange(new Range(0, 10));
        long span = n * STEP;
        double[] times = new double[RUNS + WARMUP];
        double[] reads = new double[RUNS + WARMUP];
        double[] painting = new double[RUNS + WARMUP];
        int points = 0;
        for (int k = 0; k < times.length; k++) {
            long from = start + span / 100 * (k % 2);
            long a = System.nanoTime();
            HistorySlice slice = HistoryLoader.load(h, p, from, from + span, width);
            reads[k] = (System.nanoTime() - a) / 1e6;
            points = show(chart, s, slice.trace(), from, from + span);
            long e = System.nanoTime();
            paint(display, chart);
            long f = System.nanoTime();
            times[k] = (f - a) / 1e6;
            painting[k] = (f - e) / 1e6;
        }
        double m = median(times);
        line("%-52s %12.1f %12d   (bucket query %.1f ms, paint %.1f ms; %s appended in %.1f s)",
            "decimated, historian, new query, " + count(n), m, points, median(reads), median(painting), count(n),
            appended);

        HistorySlice wide = HistoryLoader.load(h, p, start - span, start + 2 * span, 3 * width);
        long column = span / width;
        double[] pans = new double[RUNS + WARMUP];
        for (int k = 0; k < pans.length; k++) {
            long from = start + span / 100 * (k % 2);
            long a = System.nanoTime();
            Trace t = Trace.builder(4 * width).addRange(wide.trace(), from - column, from + span + column).build();
            points = show(chart, s, t, from, from + span);
            paint(display, chart);
            pans[k] = (System.nanoTime() - a) / 1e6;
        }
        double pan = median(pans);
        line("%-52s %12.1f %12d", "decimated, historian, pan in what was read, " + count(n), pan, points);
        return new double[] {m, pan};
    }

    private static int show(Chart chart, ILineSeries<?> s, Trace t, long from, long to) {
        double[] x = new double[t.size()];
        double[] y = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            x[i] = t.time(i);
            y[i] = t.value(i);
        }
        s.setXSeries(x);
        s.setYSeries(y);
        chart.getAxisSet().getXAxis(0).setRange(new Range(from, to));
        return x.length;
    }

    /** Redraws and runs the event loop until the plot has painted. */
    private static void paint(Display display, Chart chart) {
        boolean[] painted = {false};
        org.eclipse.swt.widgets.Listener l = e -> painted[0] = true;
        chart.getPlotArea().getControl().addListener(SWT.Paint, l);
        chart.redraw();
        chart.getPlotArea().getControl().update();
        long end = System.nanoTime() + 30_000_000_000L;
        while (!painted[0] && System.nanoTime() < end) {
            if (!display.readAndDispatch()) {
                Thread.onSpinWait();
            }
        }
        chart.getPlotArea().getControl().removeListener(SWT.Paint, l);
        if (!painted[0]) {
            throw new AssertionError("the chart did not paint");
        }
    }

    private static ILineSeries<?> series(Chart chart) {
        ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, "bench");
        s.setSymbolType(ILineSeries.PlotSymbolType.NONE);
        s.setAntialias(SWT.OFF);
        return s;
    }

    private static void clear(Chart chart) {
        if (chart.getSeriesSet().getSeries("bench") != null) {
            chart.getSeriesSet().deleteSeries("bench");
        }
    }

    private static double median(double[] all) {
        double[] d = Arrays.copyOfRange(all, WARMUP, all.length);
        Arrays.sort(d);
        return d[d.length / 2];
    }

    private static String count(int n) {
        return n >= 1_000_000 ? n / 1_000_000 + " M samples" : n / 1_000 + " k samples";
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        report.add(s);
        System.out.println("[trend-bench] " + s);
    }
}
