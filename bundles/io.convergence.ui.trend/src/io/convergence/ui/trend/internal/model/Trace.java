package io.convergence.ui.trend.internal.model;

import java.util.Arrays;

/**
 * A pen's line as drawn: points in time order (times in microseconds since the epoch) where a
 * {@link Double#NaN} value breaks the line, and the spans of bad quality to mark. Immutable.
 */
public final class Trace {

    private static final Trace EMPTY = new Trace(new long[0], new double[0], 0, new long[0], 0);

    private final long[] times;
    private final double[] values;
    private final int size;
    private final long[] bad;
    private final int badCount;

    private Trace(long[] times, double[] values, int size, long[] bad, int badCount) {
        this.times = times;
        this.values = values;
        this.size = size;
        this.bad = bad;
        this.badCount = badCount;
    }

    /** A trace with no point. */
    public static Trace empty() {
        return EMPTY;
    }

    /** A builder with room for {@code capacity} points before it grows. */
    public static Builder builder(int capacity) {
        return new Builder(capacity);
    }

    /** Points, breaks included. */
    public int size() {
        return size;
    }

    /** Time of point {@code i}, microseconds since the epoch. */
    public long time(int i) {
        return times[i];
    }

    /** Value of point {@code i}; {@link Double#NaN} where the line breaks. */
    public double value(int i) {
        return values[i];
    }

    /** Whether point {@code i} breaks the line. */
    public boolean isBreak(int i) {
        return Double.isNaN(values[i]);
    }

    /** The number of bad-quality spans. */
    public int badSpans() {
        return badCount;
    }

    /** Start of bad span {@code i} (inclusive), microseconds. */
    public long badFrom(int i) {
        return bad[2 * i];
    }

    /** End of bad span {@code i}, microseconds; equal to the start for a single bad sample. */
    public long badTo(int i) {
        return bad[2 * i + 1];
    }

    /** Points that are not breaks. */
    public int pointCount() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(values[i])) {
                n++;
            }
        }
        return n;
    }

    /**
     * The smallest and largest value of the points within {@code [from, to)}, or {@code null} if
     * there is none.
     */
    public double @org.jspecify.annotations.Nullable [] valueRange(long from, long to) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = lowerBound(from); i < size && times[i] < to; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min > max ? null : new double[] {min, max};
    }

    /** The first index whose time is at or after {@code t}. */
    public int lowerBound(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The contiguous runs of points between breaks, each as {@code [start, end)} indices. */
    public int[][] segments() {
        int[] bounds = new int[size * 2 + 2];
        int n = 0;
        int start = -1;
        for (int i = 0; i <= size; i++) {
            boolean brk = i == size || Double.isNaN(values[i]);
            if (brk) {
                if (start >= 0) {
                    bounds[n++] = start;
                    bounds[n++] = i;
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        int[][] out = new int[n / 2][];
        for (int k = 0; k < n / 2; k++) {
            out[k] = new int[] {bounds[2 * k], bounds[2 * k + 1]};
        }
        return out;
    }

    @Override
    public String toString() {
        return "Trace[" + size + " points, " + badCount + " bad spans]";
    }

    /** Collects points in time order. Not thread-safe. */
    public static final class Builder {
        private long[] times;
        private double[] values;
        private int size;
        private long[] bad = new long[8];
        private int badCount;

        Builder(int capacity) {
            int c = Math.max(capacity, 8);
            times = new long[c];
            values = new double[c];
        }

        /** Adds a point; a point earlier than the last one is moved back to the last one's time. */
        public Builder add(long time, double value) {
            if (Double.isNaN(value)) {
                return breakLine();
            }
            long t = size > 0 && time < times[size - 1] ? times[size - 1] : time;
            grow();
            times[size] = t;
            values[size] = value;
            size++;
            return this;
        }

        /** Breaks the line after the last point; nothing if it is already broken or empty. */
        public Builder breakLine() {
            if (size > 0 && !Double.isNaN(values[size - 1])) {
                grow();
                times[size] = times[size - 1];
                values[size] = Double.NaN;
                size++;
            }
            return this;
        }

        /** Marks a span of bad quality; overlapping or adjacent spans (one microsecond apart) are merged. */
        public Builder bad(long from, long to) {
            long lo = Math.min(from, to);
            long hi = Math.max(from, to);
            if (badCount > 0 && lo <= bad[2 * badCount - 1] + 1) {
                bad[2 * badCount - 1] = Math.max(hi, bad[2 * badCount - 1]);
                bad[2 * badCount - 2] = Math.min(lo, bad[2 * badCount - 2]);
                return this;
            }
            if (2 * badCount + 2 > bad.length) {
                bad = Arrays.copyOf(bad, bad.length * 2);
            }
            bad[2 * badCount] = lo;
            bad[2 * badCount + 1] = hi;
            badCount++;
            return this;
        }

        /** Adds the points of {@code t} whose time lies in {@code [from, to)}, and its bad spans there. */
        public Builder addRange(Trace t, long from, long to) {
            for (int i = t.lowerBound(from); i < t.size && t.times[i] < to; i++) {
                if (Double.isNaN(t.values[i])) {
                    breakLine();
                } else {
                    add(t.times[i], t.values[i]);
                }
            }
            for (int i = 0; i < t.badCount; i++) {
                if (t.badTo(i) >= from && t.badFrom(i) < to) {
                    bad(Math.max(from, t.badFrom(i)), Math.min(to, t.badTo(i)));
                }
            }
            return this;
        }

        /** Points added so far, breaks included. */
        public int size() {
            return size;
        }

        /** The trace; the builder can go on adding afterwards. */
        public Trace build() {
            if (size == 0 && badCount == 0) {
                return EMPTY;
            }
            return new Trace(Arrays.copyOf(times, size), Arrays.copyOf(values, size), size,
                Arrays.copyOf(bad, 2 * badCount), badCount);
        }

        private void grow() {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
        }
    }
}
