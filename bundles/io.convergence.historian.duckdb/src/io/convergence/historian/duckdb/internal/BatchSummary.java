package io.convergence.historian.duckdb.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Count and time span per point of one batch, folded into {@code point_summary} inside the append's
 * transaction: new points get a row, known points one set-based {@code UPDATE} from a temporary
 * table (about 10 ms for a batch that touches ten thousand points). Writer only; reused.
 */
final class BatchSummary {

    private static final String UPDATE = "UPDATE point_summary SET"
        + " sample_count = point_summary.sample_count + b.n,"
        + " first_ts = least(coalesce(point_summary.first_ts, b.first_ts), b.first_ts),"
        + " last_ts = greatest(coalesce(point_summary.last_ts, b.last_ts), b.last_ts)"
        + " FROM batch_summary b WHERE point_summary.point_id = b.point_id";

    /** Slot + 1 of each point id seen in the batch; 0 for none. */
    private int[] slotOfId = new int[1024];
    private int[] idOfSlot = new int[64];
    private long[] counts = new long[64];
    private long[] firsts = new long[64];
    private long[] lasts = new long[64];
    private int slots;

    /** Creates the writer connection's temporary table; once per connection, outside a transaction. */
    static void prepare(DuckDBConnection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS batch_summary(point_id INTEGER, n BIGINT, first_ts TIMESTAMP,"
                + " last_ts TIMESTAMP)");
        }
    }

    /** Counts one row. */
    void add(int id, long micros) {
        if (id >= slotOfId.length) {
            slotOfId = Arrays.copyOf(slotOfId, Math.max(id + 1, slotOfId.length * 2));
        }
        int slot = slotOfId[id] - 1;
        if (slot < 0) {
            slot = newSlot(id, micros);
        }
        counts[slot]++;
        if (micros < firsts[slot]) {
            firsts[slot] = micros;
        }
        if (micros > lasts[slot]) {
            lasts[slot] = micros;
        }
    }

    private int newSlot(int id, long micros) {
        if (slots == idOfSlot.length) {
            int n = slots * 2;
            idOfSlot = Arrays.copyOf(idOfSlot, n);
            counts = Arrays.copyOf(counts, n);
            firsts = Arrays.copyOf(firsts, n);
            lasts = Arrays.copyOf(lasts, n);
        }
        int slot = slots++;
        slotOfId[id] = slot + 1;
        idOfSlot[slot] = id;
        counts[slot] = 0;
        firsts[slot] = micros;
        lasts[slot] = micros;
        return slot;
    }

    /** Writes the counts into {@code point_summary}; ids from {@code firstNewId} on are new points. */
    void write(DuckDBConnection c, int firstNewId) throws SQLException {
        int known = 0;
        try (DuckDBAppender fresh = c.createAppender("main", "point_summary")) {
            for (int s = 0; s < slots; s++) {
                if (idOfSlot[s] >= firstNewId) {
                    row(fresh, s);
                } else {
                    known++;
                }
            }
            // close() would swallow a failure to flush (DuckDB 2.0.0.1): flush to see it.
            fresh.flush();
        }
        if (known == 0) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM batch_summary");
            try (DuckDBAppender staged = c.createAppender("temp", "main", "batch_summary")) {
                for (int s = 0; s < slots; s++) {
                    if (idOfSlot[s] < firstNewId) {
                        row(staged, s);
                    }
                }
                staged.flush();
            }
            st.executeUpdate(UPDATE);
        }
    }

    private void row(DuckDBAppender a, int slot) throws SQLException {
        a.beginRow();
        a.append(idOfSlot[slot]);
        a.append(counts[slot]);
        a.appendEpochMicros(firsts[slot]);
        a.appendEpochMicros(lasts[slot]);
        a.endRow();
    }

    /** Forgets the batch. */
    void clear() {
        for (int s = 0; s < slots; s++) {
            slotOfId[idOfSlot[s]] = 0;
        }
        slots = 0;
    }
}
