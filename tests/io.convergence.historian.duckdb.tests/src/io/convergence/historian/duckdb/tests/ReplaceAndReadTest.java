package io.convergence.historian.duckdb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the model host needs of the historian: {@code replace} (a range of some points' samples swapped
 * for others, all at once) and {@code read} (many points' samples over a range, in time order).
 */
class ReplaceAndReadTest {

    static final PointPath P = StoreQueryTest.P;
    static final PointPath Q = StoreQueryTest.Q;
    static final PointPath R = PointPath.parse("acme/lyon/packaging/line1/filler/state");
    static final long T0 = StoreQueryTest.T0;
    static final long S = StoreQueryTest.S;

    @TempDir
    Path dir;

    static Instant at(long micros) {
        return StoreQueryTest.at(micros);
    }

    /** P and Q every second from T0 for 10 s; P = seconds, Q = -seconds. */
    static SampleBatch tenSeconds() {
        SampleBatch.Builder b = SampleBatch.builder(20);
        for (int i = 0; i < 10; i++) {
            b.add(P, T0 + i * S, i, Quality.GOOD).add(Q, T0 + i * S, -i, Quality.GOOD);
        }
        return b.build();
    }

    /** P and Q every second from T0 + 0.5 s for 10 s, between the times of the hand batch; P = i, Q = -i - 1. */
    static SampleBatch halfSeconds() {
        SampleBatch.Builder b = SampleBatch.builder(20);
        for (int i = 0; i < 10; i++) {
            b.add(P, T0 + i * S + S / 2, i, Quality.GOOD).add(Q, T0 + i * S + S / 2, -i - 1, Quality.GOOD);
        }
        return b.build();
    }

    static List<Double> numbers(List<Sample> samples) {
        return samples.stream().map(Sample::number).toList();
    }

    @Test
    void replaceSwapsTheRangeOfThePointsGivenAndKeepsTheirSummariesRight() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(tenSeconds());
            // P's seconds 3 to 6 become two samples; Q is untouched although stored in that range.
            h.replace(List.of(P), at(T0 + 3 * S), at(T0 + 7 * S), SampleBatch.builder(2)
                .add(P, T0 + 3 * S + 500_000, 30.5, Quality.GOOD).addText(P, T0 + 5 * S, "recomputed", Quality.GOOD).build());
            List<Sample> p = h.samples(P, at(T0), at(T0 + 60 * S), 100);
            assertEquals(List.of(0.0, 1.0, 2.0, 30.5, Double.NaN, 7.0, 8.0, 9.0), numbers(p));
            assertEquals("recomputed", p.get(4).value());
            assertEquals(10, h.samples(Q, at(T0), at(T0 + 60 * S), 100).size());
            Map<PointPath, PointSummary> sums = summaries(h);
            assertEquals(new PointSummary(P, 8, at(T0), at(T0 + 9 * S)), sums.get(P));
            assertEquals(new PointSummary(Q, 10, at(T0), at(T0 + 9 * S)), sums.get(Q));
            assertEquals(18, h.size());

            // An empty batch deletes; a range at the end moves the last time; an append still counts on.
            h.replace(List.of(P), at(T0 + 8 * S), at(T0 + 60 * S), SampleBatch.empty());
            assertEquals(new PointSummary(P, 6, at(T0), at(T0 + 7 * S)), summaries(h).get(P));
            h.append(SampleBatch.of(new Sample(P, at(T0 + 20 * S), 20.0, Quality.GOOD)));
            assertEquals(new PointSummary(P, 7, at(T0), at(T0 + 20 * S)), summaries(h).get(P));
            // A point emptied entirely disappears from the list, and comes back with its next sample.
            h.replace(List.of(P), at(T0), at(T0 + 60 * S), SampleBatch.empty());
            assertTrue(!summaries(h).containsKey(P));
            h.append(SampleBatch.of(new Sample(P, at(T0 + 30 * S), 1.0, Quality.GOOD)));
            assertEquals(new PointSummary(P, 1, at(T0 + 30 * S), at(T0 + 30 * S)), summaries(h).get(P));
        }
        // Durable: all of it is there after reopening.
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.readOnlyDefaults())) {
            assertEquals(List.of(1.0), numbers(h.samples(P, at(T0), at(T0 + 60 * S), 100)));
            assertEquals(11, h.size());
        }
    }

    @Test
    void replaceCreatesPointsItHasNotSeenAndAcceptsPointsWithNothingStored() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(tenSeconds());
            h.replace(List.of(R, PointPath.parse("acme/never/stored")), at(T0), at(T0 + 10 * S),
                SampleBatch.builder(1).add(R, T0 + S, 1, Quality.GOOD).build());
            assertEquals(new PointSummary(R, 1, at(T0 + S), at(T0 + S)), summaries(h).get(R));
            h.append(SampleBatch.of(new Sample(R, at(T0 + 2 * S), 2.0, Quality.GOOD)));
            assertEquals(new PointSummary(R, 2, at(T0 + S), at(T0 + 2 * S)), summaries(h).get(R));
            assertEquals(3, summaries(h).size());
        }
    }

    @Test
    void aRowOutsideThePointsOrTheRangeIsRefusedAndNothingChanges() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(tenSeconds());
            IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> h.replace(List.of(P),
                at(T0 + 3 * S), at(T0 + 7 * S), SampleBatch.builder(2).add(P, T0 + 3 * S, 1, Quality.GOOD)
                    .add(P, T0 + 7 * S, 2, Quality.GOOD).build()));
            assertTrue(outside.getMessage().contains("row 1 of the batch (" + P + " at " + at(T0 + 7 * S)
                + ") lies outside the range replaced"), outside.getMessage());
            IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> h.replace(List.of(P),
                at(T0), at(T0 + 7 * S), SampleBatch.builder(1).add(Q, T0 + S, 1, Quality.GOOD).build()));
            assertTrue(other.getMessage().contains("row 0 of the batch is of " + Q + ", which is not among the points"),
                other.getMessage());
            assertEquals(numbers(h.samples(P, at(T0), at(T0 + 60 * S), 100)), List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0,
                6.0, 7.0, 8.0, 9.0));
            assertEquals(20, h.size());
        }
    }

    @Test
    void readGivesEveryPointsSamplesInTimeOrderAsTheDefaultMergeDoes() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(StoreQueryTest.handBatch());
            h.append(halfSeconds());
            List<PointPath> points = List.of(Q, P, PointPath.parse("acme/not/stored"));
            for (int batch : new int[] {1, 3, 10_000}) {
                List<SampleBatch> streamed = new ArrayList<>();
                h.read(points, at(T0), at(T0 + 13 * S), batch, streamed::add);
                List<SampleBatch> merged = new ArrayList<>();
                new OnlySamples(h).read(points, at(T0), at(T0 + 13 * S), batch, merged::add);
                assertEquals(rows(merged), rows(streamed), "batch size " + batch);
                assertTrue(streamed.stream().allMatch(b -> b.size() <= batch));
                assertEquals(28, rows(streamed).size());
            }
            List<SampleBatch> got = new ArrayList<>();
            h.read(points, at(T0), at(T0 + 2 * S + 1), 100, got::add);
            // equal times in the order of the points given: Q before P
            assertEquals(List.of("Q -1.0", "P 0.0", "P 5.0", "Q -2.0", "P 1.0", "Q 1000.0"), labels(got.get(0)));
            assertTrue(got.get(0).point(0) == Q, "the caller's path objects are handed back");
            assertThrows(IllegalArgumentException.class, () -> h.read(points, at(T0), at(T0 + S), 0, b -> { }));
        }
    }

    private static List<String> labels(SampleBatch b) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            out.add((b.point(i).equals(P) ? "P " : "Q ") + b.number(i));
        }
        return out;
    }

    private static List<Sample> rows(List<SampleBatch> batches) {
        List<Sample> out = new ArrayList<>();
        batches.forEach(b -> b.forEach(out::add));
        return out;
    }

    private static Map<PointPath, PointSummary> summaries(DuckDbHistorianStore h) throws Exception {
        Map<PointPath, PointSummary> m = new HashMap<>();
        for (PointSummary s : h.points()) {
            m.put(s.point(), s);
        }
        return m;
    }
}
