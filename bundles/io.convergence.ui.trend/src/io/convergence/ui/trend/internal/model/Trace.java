package io.convergence.ui.trend.internal.model;

import java.util.Arrays;

/**
 * A pen's line as drawn: points in time order (times in microseconds since the epoch) where a
 * {@link Double#NaN} value breaks the line, the spans of bad quality to mark, and the spans without
 * samples the line does not cross (see {@link Builder#maxStep}). Immutable.
 */
public final class Trace {

    private static final Trace EMPTY = new Trace(new long[0], new double[0], 0, new Spans(), new Spans());

    private final long[] times;
    private final double[] values;
    private final int size;
    private final Spans bad;
    private final Spans gaps;

    private Trace(long[] times, double[] values, int size, Spans bad, Spans gaps) {
        this.times = times;
        this.values = values;
        this.size = size;
        this.bad = bad;
        this.gaps = gaps;
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
        return bad.count;
    }

    /** Start of bad span {@code i} (inclusive), microseconds. */
    public long badFrom(int i) {
        return bad.from(i);
    }

    /** End of bad span {@code i}, microseconds; equal to the start for a single bad sample. */
    public long badTo(int i) {
        return bad.to(i);
    }

    /** The number of spans without samples that the line does not cross. */
    public int gapSpans() {
        return gaps.count;
    }

    /** Start of gap {@code i}: the time of the last point before it, microseconds. */
    public long gapFrom(int i) {
        return gaps.from(i);
    }

    /** End of gap {@code i}: the time of the first point after it, microseconds. */
    public long gapTo(int i) {
        return gaps.to(i);
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
        return "Trace[" + size + " points, " + bad.count + " bad spans, " + gaps.count + " gaps]";
    }

    /** Time spans, in order; overlapping or adjacent ones (one microsecond apart) are merged. */
    private static final class Spans {
        private long[] bounds = new long[8];
        private int count;

        long from(int i) {
            return bounds[2 * i];
        }

        long to(int i) {
            return bounds[2 * i + 1];
        }

        void add(long a, long b) {
            long lo = Math.min(a, b);
            long hi = Math.max(a, b);
            if (count > 0 && lo <= bounds[2 * count - 1] + 1) {
                bounds[2 * count - 1] = Math.max(hi, bounds[2 * count - 1]);
                bounds[2 * count - 2] = Math.min(lo, bounds[2 * count - 2]);
                return;
            }
            if (2 * count + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[2 * count] = lo;
            bounds[2 * count + 1] = hi;
            count++;
        }

        /** The spans that meet {@code [from, to)}, cut to it, added to {@code out}. */
        void copyTo(Spans out, long from, long to) {
            for (int i = 0; i < count; i++) {
                if (to(i) >= from && from(i) < to) {
                    out.add(Math.max(from, from(i)), Math.min(to, to(i)));
                }
            }
        }

        Spans copy() {
            Spans s = new Spans();
            s.bounds = Arrays.copyOf(bounds, Math.max(2, 2 * count));
            s.count = count;
            return s;
        }
    }

    /** Collects points in time order. Not thread-safe. */
    public static final class Builder {
        private long[] times;
        private double[] values;
        private int size;
        private final Spans bad = new Spans();
        private final Spans gaps = new Spans();
        private long maxStep = Long.MAX_VALUE;

        Builder(int capacity) {
            int c = Math.max(capacity, 8);
            times = new long[c];
            values = new double[c];
        }

        /**
         * From now on, two points further apart than {@code micros} are not joined: the line breaks
         * between them and the span is kept as a gap. {@link Long#MAX_VALUE} (the default) joins
         * every two points.
         */
        public Builder maxStep(long micros) {
            if (micros < 1) {
                throw new IllegalArgumentException("a step of " + micros + " µs");
            }
            maxStep = micros;
            return this;
        }

        /** Adds a point; a point earlier than the last one is moved back to the last one's time. */
        public Builder add(long time, double value) {
            if (Double.isNaN(value)) {
                return breakLine();
            }
            long t = size > 0 && time < times[size - 1] ? times[size - 1] : time;
            if (size > 0 && !Double.isNaN(values[size - 1]) && t - times[size - 1] > maxStep) {
                gaps.add(times[size - 1], t);
                breakLine();
            }
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
            bad.add(from, to);
            return this;
        }

        /** Adds the points of {@code t} whose time lies in {@code [from, to)}, and its bad spans and gaps there. */
        public Builder addRange(Trace t, long from, long to) {
            for (int i = t.lowerBound(from); i < t.size && t.times[i] < to; i++) {
                if (Double.isNaN(t.values[i])) {
                    breakLine();
                } else {
                    add(t.times[i], t.values[i]);
                }
            }
            t.bad.copyTo(bad, from, to);
            t.gaps.copyTo(gaps, from, to);
            return this;
        }

        /** Points added so far, breaks included. */
        public int size() {
            return size;
        }

        /** The trace; the builder can go on adding afterwards. */
        public Trace build() {
            if (size == 0 && bad.count == 0) {
                return EMPTY;
            }
            return new Trace(Arrays.copyOf(times, size), Arrays.copyOf(values, size), size, bad.copy(), gaps.copy());
        }

        private void grow() {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
        }
    }
}
