package io.convergence.historian.duckdb.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

import org.duckdb.DuckDBConnection;

/**
 * Marks the gap a writer leaves when it dies without closing (a {@code kill -9}, a power cut): the
 * writer notes in {@code historian_meta} that it has the database open, and clears the note when it
 * closes. A writer that finds the note at open knows the previous one was interrupted, and writes a
 * gap marker just after the last sample of every point whose series does not already end in one,
 * in that sample's own time base (a source clock that runs an hour off gets its gap an hour off too,
 * next to its samples). The gap then spans up to the first sample recorded after the restart.
 *
 * <p>A graceful stop leaves no note and no marker here: the recorder writes its own markers when
 * the recording stops, and a historian that is only reconfigured (closed and opened again while the
 * recorder keeps what arrives meanwhile) has no gap to mark.
 */
final class Interruptions {

    private static final String KEY = "writer_open";

    /**
     * The last sample of each point whose series does not end in a gap marker. Row groups before the
     * oldest "last sample" are pruned by their time range, so this reads the recent end of the table.
     */
    private static final String OPEN_SERIES = "WITH last AS (SELECT point_id, last_ts FROM point_summary"
        + " WHERE sample_count > 0 AND last_ts IS NOT NULL)"
        + " SELECT l.point_id, epoch_us(l.last_ts) FROM last l WHERE l.point_id NOT IN ("
        + " SELECT s.point_id FROM samples s JOIN last m ON s.point_id = m.point_id AND s.ts = m.last_ts"
        + " WHERE s.ts >= (SELECT min(last_ts) FROM last) AND s.quality = 2 AND s.value IS NULL AND s.text IS NULL"
        + " AND s.json IS NULL)";

    private Interruptions() {
    }

    /**
     * Notes that a writer has the database open.
     *
     * @return whether the previous writer never closed it
     */
    static boolean begin(DuckDBConnection c) throws SQLException {
        boolean interrupted;
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT value FROM historian_meta WHERE key = '" + KEY + "'")) {
            interrupted = r.next() && "yes".equals(r.getString(1));
        }
        set(c, "yes");
        return interrupted;
    }

    /** Notes that the writer closed the database. */
    static void end(DuckDBConnection c) throws SQLException {
        set(c, "no");
    }

    /** One gap marker just after the last sample of every point whose series ends without one. */
    static SampleBatch gaps(DuckDBConnection c, PointIds ids) throws SQLException {
        SampleBatch.Builder b = SampleBatch.builder(64);
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(OPEN_SERIES)) {
            while (r.next()) {
                PointPath p = ids.path(r.getInt(1));
                long last = r.getLong(2);
                if (p != null && last < Micros.MAX) {
                    b.addGap(p, last + 1);
                }
            }
        }
        return b.build();
    }

    private static void set(DuckDBConnection c, String value) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT OR REPLACE INTO historian_meta VALUES ('" + KEY + "', '" + value + "')");
        }
    }
}
