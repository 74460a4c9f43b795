package io.convergence.ui.trend.internal.model;

/**
 * The visible time range {@code [from, to)} in microseconds since the epoch.
 *
 * @param from the left edge
 * @param to the right edge, after {@code from}
 */
public record TimeWindow(long from, long to) {

    /** The narrowest window: one millisecond. */
    public static final long MIN_SPAN = 1_000L;
    /** The widest window: about ten years. */
    public static final long MAX_SPAN = 3_650L * 86_400_000_000L;

    /**
     * @throws IllegalArgumentException if {@code to} is not after {@code from}
     */
    public TimeWindow {
        if (to <= from) {
            throw new IllegalArgumentException("empty time window [" + from + ", " + to + ")");
        }
    }

    /** The window's duration in microseconds. */
    public long span() {
        return to - from;
    }

    /** The window {@code span} wide ending at {@code end}. */
    public static TimeWindow ending(long end, long span) {
        long s = clampSpan(span);
        return new TimeWindow(end - s, end);
    }

    /**
     * Zooms by {@code factor} (under 1 zooms in) keeping the time under {@code anchor} (0 = left
     * edge, 1 = right edge) where it is.
     */
    public TimeWindow zoom(double factor, double anchor) {
        double a = Math.max(0, Math.min(1, anchor));
        long span = clampSpan(Math.round(span() * factor));
        long pivot = from + Math.round(span() * a);
        long f = pivot - Math.round(span * a);
        return new TimeWindow(f, f + span);
    }

    /** Moves by {@code fraction} of the span; positive moves later. */
    public TimeWindow pan(double fraction) {
        long d = Math.round(span() * fraction);
        return new TimeWindow(from + d, to + d);
    }

    /** Whether {@code t} lies in the window. */
    public boolean contains(long t) {
        return t >= from && t < to;
    }

    private static long clampSpan(long span) {
        return Math.max(MIN_SPAN, Math.min(MAX_SPAN, span));
    }
}
