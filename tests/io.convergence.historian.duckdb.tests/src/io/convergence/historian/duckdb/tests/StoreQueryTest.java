package io.convergence.historian.duckdb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends and queries on a store opened directly on a folder. */
class StoreQueryTest {

    static final PointPath P = PointPath.parse("acme/lyon/packaging/line1/filler/temperature");
    static final PointPath Q = PointPath.parse("acme/lyon/packaging/line1/filler/speed");
    /** 2023-11-14T22:14:00Z, a whole minute. */
    static final long T0 = 1_700_000_040_000_000L;
    static final long S = 1_000_000L;

    @TempDir
    Path dir;

    /** Buckets A [0,10 s), B [10 s,20 s), nothing in [20 s,30 s), D [30 s,40 s) holding only a gap. */
    static SampleBatch handBatch() {
        return SampleBatch.builder(16)
            .add(P, T0 + 7 * S, 8, Quality.UNCERTAIN)
            .add(Q, T0 + 2 * S, 1000, Quality.GOOD)
            .add(P, T0 + 3 * S, 2, Quality.GOOD)
            .addText(P, T0 + 9 * S, "jam", Quality.GOOD)
            .add(P, T0 + S, 5, Quality.GOOD)
            .addGap(P, T0 + 4 * S)
            .add(P, T0 + 15 * S, 3, Quality.GOOD)
            .add(P, T0 + 12 * S, -1, Quality.BAD)
            .add(Q, T0 + 12 * S, -1000, Quality.GOOD)
            .addGap(P, T0 + 31 * S)
            .build();
    }

    static Instant at(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, S), Math.floorMod(micros, S) * 1000);
    }

    static void assertBucket(Bucket b, long startMicros, long count, double min, double max, double avg,
                             double first, double last, long bad) {
        String m = "bucket " + b;
        assertEquals(at(startMicros), b.start(), m);
        assertEquals(count, b.count(), m);
        assertEquals(min, b.min(), 1e-12, m);
        assertEquals(max, b.max(), 1e-12, m);
        assertEquals(avg, b.avg(), 1e-12, m);
        assertEquals(first, b.first(), 1e-12, m);
        assertEquals(last, b.last(), 1e-12, m);
        assertEquals(bad, b.bad(), m);
    }

    @Test
    void bucketsMatchHandComputedAggregates() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(handBatch());
            List<Bucket> b = h.buckets(P, at(T0), at(T0 + 60 * S), Duration.ofSeconds(10));
            assertEquals(3, b.size(), "empty bucket left out: " + b);
            // 5, 2, gap, 8, "jam": three numbers, the gap counted as bad, the text ignored.
            assertBucket(b.get(0), T0, 3, 2, 8, 5, 5, 8, 1);
            // -1 of bad quality still has a value: it counts, and counts as bad.
            assertBucket(b.get(1), T0 + 10 * S, 2, -1, 3, 1, -1, 3, 1);
            assertBucket(b.get(2), T0 + 30 * S, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1);

            // Buckets stay aligned to the epoch whatever the range; the range itself is [from, to).
            List<Bucket> cut = h.buckets(P, at(T0 + 2 * S), at(T0 + 15 * S), Duration.ofSeconds(10));
            assertEquals(2, cut.size());
            assertBucket(cut.get(0), T0, 2, 2, 8, 5, 2, 8, 1);
            assertBucket(cut.get(1), T0 + 10 * S, 1, -1, -1, -1, -1, -1, 1);

            List<Bucket> one = h.buckets(Q, Instant.EPOCH, Instant.MAX, Duration.ofMinutes(1));
            assertEquals(1, one.size());
            assertBucket(one.get(0), T0, 2, -1000, 1000, 0, 1000, -1000, 0);

            assertEquals(List.of(), h.buckets(PointPath.parse("no/such/point"), Instant.MIN, Instant.MAX,
                Duration.ofMinutes(1)));
            assertThrows(IllegalArgumentException.class, () -> h.buckets(P, Instant.MIN, Instant.MAX, Duration.ZERO));
            assertThrows(IllegalArgumentException.class,
                () -> h.buckets(P, Instant.MIN, Instant.MAX, Duration.ofDays(365L * 20_000)));
            // One bucket for all time: the widest allowed, over the widest range, does not overflow.
            List<Bucket> all = h.buckets(P, Instant.MIN, Instant.MAX, Duration.ofDays(365L * 9_000));
            assertEquals(1, all.size());
            assertEquals(5, all.get(0).count());
            assertEquals(3, all.get(0).bad());
        }
    }

    @Test
    void bucketsBeforeTheEpochAreAlignedToo() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(SampleBatch.builder(3).add(P, -5 * S, 1, Quality.GOOD).add(P, -15 * S, 2, Quality.GOOD)
                .add(P, 5 * S, 3, Quality.GOOD).build());
            List<Bucket> b = h.buckets(P, at(-17 * S), at(17 * S), Duration.ofSeconds(10));
            assertEquals(3, b.size());
            assertBucket(b.get(0), -20 * S, 1, 2, 2, 2, 2, 2, 0);
            assertBucket(b.get(1), -10 * S, 1, 1, 1, 1, 1, 1, 0);
            assertBucket(b.get(2), 0, 1, 3, 3, 3, 3, 3, 0);
        }
    }

    @Test
    void samplesComeOldestFirstUpToTheLimitWithTheirValues() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(handBatch());
            List<Sample> all = h.samples(P, Instant.MIN, Instant.MAX, 100);
            assertEquals(List.of(T0 + S, T0 + 3 * S, T0 + 4 * S, T0 + 7 * S, T0 + 9 * S, T0 + 12 * S, T0 + 15 * S,
                T0 + 31 * S), all.stream().map(s -> micros(s.time())).toList());
            assertEquals(5.0, all.get(0).value());
            Sample gap = all.get(2);
            assertNull(gap.value());
            assertEquals(Quality.BAD, gap.quality());
            assertEquals(Quality.UNCERTAIN, all.get(3).quality());
            assertEquals("jam", all.get(4).value());
            assertEquals(P, all.get(4).point());

            List<Sample> three = h.samples(P, at(T0 + 2 * S), at(T0 + 60 * S), 3);
            assertEquals(List.of(2.0, "gap", 8.0), three.stream().map(s -> s.value() == null ? "gap" : s.value()).toList());
            assertEquals(List.of(), h.samples(P, Instant.MIN, Instant.MAX, 0));
            assertEquals(List.of(), h.samples(P, at(T0 + 10 * S), at(T0 + 10 * S), 10));
            assertThrows(IllegalArgumentException.class, () -> h.samples(P, Instant.MIN, Instant.MAX, -1));
        }
    }

    @Test
    void pointsListCountsAndTimeSpansSortedByPath() throws Exception {
        PointPath a = PointPath.of("a", "b");
        PointPath dash = PointPath.of("a-c", "x");
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(handBatch());
            h.append(SampleBatch.builder(2).add(dash, T0, 1, Quality.GOOD).add(a, T0 - S, 1, Quality.GOOD).build());
            h.append(SampleBatch.builder(1).add(Q, T0 + 40 * S, 1, Quality.GOOD).build());
            assertEquals(List.of(
                new PointSummary(a, 1, at(T0 - S), at(T0 - S)),
                new PointSummary(dash, 1, at(T0), at(T0)),
                new PointSummary(Q, 3, at(T0 + 2 * S), at(T0 + 40 * S)),
                new PointSummary(P, 8, at(T0 + S), at(T0 + 31 * S))), h.points());
            assertEquals(13, h.size());
        }
    }

    @Test
    void aSampleOutsideTheYearsIsRejectedAndTheRestOfItsBatchStored() throws Exception {
        PointPath fresh = PointPath.of("acme", "new");
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(handBatch());
            SampleBatch.Builder b = SampleBatch.builder(50_000);
            for (int i = 0; i < 50_000; i++) {
                // Long.MAX_VALUE µs would read back as "infinity": rejected in the middle of the batch.
                b.add(i % 2 == 0 ? fresh : P, i == 30_000 ? Long.MAX_VALUE : T0 + 100 * S + i, i, Quality.GOOD);
            }
            h.append(b.build());
            assertEquals(10 + 49_999, h.size());
            assertEquals(List.of(Q, P, fresh), h.points().stream().map(PointSummary::point).toList());
            assertEquals(8 + 25_000, h.samples(P, Instant.MIN, Instant.MAX, 100_000).size());
            assertEquals(24_999, h.samples(fresh, Instant.MIN, Instant.MAX, 100_000).size());
            assertEquals(1, h.rejectedSamples());
            assertTrue(h.rejects(10).get(0).reason().contains("outside the years 1 to 9999"), h.rejects(10).toString());
        }
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            assertEquals(List.of(new PointSummary(fresh, 24_999, at(T0 + 100 * S), at(T0 + 100 * S + 49_998))),
                h.points().stream().filter(p -> p.point().equals(fresh)).toList());
            assertEquals(1, h.rejects(10).size(), "rejects are kept across a restart");
        }
    }

    @Test
    void contentsSurviveClosingAndReopening() throws Exception {
        List<Bucket> before;
        List<PointSummary> points;
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(handBatch());
            before = h.buckets(P, Instant.MIN, Instant.MAX, Duration.ofSeconds(10));
            points = h.points();
        }
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            assertEquals(before.toString(), h.buckets(P, Instant.MIN, Instant.MAX, Duration.ofSeconds(10)).toString());
            assertEquals(points, h.points());
            // Known points keep their ids: the summary goes on counting.
            h.append(SampleBatch.builder(1).add(P, T0 + 50 * S, 1, Quality.GOOD).build());
            assertEquals(new PointSummary(P, 9, at(T0 + S), at(T0 + 50 * S)), h.points().get(1));
        }
    }

    @Test
    void aReadOnlyStoreReadsButRefusesToWriteAndChangesNoFile() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(handBatch());
        }
        var files = Folders.snapshot(dir);
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.readOnlyDefaults())) {
            assertTrue(h.readOnly());
            assertEquals(10, h.size());
            assertEquals(3, h.buckets(P, Instant.MIN, Instant.MAX, Duration.ofSeconds(10)).size());
            HistorianException e = assertThrows(HistorianException.class, () -> h.append(handBatch()));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
            assertThrows(HistorianException.class, () -> h.deleteOlderThan(Instant.now()));
        }
        assertEquals(files, Folders.snapshot(dir));
    }

    @Test
    void concurrentReadersAndAWriterSeeWholeBatches() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            Thread writer = new Thread(() -> {
                try {
                    for (int k = 0; k < 20; k++) {
                        SampleBatch.Builder b = SampleBatch.builder(5_000);
                        for (int i = 0; i < 5_000; i++) {
                            b.add(i % 2 == 0 ? P : Q, T0 + (k * 5_000L + i) * 1000, k, Quality.GOOD);
                        }
                        h.append(b.build());
                    }
                } catch (HistorianException e) {
                    throw new AssertionError(e);
                }
            });
            writer.start();
            while (writer.isAlive()) {
                long n = h.size();
                assertEquals(0, n % 5_000, "a reader saw part of a batch: " + n);
            }
            writer.join();
            assertEquals(100_000, h.size());
        }
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * S + t.getNano() / 1000;
    }
}
