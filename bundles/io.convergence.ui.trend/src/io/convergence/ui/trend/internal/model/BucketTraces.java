package io.convergence.ui.trend.internal.model;

import java.time.Instant;
import java.util.List;

import io.convergence.api.historian.Bucket;

/**
 * Turns the historian's per-bucket aggregates into a trace, one bucket per pixel column: first at
 * the bucket's start, then min and max (in the order that leads from first to last), then last
 * at its end. The historian does not say when in the bucket min and max occurred; within one
 * pixel column that does not show.
 *
 * <p>A bucket with bad samples is marked bad. A bucket with only bad samples breaks the line; a
 * bucket with good and bad samples is drawn on its own, not joined to its neighbours, because the
 * historian does not say where in it the gap lies.
 */
public final class BucketTraces {

    private BucketTraces() {
    }

    /**
     * Adds the buckets' trace to {@code out}.
     *
     * @param buckets buckets in time order
     * @param widthMicros the bucket width
     */
    public static void add(List<Bucket> buckets, long widthMicros, Trace.Builder out) {
        for (Bucket b : buckets) {
            long start = micros(b.start());
            long end = start + widthMicros - 1;
            if (b.bad() > 0) {
                out.bad(start, end);
            }
            if (b.count() == 0) {
                out.breakLine();
                continue;
            }
            if (b.bad() > 0) {
                out.breakLine();
            }
            long mid = start + widthMicros / 2;
            if (b.count() == 1) {
                out.add(mid, b.first());
            } else {
                addColumn(b, start, mid, end, out);
            }
            if (b.bad() > 0) {
                out.breakLine();
            }
        }
    }

    private static void addColumn(Bucket b, long start, long mid, long end, Trace.Builder out) {
        out.add(start, b.first());
        if (b.first() <= b.last()) {
            out.add(mid, b.min());
            out.add(mid, b.max());
        } else {
            out.add(mid, b.max());
            out.add(mid, b.min());
        }
        out.add(end, b.last());
    }

    /** Microseconds since the epoch. */
    public static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }
}
