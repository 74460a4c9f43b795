package io.convergence.api.historian;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.convergence.api.point.PointPath;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;

import org.osgi.annotation.versioning.ProviderType;

/** Durable storage of samples. A service; partners call it. All methods are thread-safe. */
@ProviderType
public interface Historian {

    /**
     * Stores a batch. When this returns the samples survive a crash of the process or the machine.
     *
     * @throws HistorianException if the batch could not be stored; then none of it is stored
     */
    void append(SampleBatch batch) throws HistorianException;

    /** Every stored point with its sample count and time span, sorted by path. */
    List<PointSummary> points() throws HistorianException;

    /**
     * Aggregates of one point's samples per bucket over {@code [from, to)}. Buckets are aligned to
     * multiples of {@code bucket} since the epoch; buckets with no sample are left out. Only numeric
     * values count in {@link Bucket#count()} and the aggregates; text samples are left out of both,
     * and samples with bad quality (gaps included) are counted in {@link Bucket#bad()}.
     */
    List<Bucket> buckets(PointPath point, Instant from, Instant to, Duration bucket) throws HistorianException;

    /** The raw samples of one point in {@code [from, to)}, oldest first, at most {@code limit}. */
    List<Sample> samples(PointPath point, Instant from, Instant to, int limit) throws HistorianException;

    /** The number of samples stored in all. */
    long size() throws HistorianException;

    /**
     * Streams the raw samples of some points in {@code [from, to)} to a consumer, in batches of at
     * most {@code batchSize} rows, in time order across the points (rows of equal time in the order
     * of {@code points}). For replaying history through the same code that handles live samples;
     * a historian streams from storage without holding the range in memory.
     *
     * @since 1.1
     */
    default void read(List<PointPath> points, Instant from, Instant to, int batchSize, Consumer<SampleBatch> sink)
        throws HistorianException {
        HistoryMerge.read(this, points, from, to, batchSize, sink);
    }

    /**
     * Replaces what is stored for some points in {@code [from, to)} by the samples of a batch, in
     * one transaction: for derived points whose values were recomputed. Every row of the batch must
     * be of one of the points and inside the range.
     *
     * @throws HistorianException if the historian cannot replace (then nothing changed)
     * @throws IllegalArgumentException if a row lies outside the points or the range
     * @since 1.1
     */
    default void replace(List<PointPath> points, Instant from, Instant to, SampleBatch batch)
        throws HistorianException {
        throw new HistorianException("this historian cannot replace stored samples");
    }
}
