package io.convergence.historian.duckdb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;

import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Volumes a plant produces: prints rates and query times measured inside OSGi. Times are printed,
 * not asserted tightly; the shared build machines are noisy.
 */
class VolumeTest {

    static final int POINTS = 10_000;
    static final int BATCH = 100_000;
    static final long T0 = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z

    @TempDir
    Path dir;

    /** Batch k: every point once per second for ten seconds, seconds 10k to 10k+9. */
    static SampleBatch batch(PointPath[] points, int k) {
        SampleBatch.Builder b = SampleBatch.builder(BATCH);
        for (int s = 0; s < BATCH / POINTS; s++) {
            long t = T0 + (k * 10L + s) * 1_000_000L;
            for (int p = 0; p < POINTS; p++) {
                b.add(points[p], t + p, Math.sin(k * 10 + s + p), Quality.GOOD);
            }
        }
        return b.build();
    }

    @Test
    void aMillionSamplesInTenBatchesThenPointsAndBucketsOverThreeMillion() throws Exception {
        PointPath[] points = new PointPath[POINTS];
        for (int p = 0; p < POINTS; p++) {
            points[p] = PointPath.of("acme", "lyon", "line" + p / 1000, "cell" + p / 100 % 10, "point" + p % 100);
        }
        long samples;
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(batch(points, 0)); // new points, native library warm
            long start = System.nanoTime();
            for (int k = 1; k <= 10; k++) {
                h.append(batch(points, k));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("[historian] appended 1,000,000 samples in 10 durable batches of %,d over %,d points:"
                + " %.2f s, %,.0f samples/s%n", BATCH, POINTS, seconds, 1_000_000 / seconds);
            for (int k = 11; k < 30; k++) {
                h.append(batch(points, k));
            }
            samples = h.size();
            assertEquals(30L * BATCH, samples);

            long[] pointsMs = new long[5];
            List<PointSummary> list = null;
            for (int i = 0; i < pointsMs.length; i++) {
                long t = System.nanoTime();
                list = h.points();
                pointsMs[i] = (System.nanoTime() - t) / 1_000_000;
            }
            assertEquals(POINTS, list.size());
            assertEquals(300, list.get(0).count());
            Arrays.sort(pointsMs);
            long[] bucketsMs = new long[5];
            for (int i = 0; i < bucketsMs.length; i++) {
                long t = System.nanoTime();
                List<Bucket> b = h.buckets(points[4242], Instant.EPOCH, Instant.MAX, Duration.ofMinutes(1));
                bucketsMs[i] = (System.nanoTime() - t) / 1_000_000;
                assertEquals(5, b.size());
            }
            Arrays.sort(bucketsMs);
            System.out.printf("[historian] %,d samples, %,d points: points() median %d ms (max %d), 1-minute buckets"
                + " of one point median %d ms%n", samples, POINTS, pointsMs[2], pointsMs[4], bucketsMs[2]);
            assertTrue(pointsMs[2] < 1_000, "points() took " + pointsMs[2] + " ms");
        }
        long bytes = Files.size(dir.resolve(DuckDbHistorianStore.DATABASE_FILE));
        System.out.printf("[historian] file %,d bytes, %.1f B/sample%n", bytes, bytes / (double) samples);
        System.out.printf("[historian] points() from an aggregate over the samples instead of the summary table:"
            + " median %d ms%n", aggregateMs());
    }

    /** What points() would cost without the summary table: a GROUP BY over every sample. */
    private long aggregateMs() throws Exception {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        p.setProperty("threads", "2");
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + dir.resolve(DuckDbHistorianStore.DATABASE_FILE), p);
             Statement s = c.createStatement()) {
            long[] ms = new long[5];
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                int n = 0;
                try (ResultSet r = s.executeQuery("SELECT point_id, count(*), min(ts), max(ts) FROM samples"
                    + " GROUP BY point_id")) {
                    while (r.next()) {
                        n++;
                    }
                }
                ms[i] = (System.nanoTime() - t) / 1_000_000;
                assertEquals(POINTS, n);
            }
            Arrays.sort(ms);
            return ms[2];
        }
    }
}
