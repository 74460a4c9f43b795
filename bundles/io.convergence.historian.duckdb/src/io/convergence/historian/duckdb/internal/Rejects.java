package io.convergence.historian.duckdb.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.convergence.api.point.JsonValue;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.historian.duckdb.RejectedSample;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * The rejects table: samples that could not be stored as samples (a time outside the years 1 to 9999,
 * a text too long, a value that is not a finite number), with the reason, written in the same
 * transaction as the rest of their batch. Only the newest {@value #KEEP} are kept: rejects are for
 * finding the faulty source, and a source that sends nothing but bad values must not fill the disk.
 * The time is kept as a plain number, since it may lie outside what a {@code TIMESTAMP} holds.
 */
final class Rejects {

    /** Rejects kept; older ones are deleted as newer ones come. */
    static final int KEEP = 10_000;

    private static final String CREATE = "CREATE TABLE IF NOT EXISTS rejects(id BIGINT NOT NULL,"
        + " received TIMESTAMP NOT NULL, point VARCHAR NOT NULL, time_us BIGINT NOT NULL, value DOUBLE, text VARCHAR,"
        + " quality UTINYINT NOT NULL, reason VARCHAR NOT NULL, is_json BOOLEAN NOT NULL)";
    private static final String NEWEST = "SELECT point, time_us, value, text, quality, reason, epoch_us(received), is_json"
        + " FROM rejects ORDER BY id DESC LIMIT ?";

    private long nextId;

    private Rejects(long nextId) {
        this.nextId = nextId;
    }

    /** Creates the table if this database has none yet (older historians did not), and reads the next id. */
    static Rejects prepare(DuckDBConnection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE);
            try (ResultSet r = s.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM rejects")) {
                r.next();
                return new Rejects(r.getLong(1));
            }
        }
    }

    /** Adds rejects inside the caller's transaction and deletes those beyond the newest {@value #KEEP}. */
    void insert(DuckDBConnection c, List<RejectedSample> rejects) throws SQLException {
        if (rejects.isEmpty()) {
            return;
        }
        long id = nextId;
        try (DuckDBAppender a = c.createAppender("main", "rejects")) {
            for (RejectedSample r : rejects) {
                a.beginRow();
                a.append(id++);
                a.append(LocalDateTime.ofInstant(r.received(), ZoneOffset.UTC));
                a.append(r.point().toString());
                a.append(r.timeMicros());
                if (r.value() instanceof Double d) {
                    a.append(d.doubleValue());
                } else {
                    a.appendNull();
                }
                if (r.value() instanceof String t) {
                    a.append(t);
                } else if (r.value() instanceof JsonValue j) {
                    a.append(j.json());
                } else {
                    a.appendNull();
                }
                a.append((byte) r.quality().ordinal());
                a.append(r.reason());
                a.append(r.value() instanceof JsonValue);
                a.endRow();
            }
            a.flush();
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM rejects WHERE id < " + (id - KEEP));
        }
        nextId = id;
    }

    /** Forgets ids handed out in a transaction that was rolled back. */
    void rollBackTo(long id) {
        nextId = id;
    }

    long nextId() {
        return nextId;
    }

    /** The newest rejects first; none if the database predates the table (opened read-only). */
    static List<RejectedSample> newest(DuckDBConnection c, int max) throws SQLException {
        if (max <= 0 || !exists(c)) {
            return List.of();
        }
        List<RejectedSample> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(NEWEST)) {
            ps.setInt(1, max);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    double d = r.getDouble(3);
                    @Nullable Object value = r.wasNull() ? r.getString(4) : Double.valueOf(d);
                    if (value instanceof String t && r.getBoolean(8)) {
                        value = new JsonValue(t);
                    }
                    out.add(new RejectedSample(PointPath.parse(r.getString(1)), r.getLong(2), value,
                        Quality.ofCode(r.getInt(5)), r.getString(6), Micros.instant(r.getLong(7))));
                }
            }
        }
        return out;
    }

    private static boolean exists(DuckDBConnection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database()"
                 + " AND table_name = 'rejects' AND NOT temporary")) {
            r.next();
            return r.getLong(1) > 0;
        }
    }
}
