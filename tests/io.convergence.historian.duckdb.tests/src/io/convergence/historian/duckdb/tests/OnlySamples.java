package io.convergence.historian.duckdb.tests;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;

/**
 * A historian as one written for API 1.0 is: the store's own methods, and {@code read} as the API's
 * default makes it from {@code samples} pages. The reference the store's own {@code read} is held to.
 */
final class OnlySamples implements Historian {

    private final Historian store;

    OnlySamples(Historian store) {
        this.store = store;
    }

    @Override
    public void append(SampleBatch batch) throws HistorianException {
        store.append(batch);
    }

    @Override
    public List<PointSummary> points() throws HistorianException {
        return store.points();
    }

    @Override
    public List<Bucket> buckets(PointPath point, Instant from, Instant to, Duration bucket) throws HistorianException {
        return store.buckets(point, from, to, bucket);
    }

    @Override
    public List<Sample> samples(PointPath point, Instant from, Instant to, int limit) throws HistorianException {
        return store.samples(point, from, to, limit);
    }

    @Override
    public long size() throws HistorianException {
        return store.size();
    }
}
