package io.convergence.ui.trend.internal.model;

import io.convergence.api.point.Quality;

/**
 * Min/max-per-pixel-column decimation ("M4"): of the samples falling into one pixel column it keeps
 * the first, the smallest, the largest and the last, in time order. The line drawn through those
 * at most four points covers exactly the pixels the full line would, so ten million samples draw
 * as about four points per column, and no spike is ever lost: a spike is its column's min or max.
 *
 * <p>A sample of bad quality, or with no value ({@link Double#NaN}), breaks the line: the points
 * before and after are never joined across it, and its span is reported for marking.
 */
public final class Decimator {

    private static final byte BAD = (byte) Quality.BAD.ordinal();

    private Decimator() {
    }

    /**
     * Adds the decimation of samples {@code [lo, hi)} (sorted by time) that fall in
     * {@code [from, to)}, split into {@code columns} columns of equal duration, to {@code out}.
     *
     * @param times sample times, microseconds since the epoch, non-decreasing
     * @param values sample values
     * @param qualities sample qualities as {@link Quality#ordinal()}; {@code null} means all good
     * @return the number of samples that fell into the range
     */
    public static int decimate(long[] times, double[] values, byte @org.jspecify.annotations.Nullable [] qualities,
                               int lo, int hi, long from, long to, int columns, Trace.Builder out) {
        if (to <= from || columns < 1) {
            return 0;
        }
        int start = lowerBound(times, lo, hi, from);
        int end = lowerBound(times, start, hi, to);
        double perMicro = (double) columns / (double) (to - from);
        Column c = new Column();
        long badStart = Long.MIN_VALUE;
        boolean inBad = false;
        for (int i = start; i < end; i++) {
            long t = times[i];
            double v = values[i];
            if (Double.isNaN(v) || qualities != null && qualities[i] == BAD) {
                c.flush(times, values, out);
                out.breakLine();
                if (!inBad) {
                    inBad = true;
                    badStart = t;
                }
                continue;
            }
            if (inBad) {
                out.bad(badStart, t);
                inBad = false;
            }
            int col = (int) Math.min(columns - 1, (long) ((t - from) * perMicro));
            if (col != c.column) {
                c.flush(times, values, out);
                c.start(col, i, v);
            } else {
                c.update(i, v);
            }
        }
        c.flush(times, values, out);
        if (inBad) {
            out.bad(badStart, times[end - 1]);
        }
        return end - start;
    }

    /** The first index in {@code [lo, hi)} whose time is at or after {@code t}, or {@code hi}. */
    public static int lowerBound(long[] times, int lo, int hi, long t) {
        int a = lo;
        int b = hi;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (times[mid] < t) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }

    /** The run of good samples of one column, since the last break. */
    private static final class Column {
        int column = -1;
        int first = -1;
        int min;
        int max;
        int last;
        double minValue;
        double maxValue;

        void start(int col, int i, double v) {
            column = col;
            first = min = max = last = i;
            minValue = maxValue = v;
        }

        void update(int i, double v) {
            if (v < minValue) {
                minValue = v;
                min = i;
            }
            if (v > maxValue) {
                maxValue = v;
                max = i;
            }
            last = i;
        }

        /** Emits first, min, max, last in time order, each sample once. */
        void flush(long[] times, double[] values, Trace.Builder out) {
            if (first < 0) {
                return;
            }
            int a = Math.min(min, max);
            int b = Math.max(min, max);
            out.add(times[first], values[first]);
            if (a != first) {
                out.add(times[a], values[a]);
            }
            if (b != a && b != first) {
                out.add(times[b], values[b]);
            }
            if (last != b && last != first) {
                out.add(times[last], values[last]);
            }
            first = -1;
            column = -1;
        }
    }
}
