package io.convergence.ui.trend.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * Puts history and live samples together into a {@link Frame}: per pen, the historian's buckets,
 * then the live tail decimated from where the history ends, the line broken wherever the samples
 * stop for longer than the point's usual interval allows ({@link Intervals}); per unit, the Y range
 * fitted to what the window shows (or the user's range).
 */
public final class FrameBuilder {

    private FrameBuilder() {
    }

    /**
     * @param model what to show
     * @param history each pen's history, {@code null} where none was read
     * @param tails each pen's live tail, {@code null} where there is none
     * @param columns the plot's width in pixels
     */
    public static Frame build(TrendModel model, Function<PointPath, @Nullable HistorySlice> history,
                              Function<PointPath, @Nullable LiveTail> tails, int columns) {
        TimeWindow w = model.window();
        int cols = Math.max(1, columns);
        long column = Math.max(1, w.span() / cols);
        long from = w.from() - column;
        long to = w.to() + column;
        List<Frame.PenTrace> traces = new ArrayList<>();
        for (Pen pen : model.pens()) {
            Trace.Builder b = Trace.builder(4 * cols + 16);
            long tailFrom = from;
            HistorySlice h = history.apply(pen.path());
            LiveTail tail = tails.apply(pen.path());
            b.maxStep(maxStep(h, tail, from, to, column));
            if (h != null) {
                b.addRange(h.trace(), from, to);
                tailFrom = Math.max(from, h.tailFrom());
            }
            if (tail != null && tailFrom < to) {
                int tailColumns = (int) Math.max(1, Math.min(cols + 2L, (to - tailFrom) / column));
                tail.decimate(tailFrom, to, tailColumns, b);
            }
            Trace t = b.build();
            traces.add(new Frame.PenTrace(pen, t, t.valueRange(w.from(), w.to())));
        }
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (String unit : model.units()) {
            YScale s = model.scale(unit);
            if (!s.auto()) {
                ranges.put(unit, new double[] {s.lower(), s.upper()});
                continue;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Frame.PenTrace pt : traces) {
                double[] r = pt.range();
                if (r != null && pt.pen().unit().equals(unit)) {
                    min = Math.min(min, r[0]);
                    max = Math.max(max, r[1]);
                }
            }
            ranges.put(unit, min > max ? new double[] {0, 1} : YScale.fit(min, max));
        }
        return new Frame(w, List.copyOf(traces), ranges);
    }

    /**
     * How far apart two points of a pen may be and still be joined: from the point's interval over
     * the history read (the whole window and its margins), else over the live samples in view.
     */
    private static long maxStep(@Nullable HistorySlice h, @Nullable LiveTail tail, long from, long to, long column) {
        long interval = h == null ? 0 : h.intervalMicros();
        if (interval == 0 && tail != null) {
            interval = tail.medianInterval(from, to);
        }
        return Intervals.maxStep(interval, h == null ? column : Math.max(column, h.bucketMicros()));
    }
}
