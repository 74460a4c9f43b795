package io.convergence.historian.duckdb.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * {@code Historian.read}: the samples of some points over a range, ordered by time (and by the order
 * of the points given, for equal times), in batches. The API's default pages through each point with
 * one query per page and merges the pages in Java; this asks DuckDB for all the points at once.
 *
 * <p>The range is read in consecutive time windows, each one query that DuckDB sorts: a single query
 * over a year of samples would be sorted and held whole by the driver (its results are materialized)
 * before the first row arrives. A window aims at {@value #WINDOW_ROWS} rows: its first width comes from
 * the points' counts and spans in {@code point_summary}, and later ones grow or shrink with the rows
 * the previous window held, since samples are rarely spread evenly (a point recorded for a day, others
 * for a year).
 */
final class SampleStream {

    /** Rows a window aims at: sorting and holding them costs tens of megabytes at most. */
    static final long WINDOW_ROWS = 200_000;

    private final DuckDBConnection c;
    private final PointIds ids;
    private final String json;
    private final BooleanSupplier closing;
    private final String where;

    /**
     * @param hasJson whether samples have the JSON column
     * @param closing checked between batches: when the store closes, the read ends with an exception
     */
    SampleStream(DuckDBConnection c, PointIds ids, boolean hasJson, BooleanSupplier closing, String where) {
        this.c = c;
        this.ids = ids;
        this.json = hasJson ? "CAST(s.json AS VARCHAR)" : "NULL";
        this.closing = closing;
        this.where = where;
    }

    void read(List<PointPath> points, Instant from, Instant to, int batchSize, Consumer<SampleBatch> sink)
        throws SQLException, HistorianException {
        long lo = Micros.bound(from);
        long hi = Micros.bound(to);
        // The caller's own path objects go into the batches: consumers compare them by identity first.
        List<PointPath> known = new ArrayList<>();
        StringJoiner order = new StringJoiner(",");
        StringJoiner in = new StringJoiner(",", "(", ")");
        for (PointPath p : points) {
            Integer id = ids.id(p);
            if (id != null) {
                order.add("(" + id + "," + known.size() + ")");
                in.add(id.toString());
                known.add(p);
            }
        }
        if (known.isEmpty() || lo >= hi) {
            return;
        }
        long[] extent = extent(in.toString(), lo, hi);
        if (extent == null) {
            return;
        }
        long start = extent[0];
        long end = extent[1];
        long rows = extent[2];
        long width = rows <= WINDOW_ROWS ? end - start : Math.max(1, (long) ((double) (end - start) * WINDOW_ROWS / rows));
        String select = "SELECT o.ord, epoch_us(s.ts), s.value, s.text, s.quality, " + json + " FROM samples s"
            + " JOIN (VALUES " + order + ") o(id, ord) ON s.point_id = o.id WHERE s.point_id IN " + in
            + " AND s.ts >= make_timestamp(%d) AND s.ts < make_timestamp(%d) ORDER BY s.ts, o.ord";
        SampleBatch.Builder b = SampleBatch.builder(Math.min(batchSize, 10_000));
        for (long t = start; t < end; ) {
            long next = end - t <= width ? end : t + width;
            long n = window(select.formatted(t, next), known, b, batchSize, sink);
            t = next;
            if (n > 4 * WINDOW_ROWS) {
                width = Math.max(1, width / 4);
            } else if (n < WINDOW_ROWS / 4 && width < Long.MAX_VALUE / 4) {
                width *= 2;
            }
        }
        if (b.size() > 0) {
            sink.accept(b.build());
        }
    }

    /** First time, end (last time + 1) and number of the points' samples in the range, or null if none. */
    private long @Nullable [] extent(String in, long lo, long hi) throws SQLException {
        // The summary gives the span cheaply; the count inside the range is estimated from it.
        String sql = "SELECT min(epoch_us(first_ts)), max(epoch_us(last_ts)), sum(sample_count) FROM point_summary"
            + " WHERE point_id IN " + in + " AND sample_count > 0";
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            if (!r.next()) {
                return null;
            }
            long first = r.getLong(1);
            if (r.wasNull()) {
                return null;
            }
            long last = r.getLong(2);
            long count = r.getLong(3);
            long start = Math.max(lo, first);
            long end = Math.min(hi, last + 1);
            if (start >= end) {
                return null;
            }
            double share = last + 1 - first <= 0 ? 1.0 : (double) (end - start) / (last + 1 - first);
            return new long[] {start, end, Math.max(1, (long) (count * Math.min(1.0, share)))};
        }
    }

    /** Streams one window's rows into the builder, handing on full batches; returns the rows read. */
    private long window(String sql, List<PointPath> known, SampleBatch.Builder b, int batchSize,
                        Consumer<SampleBatch> sink) throws SQLException, HistorianException {
        long n = 0;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                n++;
                PointPath p = known.get(r.getInt(1));
                long t = r.getLong(2);
                Quality q = Quality.ofCode(r.getInt(5));
                double v = r.getDouble(3);
                if (!r.wasNull()) {
                    b.add(p, t, v, q);
                } else {
                    String text = r.getString(4);
                    String structured = text == null ? r.getString(6) : null;
                    if (text != null) {
                        b.addText(p, t, text, q);
                    } else if (structured != null) {
                        b.addJson(p, t, structured, q);
                    } else {
                        // a gap (bad, no value), or a NaN that was not marked bad
                        b.add(p, t, Double.NaN, q);
                    }
                }
                if (b.size() >= batchSize) {
                    sink.accept(b.build());
                    if (closing.getAsBoolean()) {
                        throw new HistorianException(where + "the historian closed while history was read");
                    }
                }
            }
        }
        return n;
    }
}
