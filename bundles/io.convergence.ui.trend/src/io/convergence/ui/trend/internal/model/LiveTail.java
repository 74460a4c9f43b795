package io.convergence.ui.trend.internal.model;

import java.util.Arrays;

import io.convergence.api.point.Quality;

/**
 * The samples of one pen received live since the pen was added, oldest first, at most
 * {@code capacity}; when full the oldest quarter is dropped. Samples arrive on the bus thread and
 * are read on the UI thread, hence the locking.
 */
public final class LiveTail {

    /** Default capacity: a day of one sample a second, or ten minutes of a kilohertz. */
    public static final int DEFAULT_CAPACITY = 1 << 19;

    private final int capacity;
    private long[] times = new long[1024];
    private double[] values = new double[1024];
    private byte[] qualities = new byte[1024];
    private int size;
    private long dropped;
    private long version;
    private final long started;

    /** A tail of the default capacity, holding samples from {@code startedMicros} on. */
    public LiveTail(long startedMicros) {
        this(startedMicros, DEFAULT_CAPACITY);
    }

    /** A tail holding at most {@code capacity} samples. */
    public LiveTail(long startedMicros, int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity " + capacity + " is under 4");
        }
        this.started = startedMicros;
        this.capacity = capacity;
    }

    /** Adds a sample; one older than the newest is put in its place. */
    public synchronized void add(long time, double value, Quality quality) {
        if (size == capacity) {
            int drop = capacity / 4;
            System.arraycopy(times, drop, times, 0, size - drop);
            System.arraycopy(values, drop, values, 0, size - drop);
            System.arraycopy(qualities, drop, qualities, 0, size - drop);
            size -= drop;
            dropped += drop;
        }
        if (size == times.length) {
            int c = Math.min(capacity, times.length * 2);
            times = Arrays.copyOf(times, c);
            values = Arrays.copyOf(values, c);
            qualities = Arrays.copyOf(qualities, c);
        }
        int at = size;
        if (size > 0 && time < times[size - 1]) {
            at = Decimator.lowerBound(times, 0, size, time + 1);
            System.arraycopy(times, at, times, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
            System.arraycopy(qualities, at, qualities, at + 1, size - at);
        }
        times[at] = time;
        values[at] = value;
        qualities[at] = (byte) quality.ordinal();
        size++;
        version++;
    }

    /**
     * Adds the decimation of the samples in {@code [from, to)} to {@code out}.
     *
     * @return the number of samples in the range
     */
    public synchronized int decimate(long from, long to, int columns, Trace.Builder out) {
        return Decimator.decimate(times, values, qualities, 0, size, from, to, columns, out);
    }

    /** The median interval between the samples in {@code [from, to)}; 0 with fewer than three. */
    public synchronized long medianInterval(long from, long to) {
        int a = Decimator.lowerBound(times, 0, size, from);
        int b = Decimator.lowerBound(times, a, size, to);
        return Intervals.median(times, a, b);
    }

    /**
     * The time from which this tail holds every sample received: when it started, or after the
     * newest sample it dropped.
     */
    public synchronized long coveredFrom() {
        return dropped == 0 || size == 0 ? started : times[0];
    }

    /** The samples in {@code [from, to)} as parallel arrays: times, values and qualities. */
    public synchronized Samples copy(long from, long to) {
        int a = Decimator.lowerBound(times, 0, size, from);
        int b = Decimator.lowerBound(times, a, size, to);
        return new Samples(Arrays.copyOfRange(times, a, b), Arrays.copyOfRange(values, a, b),
            Arrays.copyOfRange(qualities, a, b));
    }

    /** Samples held. */
    public synchronized int size() {
        return size;
    }

    /** Changes with every sample added. */
    public synchronized long version() {
        return version;
    }

    /**
     * Samples as columns.
     *
     * @param times microseconds since the epoch
     * @param values numbers, {@link Double#NaN} for none
     * @param qualities {@link Quality#ordinal()} per sample
     */
    public record Samples(long[] times, double[] values, byte[] qualities) {
    }
}
