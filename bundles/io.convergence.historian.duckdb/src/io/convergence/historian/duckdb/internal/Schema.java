package io.convergence.historian.duckdb.internal;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.convergence.api.historian.HistorianException;

import org.duckdb.DuckDBConnection;

/**
 * The tables of a historian database, created in an empty file and checked in an existing one.
 *
 * <ul>
 * <li>{@code points}: a small integer id per point path, and when it was first stored.</li>
 * <li>{@code samples}: one row per sample, in arrival order (no index: DuckDB prunes row groups by
 *     their min/max time, and scans one point of twenty million rows in tens of milliseconds).
 *     {@code value} is NULL for text samples, structured samples and gaps, so aggregates skip them;
 *     {@code text} holds a text sample's value, {@code json} an array's or a structure's (DuckDB's
 *     JSON type, so SQL can reach into it: {@code json ->> '$.speed'}); {@code quality} is the ordinal
 *     of {@code Quality} (0 good, 1 uncertain, 2 bad).</li>
 * <li>{@code point_summary}: count and time span per point, kept in the append's transaction, so
 *     that listing ten thousand points does not scan the samples.</li>
 * </ul>
 */
final class Schema {

    /**
     * Raised when the tables change in a way an older version cannot read or write: 2 added
     * {@code samples.json} (an older writer's appender would miss a column). A version 1 database is
     * brought to 2 when opened for writing; read-only, it is read as it is.
     */
    static final int VERSION = 2;

    private static final List<String> CREATE = List.of(
        "CREATE TABLE historian_meta(key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
        "CREATE TABLE points(id INTEGER PRIMARY KEY, path VARCHAR NOT NULL UNIQUE, first_seen TIMESTAMP NOT NULL)",
        "CREATE TABLE samples(point_id INTEGER NOT NULL, ts TIMESTAMP NOT NULL, value DOUBLE, text VARCHAR,"
            + " quality UTINYINT NOT NULL, json JSON)",
        "CREATE TABLE point_summary(point_id INTEGER NOT NULL, sample_count BIGINT NOT NULL, first_ts TIMESTAMP,"
            + " last_ts TIMESTAMP)",
        "INSERT INTO historian_meta VALUES ('schema', '" + VERSION + "'), ('created', CAST(now() AS VARCHAR))");

    private Schema() {
    }

    private static final List<String> FROM_1_TO_2 = List.of(
        "ALTER TABLE samples ADD COLUMN json JSON",
        "UPDATE historian_meta SET value = '2' WHERE key = 'schema'");

    /**
     * Creates the tables in a new, empty database, or checks that an existing one is a historian's
     * (and brings an older one up to date when writing).
     *
     * @return the schema version the database has now
     */
    static int prepare(DuckDBConnection c, Path dataDir, boolean readOnly) throws SQLException, HistorianException {
        String where = OpenErrors.folder(dataDir) + Database.FILE_NAME;
        List<String> tables = tables(c);
        if (tables.isEmpty()) {
            if (readOnly) {
                throw new HistorianException(where + " is an empty database, not a historian's");
            }
            run(c, CREATE);
            FolderSync.sync(dataDir);
            return VERSION;
        }
        if (!tables.contains("historian_meta")) {
            throw new HistorianException(where + " is a DuckDB database but not a historian's (tables " + tables
                + "); it was left as it is");
        }
        int version = version(c, where);
        if (version > VERSION) {
            throw new HistorianException(where + " was written by a newer version (schema " + version
                + ", this one reads up to " + VERSION + "); it was left as it is");
        }
        for (String t : List.of("points", "samples", "point_summary")) {
            if (!tables.contains(t)) {
                throw new HistorianException(where + " is not a readable historian database: table " + t
                    + " is missing; it was left as it is");
            }
        }
        if (version == 1 && !readOnly) {
            run(c, FROM_1_TO_2);
            return VERSION;
        }
        return version;
    }

    private static List<String> tables(DuckDBConnection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT table_name FROM duckdb_tables()"
                 + " WHERE database_name = current_database() AND NOT temporary ORDER BY table_name")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static int version(DuckDBConnection c, String where) throws SQLException, HistorianException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT value FROM historian_meta WHERE key = 'schema'")) {
            if (!r.next()) {
                throw new HistorianException(where + " is not a readable historian database: no schema version");
            }
            try {
                return Integer.parseInt(r.getString(1));
            } catch (NumberFormatException e) {
                throw new HistorianException(where + " is not a readable historian database: schema version '"
                    + r.getString(1) + "'", e);
            }
        }
    }

    /** Runs statements in one transaction. */
    private static void run(DuckDBConnection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN TRANSACTION");
            try {
                for (String sql : statements) {
                    s.execute(sql);
                }
                s.execute("COMMIT");
            } catch (SQLException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }
}
