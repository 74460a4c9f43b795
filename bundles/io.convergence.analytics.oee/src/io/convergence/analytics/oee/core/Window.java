package io.convergence.analytics.oee.core;

/**
 * A span of time in microseconds since the epoch, {@code [start, end)}, with a name: a shift
 * occurrence ({@code A}), a break, a planned stop.
 */
public record Window(String name, long start, long end) {

    /**
     * @throws IllegalArgumentException if the window ends before it starts
     */
    public Window {
        if (end <= start) {
            throw new IllegalArgumentException("window '" + name + "' ends (" + end + ") at or before its start (" + start + ")");
        }
    }

    /** Whether {@code t} falls in it. */
    public boolean contains(long t) {
        return t >= start && t < end;
    }
}
