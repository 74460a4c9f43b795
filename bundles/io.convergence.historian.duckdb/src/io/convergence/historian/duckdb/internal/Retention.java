package io.convergence.historian.duckdb.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;

import io.convergence.api.historian.HistorianException;

import org.duckdb.DuckDBConnection;

/**
 * Deletes samples older than a cutoff, one day of samples per transaction, oldest first, so that a
 * first run over years of data neither builds one huge transaction nor holds appends up for long.
 * Each transaction also corrects {@code point_summary}: counts go down by what was deleted, and the
 * first time of each point touched is looked up again, first in the day after the cutoff (cheap,
 * as row groups are pruned by time) and only for points with nothing there in the whole table.
 */
final class Retention {

    static final long DAY = 86_400_000_000L;

    private static final String GONE = "INSERT INTO retention_gone SELECT point_id, count(*) FROM samples"
        + " WHERE ts < make_timestamp(%d) GROUP BY point_id";
    private static final String COUNTS = "UPDATE point_summary SET sample_count = point_summary.sample_count - g.n"
        + " FROM retention_gone g WHERE point_summary.point_id = g.point_id";
    private static final String FIRST = "UPDATE point_summary SET first_ts = m.f FROM (SELECT point_id, min(ts) AS f"
        + " FROM samples WHERE %s AND point_id IN (SELECT point_id FROM retention_gone) GROUP BY point_id) m"
        + " WHERE point_summary.point_id = m.point_id";
    private static final String EMPTIED = "UPDATE point_summary SET first_ts = NULL, last_ts = NULL"
        + " WHERE sample_count = 0 AND point_id IN (SELECT point_id FROM retention_gone)";

    private Retention() {
    }

    static void prepare(DuckDBConnection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS retention_gone(point_id INTEGER, n BIGINT)");
        }
    }

    /** The earliest stored time, or {@code Long.MAX_VALUE} if nothing is stored. */
    static long oldest(DuckDBConnection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT epoch_us(min(first_ts)) FROM point_summary WHERE sample_count > 0")) {
            r.next();
            long m = r.getLong(1);
            return r.wasNull() ? Long.MAX_VALUE : m;
        }
    }

    /**
     * Deletes one slice: every sample before {@code end}. Runs in its own transaction on the writer's
     * connection; the caller holds the writer lock.
     *
     * @return the samples deleted
     */
    static long deleteBefore(DuckDBConnection c, long end) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN TRANSACTION");
            try {
                s.execute("DELETE FROM retention_gone");
                s.execute(GONE.formatted(end));
                long deleted = s.executeUpdate("DELETE FROM samples WHERE ts < make_timestamp(" + end + ")");
                s.executeUpdate(COUNTS);
                s.executeUpdate(EMPTIED);
                s.executeUpdate(FIRST.formatted("ts >= make_timestamp(" + end + ") AND ts < make_timestamp("
                    + (end + DAY) + ")"));
                // Points whose next sample lies more than a day later: look through everything.
                s.executeUpdate(FIRST.formatted("point_id IN (SELECT point_id FROM point_summary WHERE sample_count > 0"
                    + " AND first_ts < make_timestamp(" + end + "))"));
                s.execute("COMMIT");
                return deleted;
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        }
    }

    /**
     * Deletes every sample before {@code cutoff}, a day of samples at a time, each day starting at the
     * oldest sample left. So a lone sample far in the past (a source clock that reset to 1970, or to
     * the year 1) costs one slice, not one per day from then to now; and only this machine's clock
     * sets the cutoff, so samples stamped far in the future delete nothing and are not deleted early.
     *
     * @param oldest the oldest stored time, {@code Long.MAX_VALUE} if none
     * @param slice runs one slice under the writer lock and returns the samples it deleted
     * @param stop whether to stop between slices (the store is closing)
     */
    static long run(long cutoff, Oldest oldest, SliceRunner slice, BooleanSupplier stop)
        throws SQLException, HistorianException {
        long deleted = 0;
        long end = Long.MIN_VALUE;
        while (!stop.getAsBoolean()) {
            long first = oldest.get();
            if (first >= cutoff) {
                break;
            }
            // Progress even if the summary lagged behind the samples: never the same slice twice.
            long from = Math.max(first, end);
            end = from > cutoff - DAY ? cutoff : from + DAY;
            deleted += slice.deleteBefore(end);
            if (end == cutoff) {
                break;
            }
        }
        return deleted;
    }

    /** The oldest stored time. */
    @FunctionalInterface
    interface Oldest {
        long get() throws SQLException, HistorianException;
    }

    /** Deletes the samples before a time, in one transaction. */
    @FunctionalInterface
    interface SliceRunner {
        long deleteBefore(long end) throws SQLException;
    }
}
