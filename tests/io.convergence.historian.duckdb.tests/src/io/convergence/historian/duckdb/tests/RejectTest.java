package io.convergence.historian.duckdb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.RejectedSample;
import io.convergence.historian.duckdb.StoreOptions;

import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample the historian cannot store never holds up the others: it is kept among the rejects with
 * the reason, and the rest of its batch is stored in the same transaction.
 */
class RejectTest {

    static final PointPath P = PointPath.parse("plant/oven1/temperature");
    static final PointPath Q = PointPath.parse("plant/oven1/pressure");
    static final PointPath ONLY_BAD = PointPath.parse("plant/oven1/clock");
    static final long T0 = StoreQueryTest.T0;
    static final long S = StoreQueryTest.S;
    /** 12000-01-01T00:00:00Z, as a PLC with a broken clock sends it. */
    static final long YEAR_12000 = StoreQueryTest.micros(Instant.parse("+12000-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void everyKindOfUnstorableSampleIsRejectedWithItsReasonAndTheRestStored() throws Exception {
        String huge = "x".repeat((1 << 20) + 1);
        SampleBatch.Builder b = SampleBatch.builder(1_000);
        for (int i = 0; i < 1_000; i++) {
            PointPath p = i % 2 == 0 ? P : Q;
            long t = T0 + i * S;
            switch (i) {
                case 100 -> b.add(p, YEAR_12000, 180, Quality.GOOD);
                case 201 -> b.add(p, Long.MIN_VALUE, 2, Quality.GOOD);
                case 300 -> b.addText(p, t, huge, Quality.GOOD);
                case 401 -> b.add(p, t, Double.POSITIVE_INFINITY, Quality.UNCERTAIN);
                case 500 -> b.add(ONLY_BAD, YEAR_12000, 1, Quality.GOOD);
                default -> b.add(p, t, i, Quality.GOOD);
            }
        }
        List<List<RejectedSample>> heard = new ArrayList<>();
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.onRejects(heard::add);
            h.append(b.build());
            assertEquals(995, h.size());
            assertEquals(List.of(Q, P), h.points().stream().map(p -> p.point()).toList(),
                "a point with nothing but rejects is not a stored point");
            assertEquals(5, h.rejectedSamples());
            assertEquals(1, heard.size(), "the listener hears each append's rejects once");
            assertEquals(5, heard.get(0).size());
            // The samples right beside a bad one are there.
            assertEquals(2, h.samples(P, StoreQueryTest.at(T0 + 98 * S), StoreQueryTest.at(T0 + 103 * S), 10).size());
        }
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            Map<String, RejectedSample> byReason = new TreeMap<>();
            for (RejectedSample r : h.rejects(100)) {
                byReason.put(r.reason().replaceAll("[ (].*", ""), r);
            }
            assertEquals(5, h.rejects(100).size(), "kept across a restart: " + h.rejects(100));
            RejectedSample future = h.rejects(100).stream().filter(r -> r.point().equals(P)
                && r.reason().contains("outside the years 1 to 9999")).findFirst().orElseThrow();
            assertEquals(Instant.parse("+12000-01-01T00:00:00Z"), future.time(), "the time as it was sent");
            assertEquals(180.0, future.value());
            assertTrue(future.reason().contains("+12000-01-01T00:00:00Z"), future.reason());
            RejectedSample text = h.rejects(100).stream().filter(r -> r.reason().startsWith("text of")).findFirst()
                .orElseThrow();
            assertEquals("text of 1048577 characters is longer than the 1048576 stored", text.reason());
            assertEquals(RejectedSample.MAX_KEPT_TEXT, ((String) text.value()).length(), "a reject keeps a text's start");
            RejectedSample inf = h.rejects(100).stream().filter(r -> r.reason().contains("finite")).findFirst().orElseThrow();
            assertEquals(Q, inf.point());
            assertEquals(Quality.UNCERTAIN, inf.quality());
            assertTrue(h.rejects(100).stream().anyMatch(r -> r.point().equals(ONLY_BAD)));
            assertTrue(h.rejects(100).stream().anyMatch(r -> r.timeMicros() == Long.MIN_VALUE));
        }
    }

    @Test
    void onlyTheNewestRejectsAreKept() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            for (int k = 0; k < 11; k++) {
                SampleBatch.Builder b = SampleBatch.builder(1_000);
                for (int i = 0; i < 1_000; i++) {
                    b.add(P, YEAR_12000 + k * 1_000L + i, k * 1_000 + i, Quality.GOOD);
                }
                h.append(b.build());
            }
            assertEquals(11_000, h.rejectedSamples());
            assertEquals(0, h.size());
            List<RejectedSample> kept = h.rejects(20_000);
            assertEquals(10_000, kept.size());
            assertEquals(10_999.0, kept.get(0).value(), "newest first");
            assertEquals(1_000.0, kept.get(kept.size() - 1).value(), "the oldest thousand went");
        }
    }

    /**
     * A row the database itself refuses, for a reason the historian does not check beforehand (here a
     * constraint added to the table behind its back), is found by halving the batch and rejected alone.
     */
    @Test
    void aRowTheDatabaseRefusesIsFoundAndRejectedAlone() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(SampleBatch.builder(1).add(P, T0, 1, Quality.GOOD).build());
        }
        Properties props = new Properties();
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + dir.resolve(DuckDbHistorianStore.DATABASE_FILE),
            props); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE samples2(point_id INTEGER NOT NULL, ts TIMESTAMP NOT NULL,"
                + " value DOUBLE CHECK (value IS NULL OR value <> 13), text VARCHAR, quality UTINYINT NOT NULL, json JSON)");
            s.execute("INSERT INTO samples2 SELECT * FROM samples");
            s.execute("DROP TABLE samples");
            s.execute("ALTER TABLE samples2 RENAME TO samples");
        }
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            SampleBatch.Builder b = SampleBatch.builder(10_000);
            for (int i = 0; i < 10_000; i++) {
                b.add(i % 2 == 0 ? P : Q, T0 + (i + 1) * S, i == 13 || i == 7_013 ? 13 : 0, Quality.GOOD);
            }
            h.append(b.build());
            assertEquals(1 + 9_998, h.size());
            List<RejectedSample> r = h.rejects(10);
            assertEquals(2, r.size(), r.toString());
            for (RejectedSample x : r) {
                assertEquals(13.0, x.value());
                assertTrue(x.reason().startsWith("refused by the database: ") && x.reason().contains("CHECK constraint"),
                    x.reason());
            }
            assertNull(h.samples(Q, StoreQueryTest.at(T0 + 14 * S), StoreQueryTest.at(T0 + 15 * S), 1).stream()
                .findFirst().map(x -> x.value()).filter(v -> v.equals(13.0)).orElse(null));
        }
    }
}
