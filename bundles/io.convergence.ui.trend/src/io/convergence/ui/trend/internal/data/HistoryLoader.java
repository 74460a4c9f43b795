package io.convergence.ui.trend.internal.data;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.PointPath;
import io.convergence.ui.trend.internal.model.BucketTraces;
import io.convergence.ui.trend.internal.model.HistorySlice;
import io.convergence.ui.trend.internal.model.Intervals;
import io.convergence.ui.trend.internal.model.Trace;

/**
 * Reads one pen's history at the resolution of the screen: one historian bucket per pixel column,
 * so the database returns min, max, first and last per column and a range of ten million samples
 * comes back as a few thousand rows. The line breaks where the buckets say the samples stopped for
 * longer than {@link Intervals} allows.
 */
public final class HistoryLoader {

    private HistoryLoader() {
    }

    /**
     * Reads {@code [from, to)} of {@code point} in {@code columns} buckets.
     *
     * @throws HistorianException if the historian fails
     */
    public static HistorySlice load(Historian historian, PointPath point, long from, long to, int columns)
        throws HistorianException {
        long bucket = bucketMicros(from, to, columns);
        List<Bucket> buckets = historian.buckets(point, instant(from), instant(to), Duration.ofNanos(bucket * 1_000L));
        long interval = Intervals.median(buckets, bucket);
        Trace.Builder b = Trace.builder(buckets.size() * 4 + 8).maxStep(Intervals.maxStep(interval, bucket));
        BucketTraces.add(buckets, bucket, b);
        long tailFrom = from;
        long samples = 0;
        for (Bucket k : buckets) {
            samples += k.count() + k.bad();
            if (k.count() > 0 || k.bad() > 0) {
                tailFrom = BucketTraces.micros(k.start());
            }
        }
        return new HistorySlice(from, to, bucket, b.build(), tailFrom, samples, interval);
    }

    /** The bucket width for {@code columns} columns over {@code [from, to)}: at least a microsecond. */
    public static long bucketMicros(long from, long to, int columns) {
        long span = Math.max(1, to - from);
        int c = Math.max(1, columns);
        return Math.max(1, (span + c - 1) / c);
    }

    /** The instant of a time in microseconds since the epoch. */
    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
