package io.convergence.connector.opcua.tests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.testing.Osgi;

/** Listens to the sample bus and keeps, per point, what arrived and when. */
final class SampleCollector implements AutoCloseable {

    /** One sample as it came over the bus. */
    record Row(long micros, Object value, Quality quality, boolean gap) {
    }

    /** What one point received. */
    static final class Stats {
        /** The first samples, in order (enough for any test here). */
        private final List<Row> rows = new ArrayList<>();

        /** The rows so far, copied. */
        synchronized List<Row> rows() {
            return List.copyOf(rows);
        }

        private synchronized void add(Row r) {
            if (rows.size() < 10_000) {
                rows.add(r);
            }
        }
        final AtomicLong values = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        volatile long lastValueNanos;
        volatile long lastGapNanos;
        volatile Object lastValue;
        volatile Quality lastQuality;
    }

    private final Map<PointPath, Stats> stats = new ConcurrentHashMap<>();
    private final AtomicLong batches = new AtomicLong();
    private final BusSubscription subscription;

    SampleCollector(String name) {
        subscription = Osgi.await(SampleBus.class).subscribe(name, Delivery.EVERY_BATCH, this::accept);
    }

    private void accept(SampleBatch b) {
        batches.incrementAndGet();
        long now = System.nanoTime();
        for (int i = 0; i < b.size(); i++) {
            Stats s = stats.computeIfAbsent(b.point(i), p -> new Stats());
            s.add(new Row(b.timeMicros(i), b.value(i), b.quality(i), b.isGap(i)));
            if (b.isGap(i)) {
                s.gaps.incrementAndGet();
                s.lastGapNanos = now;
            } else {
                s.values.incrementAndGet();
                s.lastValueNanos = now;
                s.lastValue = b.value(i);
                s.lastQuality = b.quality(i);
            }
        }
    }

    Stats of(PointPath p) {
        return stats.getOrDefault(p, new Stats());
    }

    /** The points among {@code wanted} that have had no value after {@code sinceNanos}. */
    Set<PointPath> withoutValueSince(Collection<PointPath> wanted, long sinceNanos) {
        Set<PointPath> missing = new HashSet<>();
        for (PointPath p : wanted) {
            Stats s = stats.get(p);
            if (s == null || s.values.get() == 0 || s.lastValueNanos <= sinceNanos) {
                missing.add(p);
            }
        }
        return missing;
    }

    /** The points among {@code wanted} that have had no gap marker after {@code sinceNanos}. */
    Set<PointPath> withoutGapSince(Collection<PointPath> wanted, long sinceNanos) {
        Set<PointPath> missing = new HashSet<>();
        for (PointPath p : wanted) {
            Stats s = stats.get(p);
            if (s == null || s.gaps.get() == 0 || s.lastGapNanos <= sinceNanos) {
                missing.add(p);
            }
        }
        return missing;
    }

    long batches() {
        return batches.get();
    }

    long samples() {
        long n = 0;
        for (Stats s : stats.values()) {
            n += s.values.get();
        }
        return n;
    }

    @Override
    public void close() {
        subscription.close();
    }
}
