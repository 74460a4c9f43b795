package io.convergence.historian.duckdb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.JsonValue;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.RejectedSample;
import io.convergence.historian.duckdb.StoreOptions;
import io.convergence.testing.Tmpfs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replace} as the model host relies on it: every kind of sample survives it, readers never see a
 * range half replaced, a replace that fails leaves the old samples, and {@code read} over many of its
 * time windows gives what the API's merge of pages gives.
 */
class ReplaceConsistencyTest {

    static final PointPath P = StoreQueryTest.P;
    static final PointPath Q = StoreQueryTest.Q;
    static final PointPath FIGURES = PointPath.parse("acme/lyon/packaging/line1/oee/shift");
    static final long T0 = StoreQueryTest.T0;
    static final long S = StoreQueryTest.S;

    @TempDir
    Path dir;

    @Test
    void jsonGapsAndTextSurviveAReplaceAndUnstorableRowsBecomeRejects() throws Exception {
        List<List<RejectedSample>> heard = new ArrayList<>();
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.onRejects(heard::add);
            h.append(SampleBatch.builder(3).addJson(FIGURES, T0, "{\"oee\":0.5}", Quality.GOOD)
                .addJson(FIGURES, T0 + 3600 * S, "{\"oee\":0.6}", Quality.GOOD).add(P, T0, 1, Quality.GOOD).build());
            h.replace(List.of(FIGURES, P), at(T0), at(T0 + 7200 * S), SampleBatch.builder(5)
                .addJson(FIGURES, T0, "{\"oee\":0.55}", Quality.GOOD)
                .addJson(FIGURES, T0 + 3600 * S, "{\"oee\": broken", Quality.GOOD)
                .addGap(P, T0 + S)
                .addText(P, T0 + 2 * S, "running", Quality.UNCERTAIN)
                .add(P, T0 + 3 * S, Double.POSITIVE_INFINITY, Quality.GOOD)
                .build());

            List<Sample> figures = h.samples(FIGURES, at(T0), at(T0 + 7200 * S), 10);
            assertEquals(List.of(new Sample(FIGURES, at(T0), new JsonValue("{\"oee\":0.55}"), Quality.GOOD)), figures,
                "the broken JSON is not stored, and the old figures of the range are gone");
            List<Sample> p = h.samples(P, at(T0), at(T0 + 7200 * S), 10);
            assertEquals(2, p.size(), p.toString());
            assertNull(p.get(0).value(), "a gap: no value");
            assertEquals(Quality.BAD, p.get(0).quality());
            assertEquals("running", p.get(1).value());
            assertEquals(Quality.UNCERTAIN, p.get(1).quality());

            assertEquals(2, h.rejectedSamples());
            assertEquals(1, heard.size(), "the rejects of a replace are heard as an append's are");
            Set<String> reasons = new TreeSet<>();
            h.rejects(10).forEach(r -> reasons.add(r.point() + ": " + r.reason().replaceAll(":.*", "")));
            assertEquals(Set.of(FIGURES + ": not valid JSON", P + ": value Infinity is not a finite number"), reasons);

            // read hands the same rows back, JSON as JSON.
            List<Sample> streamed = new ArrayList<>();
            h.read(List.of(FIGURES, P), at(T0), at(T0 + 7200 * S), 100, b -> b.forEach(streamed::add));
            assertEquals(List.of(figures.get(0), p.get(0), p.get(1)), streamed);
            assertEquals(3, h.size());
        }
    }

    @Test
    void readersSeeTheOldRangeOrTheNewOneNeverAMix() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            SampleBatch.Builder ten = SampleBatch.builder(20);
            for (int i = 0; i < 10; i++) {
                ten.add(P, T0 + i * S, i, Quality.GOOD).add(Q, T0 + i * S, -i, Quality.GOOD);
            }
            h.append(ten.build());
            SampleBatch five = rows(5, 100);
            SampleBatch seven = rows(7, 200);
            AtomicBoolean done = new AtomicBoolean();
            Set<String> seen = new ConcurrentSkipListSet<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    while (!done.get()) {
                        seen.add(shape(h.samples(P, at(T0), at(T0 + 10 * S), 100)));
                        List<Sample> both = new ArrayList<>();
                        h.read(List.of(P, Q), at(T0), at(T0 + 10 * S), 3, b -> b.forEach(both::add));
                        seen.add(shape(both.stream().filter(s -> s.point().equals(P)).toList()) + " with "
                            + both.stream().filter(s -> s.point().equals(Q)).count() + " of Q");
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "reader");
            reader.start();
            for (int k = 0; k < 150; k++) {
                h.replace(List.of(P), at(T0), at(T0 + 10 * S), k % 2 == 0 ? five : seven);
            }
            done.set(true);
            reader.join(30_000);
            assertNull(failure.get());
            Set<String> allowed = Set.of("10 from 0", "5 from 100", "7 from 200", "10 from 0 with 10 of Q",
                "5 from 100 with 10 of Q", "7 from 200 with 10 of Q");
            assertTrue(allowed.containsAll(seen), "readers saw " + seen);
            assertTrue(seen.size() >= 2, "the reader ran during the replaces: " + seen);
            assertEquals(new PointSummary(P, 7, at(T0), at(T0 + 6 * S)),
                h.points().stream().filter(s -> s.point().equals(P)).findFirst().orElseThrow());
        }
    }

    @Test
    void aReplaceThatFailsOnAFullDiskLeavesTheOldSamplesAndWorksOnceThereIsRoom() throws Exception {
        Tmpfs fs = Tmpfs.mount(dir.resolve("small"), 8);
        assumeTrue(fs != null, "mounting a tmpfs needs root (CI runs as root)");
        try (fs) {
            Path filler = fs.fill("filler", 2L << 20);
            try (DuckDbHistorianStore h = DuckDbHistorianStore.open(fs.dir().resolve("data"), StoreOptions.DEFAULTS)) {
                SampleBatch.Builder old = SampleBatch.builder(100);
                for (int i = 0; i < 100; i++) {
                    old.add(P, T0 + i * S, i, Quality.GOOD);
                }
                h.append(old.build());
                List<PointSummary> before = h.points();
                // Far more than the log has room for: random numbers do not compress.
                SampleBatch.Builder big = SampleBatch.builder(400_000);
                java.util.Random random = new java.util.Random(3);
                for (int i = 0; i < 400_000; i++) {
                    big.add(P, T0 + i * 1000L, random.nextDouble(), Quality.GOOD);
                }
                SampleBatch recomputed = big.build();
                HistorianException full = assertThrows(HistorianException.class,
                    () -> h.replace(List.of(P), at(T0), at(T0 + 400 * S), recomputed));
                assertTrue(full.getMessage().contains("the disk is full") && full.getMessage().contains(
                    "nothing was changed"), full.getMessage());
                assertInstanceOf(IOException.class, full.getCause());
                assertEquals(before, h.points());
                assertEquals(100, h.samples(P, at(T0), at(T0 + 400 * S), 1_000).size());
                assertEquals(99.0, h.samples(P, at(T0 + 99 * S), at(T0 + 100 * S), 1).get(0).number());

                Files.delete(filler);
                h.replace(List.of(P), at(T0), at(T0 + 400 * S), recomputed);
                assertEquals(400_000, h.size());
            }
        }
    }

    @Test
    void readOverManyWindowsGivesWhatTheMergeOfPagesGives() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            // P every 5 ms over an hour; Q every second over the same hour; R densely in one minute only.
            PointPath r = PointPath.parse("acme/lyon/packaging/line1/filler/vibration");
            SampleBatch.Builder b = SampleBatch.builder(800_000);
            for (long t = 0; t < 3600 * S; t += 5_000) {
                b.add(P, T0 + t, t, Quality.GOOD);
                if (t % S == 0) {
                    b.add(Q, T0 + t, -t, Quality.GOOD);
                }
                if (t >= 1800 * S && t < 1860 * S) {
                    b.add(r, T0 + t + 1, t, Quality.GOOD);
                    b.add(r, T0 + t + 2, t, Quality.GOOD);
                }
            }
            h.append(b.build());
            List<PointPath> points = List.of(r, Q, P);
            List<SampleBatch> streamed = new ArrayList<>();
            h.read(points, at(T0 + 7 * S + 3), at(T0 + 3599 * S), 7_777, streamed::add);
            List<SampleBatch> merged = new ArrayList<>();
            new OnlySamples(h).read(points, at(T0 + 7 * S + 3), at(T0 + 3599 * S), 7_777, merged::add);
            // P from 7.005 s to 3598.995 s, Q from 8 s to 3598 s, R all of its minute
            long expected = (3_598_995 - 7_005) / 5 + 1 + 3_591 + 24_000;
            assertEquals(expected, streamed.stream().mapToLong(SampleBatch::size).sum());
            assertEquals(merged.size(), streamed.size());
            for (int i = 0; i < merged.size(); i++) {
                SampleBatch m = merged.get(i);
                SampleBatch s = streamed.get(i);
                assertEquals(m.size(), s.size());
                for (int j = 0; j < m.size(); j++) {
                    if (!m.point(j).equals(s.point(j)) || m.timeMicros(j) != s.timeMicros(j) || m.number(j) != s.number(j)) {
                        assertEquals(m.sample(j), s.sample(j), "row " + j + " of batch " + i);
                    }
                }
            }
        }
    }

    /** {@code n} samples of P a second apart from T0, valued from {@code first} on. */
    private static SampleBatch rows(int n, int first) {
        SampleBatch.Builder b = SampleBatch.builder(n);
        for (int i = 0; i < n; i++) {
            b.add(P, T0 + i * S, first + i, Quality.GOOD);
        }
        return b.build();
    }

    private static String shape(List<Sample> samples) {
        return samples.size() + " from " + (samples.isEmpty() ? "-" : Long.toString((long) samples.get(0).number()));
    }

    private static java.time.Instant at(long micros) {
        return StoreQueryTest.at(micros);
    }
}
