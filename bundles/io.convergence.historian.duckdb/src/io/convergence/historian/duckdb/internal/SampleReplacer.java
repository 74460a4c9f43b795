package io.convergence.historian.duckdb.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

/**
 * The range part of {@code Historian.replace}: which rows a batch may hold, and, inside the
 * {@link SampleWriter}'s transaction, the deletion of what was stored for the points in the range and
 * the recount of their {@code point_summary} rows. The batch itself is stored as an append stores
 * one (rejects, JSON, gaps alike), in the same transaction: readers see the old samples of the range
 * or the new ones, never neither, and a failure leaves the old ones.
 *
 * <p>The summary is counted again from the samples of the points touched rather than adjusted: a
 * deletion can remove a point's first or last sample, and finding the next one is a scan of that
 * point anyway. The points replaced are derived points of a model, a few at a time.
 */
final class SampleReplacer {

    private final List<PointPath> points;
    private final Instant from;
    private final Instant to;
    private final long lo;
    private final long hi;

    private SampleReplacer(List<PointPath> points, Instant from, Instant to) {
        this.points = List.copyOf(points);
        this.from = from;
        this.to = to;
        this.lo = ceiling(from);
        this.hi = ceiling(to);
    }

    /**
     * The replacement of some points' samples in {@code [from, to)} by a batch.
     *
     * @throws IllegalArgumentException naming the first row of the batch outside the points or the range
     */
    static SampleReplacer of(List<PointPath> points, Instant from, Instant to, SampleBatch batch) {
        SampleReplacer r = new SampleReplacer(points, from, to);
        Set<PointPath> allowed = new HashSet<>(points);
        long first = exact(from);
        long end = exact(to);
        for (int i = 0; i < batch.size(); i++) {
            PointPath p = batch.point(i);
            if (!allowed.contains(p)) {
                throw new IllegalArgumentException("row " + i + " of the batch is of " + p
                    + ", which is not among the points replaced " + points);
            }
            long t = batch.timeMicros(i);
            if (t < first || t >= end) {
                throw new IllegalArgumentException("row " + i + " of the batch (" + p + " at " + Micros.instant(t)
                    + ") lies outside the range replaced [" + from + ", " + to + ")");
            }
        }
        return r;
    }

    List<PointPath> points() {
        return points;
    }

    /** Whether the range holds no storable time: then only the batch's rejects are left to keep. */
    boolean empty() {
        return lo >= hi;
    }

    String describe() {
        return "the samples of " + points.size() + (points.size() == 1 ? " point" : " points") + " from " + from
            + " to " + to;
    }

    /** Deletes the stored samples of the points (those with an id) in the range; inside the caller's transaction. */
    void delete(Statement s, Collection<Integer> ids) throws SQLException {
        if (ids.isEmpty() || empty()) {
            return;
        }
        s.executeUpdate("DELETE FROM samples WHERE point_id IN " + list(ids) + " AND ts >= make_timestamp(" + lo
            + ") AND ts < make_timestamp(" + hi + ")");
    }

    /**
     * Counts the summary of the points again: every point touched keeps a row, an emptied one too
     * (an append updates the rows of known points; {@code points()} leaves out empty ones).
     */
    static void recount(Statement s, Collection<Integer> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        String in = list(ids);
        StringJoiner values = new StringJoiner(",");
        for (int id : new TreeSet<>(ids)) {
            values.add("(" + id + ")");
        }
        s.executeUpdate("DELETE FROM point_summary WHERE point_id IN " + in);
        s.executeUpdate("INSERT INTO point_summary SELECT i.id, count(s.ts), min(s.ts), max(s.ts) FROM (VALUES "
            + values + ") i(id) LEFT JOIN (SELECT point_id, ts FROM samples WHERE point_id IN " + in
            + ") s ON s.point_id = i.id GROUP BY i.id");
    }

    private static String list(Collection<Integer> ids) {
        StringJoiner in = new StringJoiner(",", "(", ")");
        for (int id : new TreeSet<>(ids)) {
            in.add(Integer.toString(id));
        }
        return in.toString();
    }

    /**
     * The first whole microsecond at or after an instant, clamped to what is stored: the rows in
     * {@code [from, to)} are those at or after {@code ceiling(from)} and before {@code ceiling(to)}.
     */
    private static long ceiling(Instant t) {
        long m = Micros.bound(t);
        return m < Micros.MAX + 1 && t.getNano() % 1_000 != 0 ? m + 1 : m;
    }

    /** As {@link #ceiling} but saturating at the range of a long, to check rows outside the stored years too. */
    private static long exact(Instant t) {
        if (t.getEpochSecond() >= Long.MAX_VALUE / 1_000_000L) {
            return Long.MAX_VALUE;
        }
        if (t.getEpochSecond() <= Long.MIN_VALUE / 1_000_000L) {
            return Long.MIN_VALUE;
        }
        long m = t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
        return t.getNano() % 1_000 != 0 ? m + 1 : m;
    }
}
