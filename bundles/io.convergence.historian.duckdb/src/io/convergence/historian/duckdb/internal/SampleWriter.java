package io.convergence.historian.duckdb.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * Appends batches: one transaction per batch, written with DuckDB's Appender. The transaction is
 * opened with {@code BEGIN TRANSACTION}: the Appender does not join a transaction begun by JDBC's
 * {@code setAutoCommit(false)} and would commit on its own. {@code COMMIT} writes the write-ahead log
 * and fsyncs it before it returns (seen with strace: one fsync of {@code historian.duckdb.wal} per
 * append); when the commit created the log, the folder is synced too. So a batch is durable when
 * {@link #append} returns. Not thread-safe: the caller serializes writers.
 */
final class SampleWriter {

    private final DuckDBConnection c;
    private final Path wal;
    private final PointIds ids;
    private final String where;
    private final BatchSummary summary = new BatchSummary();

    SampleWriter(DuckDBConnection c, Path dataDir, PointIds ids, String where) throws SQLException {
        this.c = c;
        this.wal = dataDir.resolve(Database.FILE_NAME + ".wal");
        this.ids = ids;
        this.where = where;
        BatchSummary.prepare(c);
    }

    void append(SampleBatch batch) throws HistorianException {
        int n = batch.size();
        if (n == 0) {
            return;
        }
        int nextBefore = ids.next();
        Map<PointPath, Integer> fresh = new LinkedHashMap<>();
        int[] rowIds = idsOf(batch, fresh);
        boolean walExisted = Files.exists(wal);
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN TRANSACTION");
            try {
                if (!fresh.isEmpty()) {
                    insertPoints(fresh);
                }
                appendSamples(batch, rowIds);
                summary.write(c, nextBefore);
                ids.publish(fresh);
                s.execute("COMMIT");
                if (!walExisted) {
                    FolderSync.sync(wal.getParent());
                }
            } catch (Exception e) {
                ids.forget(fresh, nextBefore);
                rollback(s, e);
                throw e;
            } finally {
                summary.clear();
            }
        } catch (HistorianException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw new HistorianException(where + "storing " + n + " samples failed; none of them was stored ("
                + e.getMessage() + ")", e);
        }
    }

    private int[] idsOf(SampleBatch batch, Map<PointPath, Integer> fresh) {
        int[] rowIds = new int[batch.size()];
        // Producers reuse their PointPath objects: comparing by identity first spares most of the
        // record equals() a hash lookup costs, which showed in profiles.
        Map<PointPath, Integer> seen = new IdentityHashMap<>();
        @Nullable PointPath last = null;
        int lastId = 0;
        for (int i = 0; i < rowIds.length; i++) {
            PointPath p = batch.point(i);
            if (p != last) {
                Integer id = seen.get(p);
                if (id == null) {
                    id = ids.id(p);
                    if (id == null) {
                        id = fresh.computeIfAbsent(p, k -> ids.assign());
                    }
                    seen.put(p, id);
                }
                last = p;
                lastId = id;
            }
            rowIds[i] = lastId;
        }
        return rowIds;
    }

    private void insertPoints(Map<PointPath, Integer> fresh) throws SQLException {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (DuckDBAppender a = c.createAppender("main", "points")) {
            for (Map.Entry<PointPath, Integer> e : fresh.entrySet()) {
                a.beginRow();
                a.append(e.getValue().intValue());
                a.append(e.getKey().toString());
                a.append(now);
                a.endRow();
            }
        }
    }

    private void appendSamples(SampleBatch batch, int[] rowIds) throws SQLException, HistorianException {
        try (DuckDBAppender a = c.createAppender("main", "samples")) {
            for (int i = 0; i < rowIds.length; i++) {
                long micros = batch.timeMicros(i);
                if (!Micros.storable(micros)) {
                    throw new HistorianException(where + "sample " + i + " of the batch (" + batch.point(i)
                        + ") has time " + micros + " µs since the epoch, outside the years 1 to 9999;"
                        + " none of the batch's " + rowIds.length + " samples was stored");
                }
                String text = batch.text(i);
                double v = batch.number(i);
                a.beginRow();
                a.append(rowIds[i]);
                a.appendEpochMicros(micros);
                if (text != null || Double.isNaN(v)) {
                    // NaN would poison min, max and avg; no value is NULL, which aggregates skip.
                    a.appendNull();
                } else {
                    a.append(v);
                }
                if (text != null) {
                    a.append(text);
                } else {
                    a.appendNull();
                }
                a.append((byte) batch.quality(i).ordinal());
                a.endRow();
                summary.add(rowIds[i], micros);
            }
        }
    }

    private static void rollback(Statement s, Exception cause) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
