package io.convergence.historian.duckdb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention deletes old samples a day at a time and keeps the point list right. */
class RetentionTest {

    static final PointPath STEADY = PointPath.of("line1", "steady");
    static final PointPath GONE = PointPath.of("line1", "gone");
    static final PointPath SPARSE = PointPath.of("line1", "sparse");
    static final long HOUR = 3_600_000_000L;
    static final long DAY = 24 * HOUR;

    @TempDir
    Path dir;

    /** Hourly samples of STEADY over ten days, GONE only in the first three, SPARSE on day 0 and day 9 only. */
    static SampleBatch tenDays(long t0) {
        SampleBatch.Builder b = SampleBatch.builder(600);
        for (long t = t0; t < t0 + 10 * DAY; t += HOUR) {
            b.add(STEADY, t, 1, Quality.GOOD);
            if (t < t0 + 3 * DAY) {
                b.add(GONE, t, 2, Quality.GOOD);
            }
        }
        b.add(SPARSE, t0, 3, Quality.GOOD).addGap(SPARSE, t0 + 9 * DAY + HOUR);
        return b.build();
    }

    @Test
    void oldSamplesGoAndTheSummaryStaysRight() throws Exception {
        long t0 = StoreQueryTest.micros(Instant.parse("2026-01-01T00:00:00Z"));
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(tenDays(t0));
            assertEquals(240 + 72 + 2, h.size());

            Instant cutoff = StoreQueryTest.at(t0 + 5 * DAY + 30 * 60_000_000L);
            assertEquals(121 + 72 + 1, h.deleteOlderThan(cutoff));

            assertEquals(List.of(
                new PointSummary(SPARSE, 1, StoreQueryTest.at(t0 + 9 * DAY + HOUR), StoreQueryTest.at(t0 + 9 * DAY + HOUR)),
                new PointSummary(STEADY, 119, StoreQueryTest.at(t0 + 5 * DAY + HOUR),
                    StoreQueryTest.at(t0 + 10 * DAY - HOUR))), h.points());
            assertEquals(120, h.size());
            assertEquals(119, h.samples(STEADY, Instant.MIN, Instant.MAX, 1000).size());
            assertEquals(List.of(), h.buckets(GONE, Instant.MIN, Instant.MAX, Duration.ofDays(1)));
            assertEquals(0, h.deleteOlderThan(cutoff), "nothing left to delete");
        }
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            assertEquals(120, h.size());
            // A point emptied by retention comes back when it is written again.
            h.append(SampleBatch.builder(1).add(GONE, t0 + 11 * DAY, 5, Quality.GOOD).build());
            assertEquals(new PointSummary(GONE, 1, StoreQueryTest.at(t0 + 11 * DAY), StoreQueryTest.at(t0 + 11 * DAY)),
                h.points().get(0));
        }
    }

    /**
     * Source clocks far off: a sample from 2999 must not make retention delete today's data nor be
     * deleted itself; samples from 1970 and from the year 1 must go, without retention walking a day
     * at a time from then to now (over 700,000 transactions).
     */
    @Test
    void sourceClocksFarOffNeitherFoolNorStallRetention() throws Exception {
        long now = StoreQueryTest.micros(Instant.now());
        PointPath future = PointPath.of("line1", "future");
        PointPath past = PointPath.of("line1", "past");
        SampleBatch.Builder b = SampleBatch.builder(64);
        for (int h = 0; h < 48; h++) {
            b.add(STEADY, now - h * HOUR, h, Quality.GOOD);
        }
        long y2999 = StoreQueryTest.micros(Instant.parse("2999-06-01T00:00:00Z"));
        b.add(STEADY, y2999, -1, Quality.GOOD).add(future, y2999, -2, Quality.GOOD);
        b.add(past, 0, 1970, Quality.GOOD).add(past, StoreQueryTest.micros(Instant.parse("0001-01-01T00:00:00Z")), 1, Quality.GOOD);
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(b.build());
            long[] deleted = {-1};
            Thread retention = new Thread(() -> {
                try {
                    deleted[0] = h.deleteOlderThan(StoreQueryTest.at(now).minus(Duration.ofDays(1)).plusSeconds(60));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            retention.start();
            retention.join(30_000);
            if (retention.isAlive()) {
                h.close();
                retention.join();
                throw new AssertionError("retention still busy after 30 s: a slice per day since the year 1");
            }
            // 24 hourly samples lie in the day kept, 24 before it; and the two from long ago.
            assertEquals(24 + 2, deleted[0]);
            assertEquals(24 + 1, h.samples(STEADY, Instant.MIN, Instant.MAX, 1000).size(), "today's data stays");
            assertEquals(StoreQueryTest.at(y2999), h.points().stream().filter(p -> p.point().equals(STEADY))
                .findFirst().orElseThrow().last());
            assertEquals(1, h.samples(future, Instant.MIN, Instant.MAX, 10).size(), "2999 is not old");
            assertEquals(List.of(), h.samples(past, Instant.MIN, Instant.MAX, 10));
            assertEquals(List.of(future, STEADY), h.points().stream().map(PointSummary::point).toList());
            assertEquals(0, h.deleteOlderThan(StoreQueryTest.at(now).minus(Duration.ofDays(1)).plusSeconds(60)));
        }
    }
}
