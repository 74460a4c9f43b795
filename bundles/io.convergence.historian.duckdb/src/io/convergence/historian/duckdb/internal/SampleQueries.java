package io.convergence.historian.duckdb.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.JsonValue;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;

import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/** The read side: buckets, raw samples, the point list and the total, each on a reader connection. */
final class SampleQueries {

    /*
     * Buckets are numbered from an origin that is a multiple of the width at or before `from`, so
     * the integer division never meets a negative number (DuckDB's // truncates toward zero) and
     * bucket starts are epoch multiples of the width. first/last come from the rows with a value.
     */
    private static final String BUCKETS = "SELECT (epoch_us(ts) - ?) // ? AS k, count(value), min(value),"
        + " max(value), avg(value), arg_min(value, ts) FILTER (WHERE value IS NOT NULL),"
        + " arg_max(value, ts) FILTER (WHERE value IS NOT NULL), count(*) FILTER (WHERE quality = "
        + Quality.BAD.ordinal() + ")"
        + " FROM samples WHERE point_id = ? AND ts >= make_timestamp(?) AND ts < make_timestamp(?)"
        + " GROUP BY k ORDER BY k";

    private static final String SAMPLES = "SELECT epoch_us(ts), value, text, quality, %s FROM samples"
        + " WHERE point_id = ? AND ts >= make_timestamp(?) AND ts < make_timestamp(?) ORDER BY ts LIMIT ?";

    private static final String POINTS = "SELECT s.point_id, p.path, s.sample_count, epoch_us(s.first_ts),"
        + " epoch_us(s.last_ts) FROM point_summary s JOIN points p ON p.id = s.point_id WHERE s.sample_count > 0";

    private final PointIds ids;
    private final String samples;

    /** @param json whether samples have a JSON column (not in a version 1 database opened read-only) */
    SampleQueries(PointIds ids, boolean json) {
        this.ids = ids;
        this.samples = SAMPLES.formatted(json ? "CAST(json AS VARCHAR)" : "NULL");
    }

    List<Bucket> buckets(DuckDBConnection c, PointPath point, Instant from, Instant to, Duration bucket)
        throws SQLException {
        long width = Micros.width(bucket);
        Integer id = ids.id(point);
        long lo = Micros.bound(from);
        long hi = Micros.bound(to);
        if (id == null || lo >= hi) {
            return List.of();
        }
        long origin = Math.floorDiv(lo, width) * width;
        List<Bucket> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(BUCKETS)) {
            ps.setLong(1, origin);
            ps.setLong(2, width);
            ps.setInt(3, id);
            ps.setLong(4, lo);
            ps.setLong(5, hi);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(new Bucket(Micros.instant(origin + r.getLong(1) * width), r.getLong(2), number(r, 3),
                        number(r, 4), number(r, 5), number(r, 6), number(r, 7), r.getLong(8)));
                }
            }
        }
        return out;
    }

    List<Sample> samples(DuckDBConnection c, PointPath point, Instant from, Instant to, int limit)
        throws SQLException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        Integer id = ids.id(point);
        long lo = Micros.bound(from);
        long hi = Micros.bound(to);
        if (id == null || lo >= hi || limit == 0) {
            return List.of();
        }
        List<Sample> out = new ArrayList<>(Math.min(limit, 10_000));
        try (PreparedStatement ps = c.prepareStatement(samples)) {
            ps.setInt(1, id);
            ps.setLong(2, lo);
            ps.setLong(3, hi);
            ps.setLong(4, limit);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    Quality q = Quality.ofCode(r.getInt(4));
                    out.add(new Sample(point, Micros.instant(r.getLong(1)), value(r, q), q));
                }
            }
        }
        return out;
    }

    List<PointSummary> points(DuckDBConnection c) throws SQLException {
        List<PointSummary> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(POINTS)) {
            while (r.next()) {
                PointPath p = ids.path(r.getInt(1));
                if (p == null) {
                    p = PointPath.parse(r.getString(2));
                }
                out.add(new PointSummary(p, r.getLong(3), Micros.instant(r.getLong(4)), Micros.instant(r.getLong(5))));
            }
        }
        out.sort((a, b) -> a.point().compareTo(b.point()));
        return out;
    }

    long size(DuckDBConnection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(sum(sample_count), 0) FROM point_summary")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double number(ResultSet r, int column) throws SQLException {
        double d = r.getDouble(column);
        return r.wasNull() ? Double.NaN : d;
    }

    /** A stored row's value: its number, its text, its JSON, or none (a gap, or a NaN that was not marked bad). */
    private static @Nullable Object value(ResultSet r, Quality q) throws SQLException {
        double d = r.getDouble(2);
        if (!r.wasNull()) {
            return d;
        }
        String text = r.getString(3);
        if (text != null) {
            return text;
        }
        String json = r.getString(5);
        if (json != null) {
            return new JsonValue(json);
        }
        return q == Quality.BAD ? null : Double.NaN;
    }
}
