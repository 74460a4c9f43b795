package io.convergence.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;

import org.junit.jupiter.api.Test;

/**
 * {@link Historian#read}'s default, for historians that only page through samples: every sample
 * once, in time order across points, however the pages fall.
 */
class HistoryReadTest {

    private static final PointPath A = PointPath.of("a");
    private static final PointPath B = PointPath.of("b");

    @Test
    void mergesPointsInTimeOrderAcrossManyPagesWithoutLosingSamplesThatShareATime() throws Exception {
        PagedHistorian h = new PagedHistorian();
        // 25,000 samples of A every 2 µs, 25,000 of B every 2 µs offset by 1, and 12,000 of A at one instant.
        for (long t = 0; t < 50_000; t += 2) {
            h.add(A, t, t);
            h.add(B, t + 1, t + 1);
        }
        for (int i = 0; i < 12_000; i++) {
            h.add(A, 60_000, -i);
        }
        List<SampleBatch> batches = new ArrayList<>();
        h.read(List.of(A, B), Instant.EPOCH, Micros.toInstant(100_000), 7_000, batches::add);
        long last = Long.MIN_VALUE;
        int n = 0;
        int atSameInstant = 0;
        for (SampleBatch b : batches) {
            assertTrue(b.size() <= 7_000, "batch size kept");
            for (int i = 0; i < b.size(); i++) {
                assertTrue(b.timeMicros(i) >= last, "time order at row " + n);
                last = b.timeMicros(i);
                if (last < 50_000) {
                    assertEquals(last % 2 == 0 ? A : B, b.point(i));
                    assertEquals(last, b.number(i));
                } else {
                    atSameInstant++;
                }
                n++;
            }
        }
        assertEquals(62_000, n);
        assertEquals(12_000, atSameInstant);
    }

    /** Samples in memory, served up to the limit asked for, as a paging historian does. */
    private static final class PagedHistorian implements Historian {
        private final Map<PointPath, TreeMap<Long, List<Double>>> data = new java.util.HashMap<>();

        void add(PointPath p, long micros, double v) {
            data.computeIfAbsent(p, k -> new TreeMap<>()).computeIfAbsent(micros, k -> new ArrayList<>()).add(v);
        }

        @Override
        public List<Sample> samples(PointPath point, Instant from, Instant to, int limit) {
            List<Sample> out = new ArrayList<>();
            var m = data.getOrDefault(point, new TreeMap<>()).subMap(Micros.of(from), Micros.of(to));
            for (var e : m.entrySet()) {
                for (double v : e.getValue()) {
                    if (out.size() == limit) {
                        return out;
                    }
                    out.add(new Sample(point, Micros.toInstant(e.getKey()), v, Quality.GOOD));
                }
            }
            return out;
        }

        @Override
        public void append(SampleBatch batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PointSummary> points() {
            return List.of();
        }

        @Override
        public List<Bucket> buckets(PointPath point, Instant from, Instant to, Duration bucket) {
            return List.of();
        }

        @Override
        public long size() {
            return 0;
        }
    }
}
