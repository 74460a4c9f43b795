package io.convergence.ui.trend.internal.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.convergence.api.historian.Historian;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.PointPath;
import io.convergence.ui.trend.internal.model.BucketTraces;
import io.convergence.ui.trend.internal.model.Frame;
import io.convergence.ui.trend.internal.model.FrameBuilder;
import io.convergence.ui.trend.internal.model.HistorySlice;
import io.convergence.ui.trend.internal.model.LiveTail;
import io.convergence.ui.trend.internal.model.Messages;
import io.convergence.ui.trend.internal.model.Pen;
import io.convergence.ui.trend.internal.model.TimeWindow;
import io.convergence.ui.trend.internal.model.TrendModel;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the trend's data in step with its model, on the UI thread: decides when the history must
 * be read again (pens added, zoomed to another resolution, panned beyond what was read, another
 * historian), reads it in a {@link HistoryJob}, feeds live tails from the bus, and builds the
 * {@link Frame} to draw. It never waits for the historian; results come back through {@code ui}.
 *
 * <p>History is read a span to either side of the window, so a pan of less than a screen draws
 * at once from what is there; while following, live tails draw what came after the read.
 */
public final class TrendController implements AutoCloseable {

    private final TrendModel model;
    private final LiveFeed feed;
    private final Supplier<@Nullable Historian> historian;
    private final Executor ui;
    private final LongSupplier clock;
    private final Runnable changed;
    private Map<PointPath, HistorySlice> history = Map.of();
    private @Nullable HistoryRequest loaded;
    private @Nullable HistoryRequest wanted;
    private @Nullable HistoryJob job;
    private long generation;
    private int columns = 800;
    private long dataVersion;
    private String status = "";
    private boolean closed;

    /**
     * @param historian the historian service now, or {@code null} while there is none
     * @param ui runs a task on the UI thread
     * @param clock now, in microseconds since the epoch
     * @param changed called on the UI thread when new data arrived or the status changed
     */
    public TrendController(TrendModel model, LiveFeed feed, Supplier<@Nullable Historian> historian, Executor ui,
                           LongSupplier clock, Runnable changed) {
        this.model = model;
        this.feed = feed;
        this.historian = historian;
        this.ui = ui;
        this.clock = clock;
        this.changed = changed;
    }

    public TrendModel model() {
        return model;
    }

    public LiveFeed feed() {
        return feed;
    }

    /** Now, microseconds since the epoch. */
    public long now() {
        return clock.getAsLong();
    }

    /** Sets the plot's width in pixels: one column of decimation each. */
    public void setColumns(int pixels) {
        columns = Math.max(16, pixels);
    }

    /** The plot's width in pixels, as last set. */
    public int columns() {
        return columns;
    }

    /** The historian service came, went or changed: what was read from the old one is dropped. */
    public void historianChanged() {
        generation++;
        history = Map.of();
        loaded = null;
        dataVersion++;
        update();
    }

    /**
     * Adds a pen and starts keeping its live samples.
     *
     * @return the pen, or {@code null} if it was there already or the trend is full
     */
    public @Nullable Pen addPen(PointPath path, String unit, String description) {
        Pen p = model.add(path, unit, description);
        if (p != null) {
            feed.track(path, now());
            update();
        } else if (model.pens().size() >= TrendModel.MAX_PENS && model.pen(path).isEmpty()) {
            setStatus(NLS.bind(Messages.statusFull, TrendModel.MAX_PENS));
        }
        return p;
    }

    /** Removes a pen and its live samples. */
    public void removePen(PointPath path) {
        if (model.remove(path)) {
            feed.untrack(path);
            update();
        }
    }

    /** Slides the window if following and reads history if what was read no longer covers the window. */
    public void update() {
        if (closed) {
            return;
        }
        long now = now();
        model.tick(now);
        Historian h = historian.get();
        if (model.pens().isEmpty()) {
            return;
        }
        if (h == null) {
            setStatus(Messages.statusNoHistorian);
            return;
        }
        if (covers(loaded, now) || covers(wanted, now)) {
            return;
        }
        read(h, desired(now));
    }

    /** The picture to draw now. */
    public Frame frame() {
        return FrameBuilder.build(model, history::get, feed::tail, columns);
    }

    /** Changes whenever what {@link #frame()} draws may have changed. */
    public long version() {
        return model.version() * 31 + feed.version() * 17 + dataVersion;
    }

    /** A one-line status: reading, how much was read, or what failed. */
    public String status() {
        return status;
    }

    /** Whether a history read is under way. */
    public boolean loading() {
        return wanted != null;
    }

    /** The history read last, per point. */
    public Map<PointPath, HistorySlice> history() {
        return history;
    }

    /**
     * Fits the time axis to the pens' data (from the historian's point summaries and the live tails)
     * and every Y axis to what is then shown. Reads the summaries in the background.
     */
    public void fit() {
        model.autoY();
        List<PointPath> paths = model.pens().stream().map(Pen::path).toList();
        if (paths.isEmpty()) {
            return;
        }
        Historian h = historian.get();
        Job.create("Fitting the trend", monitor -> {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            if (h != null) {
                try {
                    for (PointSummary s : h.points()) {
                        if (paths.contains(s.point())) {
                            first = Math.min(first, BucketTraces.micros(s.first()));
                            last = Math.max(last, BucketTraces.micros(s.last()));
                        }
                    }
                } catch (Exception e) {
                    return Status.error(e.getMessage() == null ? e.toString() : e.getMessage(), e);
                }
            }
            long f = first;
            long l = last;
            ui.execute(() -> applyFit(paths, f, l));
            return Status.OK_STATUS;
        }).schedule();
    }

    private void applyFit(List<PointPath> paths, long historyFirst, long historyLast) {
        long first = historyFirst;
        long last = historyLast;
        for (PointPath p : paths) {
            LiveTail t = feed.tail(p);
            if (t != null && t.size() > 0) {
                LiveTail.Samples s = t.copy(Long.MIN_VALUE, Long.MAX_VALUE);
                first = Math.min(first, s.times()[0]);
                last = Math.max(last, s.times()[s.times().length - 1]);
            }
        }
        if (first > last) {
            return;
        }
        long span = Math.max(TimeWindow.MIN_SPAN, last - first);
        long margin = span / 50;
        long now = now();
        if (now - last < span / 20) {
            model.show(TimeWindow.ending(now, span + margin));
            model.setFollow(true, now);
        } else {
            model.show(new TimeWindow(first - margin, last + margin + 1));
        }
        model.autoY();
        update();
        changed.run();
    }

    /** Exports the visible range of every pen to {@code file}, in the background. */
    public void exportCsv(Path file) {
        setStatus(NLS.bind(Messages.statusExporting, file.getFileName()));
        new CsvExportJob(historian.get(), model.pens(), model.window(), feed::tail, file,
            message -> ui.execute(() -> setStatus(message))).schedule();
    }

    /** Sets the status line. */
    public void setStatus(String text) {
        if (!text.equals(status)) {
            status = text;
            dataVersion++;
            changed.run();
        }
    }

    private HistoryRequest desired(long now) {
        TimeWindow w = model.window();
        long span = w.span();
        long from = w.from() - span;
        long to = model.follow() ? Math.max(now, w.to()) : w.to() + span;
        int cols = (int) Math.min(20_000, Math.max(16, Math.round((double) columns * (to - from) / span)));
        return new HistoryRequest(model.pens().stream().map(Pen::path).toList(), from, to, cols, generation);
    }

    private boolean covers(@Nullable HistoryRequest r, long now) {
        if (r == null || r.generation() != generation || !new HashSet<>(r.points()).containsAll(paths())) {
            return false;
        }
        TimeWindow w = model.window();
        double wantedBucket = (double) w.span() / columns;
        double ratio = r.bucketMicros() / Math.max(1.0, wantedBucket);
        if (ratio < 0.7 || ratio > 1.5 || w.from() < r.from()) {
            return false;
        }
        if (w.to() <= r.to()) {
            return true;
        }
        if (!feed.attached()) {
            // nothing live: read again when a twentieth of the window is not covered
            return w.to() - r.to() < w.span() / 20;
        }
        for (PointPath p : paths()) {
            LiveTail t = feed.tail(p);
            if (t == null || t.coveredFrom() > r.to()) {
                return false;
            }
        }
        return true;
    }

    private List<PointPath> paths() {
        return model.pens().stream().map(Pen::path).toList();
    }

    private void read(Historian h, HistoryRequest request) {
        HistoryJob running = job;
        if (running != null) {
            running.cancel();
        }
        wanted = request;
        setStatus(Messages.statusLoading);
        HistoryJob j = new HistoryJob(h, request, result -> ui.execute(() -> accept(result)));
        job = j;
        j.schedule(running == null ? 0 : 60);
    }

    private void accept(HistoryJob.Result result) {
        if (closed || result.request() != wanted) {
            return;
        }
        wanted = null;
        job = null;
        history = new HashMap<>(result.slices());
        loaded = result.request();
        dataVersion++;
        long samples = result.slices().values().stream().mapToLong(HistorySlice::samples).sum();
        String error = result.error();
        setStatus(error != null ? NLS.bind(Messages.statusHistoryFailed, error)
            : samples == 0 ? Messages.statusNoHistory
            : NLS.bind(Messages.statusLoaded, String.format("%,d", samples), result.millis()));
        changed.run();
        update();
    }

    /** Stops reads under way and the bus subscription. */
    @Override
    public void close() {
        closed = true;
        HistoryJob running = job;
        if (running != null) {
            running.cancel();
        }
        feed.close();
    }
}
