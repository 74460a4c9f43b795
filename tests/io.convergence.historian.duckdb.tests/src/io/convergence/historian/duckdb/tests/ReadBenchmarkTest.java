package io.convergence.historian.duckdb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.convergence.api.historian.Historian;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Historian.read} of the store (one ordered query, streamed) against the API's default (pages
 * of {@code samples} per point, merged), on the same data in the same run: what a model's catch-up
 * or recompute reads. Runs only when the test runtime has {@code -Dconvergence.bench=true} (see
 * docs/benchmarks.md); prints its table with the prefix {@code [read-bench]}.
 */
class ReadBenchmarkTest {

    static final int POINTS = 200;
    static final int PER_POINT = 10_000;
    static final long T0 = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z
    static final int RUNS = 3;

    @TempDir
    Path dir;

    @Test
    void streamedReadAgainstTheMergeOfPages() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("convergence.bench"), "benchmark: run with -Dconvergence.bench=true");
        PointPath[] points = new PointPath[POINTS];
        for (int p = 0; p < POINTS; p++) {
            points[p] = PointPath.of("bench", "line" + p / 20, "point" + p);
        }
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir.resolve("h"), StoreOptions.DEFAULTS)) {
            for (int k = 0; k < PER_POINT / 500; k++) {
                SampleBatch.Builder b = SampleBatch.builder(POINTS * 500);
                for (int s = k * 500; s < (k + 1) * 500; s++) {
                    for (int p = 0; p < POINTS; p++) {
                        b.add(points[p], T0 + s * 1_000_000L + p, Math.sin(s + p), Quality.GOOD);
                    }
                }
                h.append(b.build());
            }
            line("%,d points x %,d samples in the store; median of %d reads after a warm-up; batches of 10,000",
                POINTS, PER_POINT, RUNS);
            line("%-34s %14s %14s %8s", "case", "streamed ms", "merged ms", "ratio");
            compare(h, "10 points, whole range", Arrays.copyOf(points, 10));
            compare(h, "200 points, whole range", points);
            compare(h, "200 points, a tenth of the range", points, T0, T0 + PER_POINT / 10 * 1_000_000L);
        }
    }

    private void compare(Historian h, String what, PointPath[] points) throws Exception {
        compare(h, what, points, T0, T0 + PER_POINT * 1_000_000L);
    }

    private void compare(Historian h, String what, PointPath[] points, long from, long to) throws Exception {
        List<PointPath> list = List.of(points);
        Historian merged = new OnlySamples(h);
        long expected = time(h, list, from, to)[1];
        assertEquals(expected, time(merged, list, from, to)[1], "both read the same rows");
        long[] streamed = new long[RUNS];
        long[] pages = new long[RUNS];
        for (int r = 0; r < RUNS; r++) {
            streamed[r] = time(h, list, from, to)[0];
            pages[r] = time(merged, list, from, to)[0];
        }
        Arrays.sort(streamed);
        Arrays.sort(pages);
        double s = streamed[RUNS / 2] / 1e6;
        double m = pages[RUNS / 2] / 1e6;
        line("%-34s %14.0f %14.0f %7.1fx   (%,d rows)", what, s, m, m / s, expected);
    }

    /** Nanoseconds and rows of one read. */
    private static long[] time(Historian h, List<PointPath> points, long from, long to) throws Exception {
        AtomicLong rows = new AtomicLong();
        long start = System.nanoTime();
        h.read(points, StoreQueryTest.at(from), StoreQueryTest.at(to), 10_000, b -> rows.addAndGet(b.size()));
        return new long[] {System.nanoTime() - start, rows.get()};
    }

    private void line(String format, Object... args) {
        System.out.println("[read-bench] " + String.format(Locale.ROOT, format, args));
    }

    static Instant at(long micros) {
        return StoreQueryTest.at(micros);
    }
}
