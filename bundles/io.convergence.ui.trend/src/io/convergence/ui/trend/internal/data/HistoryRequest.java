package io.convergence.ui.trend.internal.data;

import java.util.List;

import io.convergence.api.point.PointPath;

/**
 * A read of the pens' history.
 *
 * @param points the pens' points
 * @param from start of the range, microseconds since the epoch
 * @param to end of the range (exclusive)
 * @param columns buckets across the range
 * @param generation which historian service it was for; a newer one makes it stale
 */
public record HistoryRequest(List<PointPath> points, long from, long to, int columns, long generation) {

    /** The bucket width, microseconds. */
    public long bucketMicros() {
        return HistoryLoader.bucketMicros(from, to, columns);
    }
}
