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
import java.util.List;
import java.util.Properties;

import io.convergence.api.historian.Bucket;
import io.convergence.api.point.JsonValue;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.RejectedSample;
import io.convergence.historian.duckdb.StoreOptions;

import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrays and structures are stored as DuckDB JSON values, not as text: they come back as
 * {@link JsonValue}, SQL can reach into them, JSON that does not parse is rejected, and a database of
 * the first schema is brought up to date when opened for writing.
 */
class JsonStorageTest {

    static final PointPath ZONES = PointPath.parse("plant/oven1/zone-temperatures");
    static final PointPath RECIPE = PointPath.parse("plant/oven1/recipe");
    static final PointPath SPEED = PointPath.parse("plant/oven1/speed");
    static final long T0 = StoreQueryTest.T0;
    static final long S = StoreQueryTest.S;

    @TempDir
    Path dir;

    @Test
    void arraysAndStructuresComeBackAsJsonAndSqlReachesIntoThem() throws Exception {
        String zones = "[181.5,182.0,179.25]";
        String recipe = "{\"name\":\"bread\",\"speed\":42.5,\"zones\":[180,182]}";
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(SampleBatch.builder(8)
                .addJson(ZONES, T0, zones, Quality.GOOD)
                .addJson(ZONES, T0 + S, "[]", Quality.UNCERTAIN)
                .addJson(RECIPE, T0, recipe, Quality.GOOD)
                .addJson(RECIPE, T0 + S, "{not json", Quality.GOOD)
                .addJson(RECIPE, T0 + 2 * S, "[1] [2]", Quality.GOOD)
                .add(SPEED, T0, 42.5, Quality.GOOD)
                .addText(RECIPE, T0 + 3 * S, "[1,2]", Quality.GOOD)
                .build());
            List<Sample> z = h.samples(ZONES, Instant.MIN, Instant.MAX, 10);
            assertEquals(List.of(new JsonValue(zones), new JsonValue("[]")), z.stream().map(Sample::value).toList());
            assertEquals(Quality.UNCERTAIN, z.get(1).quality());
            List<Sample> r = h.samples(RECIPE, Instant.MIN, Instant.MAX, 10);
            assertEquals(List.of(new JsonValue(recipe), "[1,2]"), r.stream().map(Sample::value).toList(),
                "a text that looks like JSON stays a text");
            // Structured values are not numbers: no aggregate, no count; not gaps either.
            Bucket b = h.buckets(ZONES, Instant.MIN, Instant.MAX, Duration.ofDays(1)).get(0);
            assertEquals(0, b.count());
            assertEquals(0, b.bad());

            List<RejectedSample> rejects = h.rejects(10);
            assertEquals(2, rejects.size(), rejects.toString());
            for (RejectedSample x : rejects) {
                assertTrue(x.reason().startsWith("not valid JSON"), x.reason());
                assertTrue(x.value() instanceof JsonValue, "kept as the JSON it claimed to be: " + x.value());
            }
        }
        // Typed in the database: SQL reads fields and array elements of the stored values.
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + dir.resolve(DuckDbHistorianStore.DATABASE_FILE),
            readOnly()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT json ->> '$.name', CAST(json -> '$.speed' AS DOUBLE),"
                 + " json_array_length(json -> '$.zones'), typeof(json) FROM samples WHERE json ->> '$.name' IS NOT NULL")) {
            assertTrue(rs.next());
            assertEquals("bread", rs.getString(1));
            assertEquals(42.5, rs.getDouble(2));
            assertEquals(2, rs.getLong(3));
            assertEquals("JSON", rs.getString(4));
        }
    }

    @Test
    void aDatabaseOfTheFirstSchemaIsReadAsItIsAndBroughtUpToDateForWriting() throws Exception {
        // Exactly what the first version created, with one sample in it.
        Files.createDirectories(dir);
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + dir.resolve(DuckDbHistorianStore.DATABASE_FILE),
            new Properties()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE historian_meta(key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
            s.execute("CREATE TABLE points(id INTEGER PRIMARY KEY, path VARCHAR NOT NULL UNIQUE, first_seen TIMESTAMP NOT NULL)");
            s.execute("CREATE TABLE samples(point_id INTEGER NOT NULL, ts TIMESTAMP NOT NULL, value DOUBLE, text VARCHAR,"
                + " quality UTINYINT NOT NULL)");
            s.execute("CREATE TABLE point_summary(point_id INTEGER NOT NULL, sample_count BIGINT NOT NULL,"
                + " first_ts TIMESTAMP, last_ts TIMESTAMP)");
            s.execute("INSERT INTO historian_meta VALUES ('schema', '1'), ('created', CAST(now() AS VARCHAR))");
            s.execute("INSERT INTO points VALUES (1, '" + SPEED + "', now())");
            s.execute("INSERT INTO samples VALUES (1, make_timestamp(" + T0 + "), 7.5, NULL, 0)");
            s.execute("INSERT INTO point_summary VALUES (1, 1, make_timestamp(" + T0 + "), make_timestamp(" + T0 + "))");
        }
        var before = Folders.snapshot(dir);
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.readOnlyDefaults())) {
            assertEquals(List.of(7.5), h.samples(SPEED, Instant.MIN, Instant.MAX, 10).stream().map(Sample::value).toList());
            assertEquals(List.of(), h.rejects(10));
        }
        assertEquals(before, Folders.snapshot(dir), "read-only changes nothing, not even the schema");
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(SampleBatch.builder(2).add(SPEED, T0 + S, 8, Quality.GOOD).addJson(ZONES, T0, "[1,2]", Quality.GOOD)
                .build());
            assertEquals(3, h.size());
            assertEquals(new JsonValue("[1,2]"), h.samples(ZONES, Instant.MIN, Instant.MAX, 1).get(0).value());
        }
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + dir.resolve(DuckDbHistorianStore.DATABASE_FILE),
            readOnly()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM historian_meta WHERE key = 'schema'")) {
            assertTrue(rs.next());
            assertEquals("2", rs.getString(1));
        }
    }

    private static Properties readOnly() {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }
}
