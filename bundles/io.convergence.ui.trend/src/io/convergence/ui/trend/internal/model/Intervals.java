package io.convergence.ui.trend.internal.model;

import java.util.Arrays;
import java.util.List;

import io.convergence.api.historian.Bucket;

/**
 * A point's usual sampling interval, and from it how far apart two samples may be and still be
 * joined by the line: {@value #GAP_FACTOR} times the median interval. A stretch without samples
 * longer than that is a gap (a lost connection, a stopped recorder, two sessions an hour apart),
 * whether or not a gap marker was recorded, and the trend shows it as a break.
 */
public final class Intervals {

    /** A stretch without samples this many median intervals long is a gap. */
    public static final int GAP_FACTOR = 5;
    /** Intervals sampled from a long run of samples to find their median. */
    static final int SAMPLED = 2048;

    private Intervals() {
    }

    /**
     * The longest step the line may take: {@value #GAP_FACTOR} times the median interval, but never
     * less than {@code resolution} (a step within one pixel column or one historian bucket is no
     * gap one could see); {@link Long#MAX_VALUE} when the interval is not known.
     *
     * @param medianMicros the median interval, 0 if unknown
     */
    public static long maxStep(long medianMicros, long resolution) {
        if (medianMicros <= 0) {
            return Long.MAX_VALUE;
        }
        long step = medianMicros > Long.MAX_VALUE / GAP_FACTOR ? Long.MAX_VALUE : medianMicros * GAP_FACTOR;
        return Math.max(Math.max(1, resolution), step);
    }

    /**
     * The median interval between the samples {@code [lo, hi)} (times sorted), from at most
     * {@value #SAMPLED} intervals spread over them; 0 with fewer than three samples.
     */
    public static long median(long[] times, int lo, int hi) {
        int n = hi - lo - 1;
        if (n < 2) {
            return 0;
        }
        int k = Math.min(n, SAMPLED);
        long[] d = new long[k];
        for (int j = 0; j < k; j++) {
            int i = lo + (int) ((long) j * n / k);
            d[j] = times[i + 1] - times[i];
        }
        Arrays.sort(d);
        return d[k / 2];
    }

    /**
     * The median interval estimated from the historian's buckets of width {@code width} (buckets
     * with no sample are left out): a bucket of {@code n} samples holds {@code n - 1} intervals of
     * about {@code width / n}, and two buckets in a row are about their starts apart when they hold
     * a sample each. 0 when the buckets hold fewer than three samples.
     */
    public static long median(List<Bucket> buckets, long width) {
        int n = buckets.size();
        long[] value = new long[2 * n];
        long[] weight = new long[2 * n];
        int m = 0;
        long total = 0;
        long prevStart = Long.MIN_VALUE;
        for (Bucket b : buckets) {
            long start = BucketTraces.micros(b.start());
            if (b.count() >= 2) {
                value[m] = Math.max(1, width / b.count());
                weight[m++] = b.count() - 1;
                total += b.count() - 1;
            }
            if (b.count() >= 1 && prevStart != Long.MIN_VALUE) {
                value[m] = start - prevStart;
                weight[m++] = 1;
                total++;
            }
            prevStart = b.count() >= 1 ? start : Long.MIN_VALUE;
        }
        if (total < 2) {
            return 0;
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        long[] v = value;
        Arrays.sort(order, (a, b) -> Long.compare(v[a], v[b]));
        long seen = 0;
        for (Integer i : order) {
            seen += weight[i];
            if (2 * seen > total) {
                return value[i];
            }
        }
        return value[order[m - 1]];
    }
}
