package io.convergence.historian.duckdb.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.RejectedSample;

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
 *
 * <p>A sample that cannot be stored never holds up the others: rows that {@link RowCheck} finds
 * wrong, and rows DuckDB itself refuses (found by trial appends that are rolled back, halving the
 * rows each time), go to the {@link Rejects rejects table} in the same transaction as the rest.
 * A failure of the storage (full disk, I/O) stores nothing and is reported for a retry.
 */
final class SampleWriter {

    private final DuckDBConnection c;
    private final Path wal;
    private final PointIds ids;
    private final Rejects rejects;
    private final String where;
    private final BatchSummary summary = new BatchSummary();
    /** Why DuckDB refused each bad row found by {@link #refusedRows}; emptied after each append. */
    private final Map<Integer, String> reasons = new HashMap<>();

    SampleWriter(DuckDBConnection c, Path dataDir, PointIds ids, String where) throws SQLException {
        this.c = c;
        this.wal = dataDir.resolve(Database.FILE_NAME + ".wal");
        this.ids = ids;
        this.where = where;
        this.rejects = Rejects.prepare(c);
        BatchSummary.prepare(c);
    }

    /**
     * Stores a batch: every row that can be stored as a sample, and the others as rejects, in one
     * transaction.
     *
     * @return the rows kept as rejects, with their reasons
     * @throws HistorianException if nothing was stored; with an {@link java.io.IOException} as its cause
     *     when the storage failed (retry later), without one when the failure is not understood
     */
    List<RejectedSample> append(SampleBatch batch) throws HistorianException {
        if (batch.isEmpty()) {
            return List.of();
        }
        return store(batch, null);
    }

    /**
     * Replaces the stored samples of some points in a range by a batch, in one transaction: the
     * deletion, the batch's samples (and rejects, as {@link #append} keeps them) and the points'
     * summaries commit together or not at all.
     *
     * @return the rows kept as rejects, with their reasons
     * @throws HistorianException if nothing was changed, as for {@link #append}
     */
    List<RejectedSample> replace(SampleReplacer range, SampleBatch batch) throws HistorianException {
        return store(batch, range);
    }

    private List<RejectedSample> store(SampleBatch batch, @Nullable SampleReplacer range) throws HistorianException {
        int n = batch.size();
        String what = range == null ? "storing " + n + " samples" : "replacing " + range.describe() + " by " + n
            + " samples";
        String nothing = range == null ? "none of them was stored" : "nothing was changed";
        Instant now = Instant.now();
        List<RejectedSample> rejected = new ArrayList<>();
        int[] rows = RowCheck.storable(batch, rejected, now);
        try {
            commit(batch, rows, rejected, range);
            return rejected;
        } catch (SQLException | RuntimeException e) {
            if (e instanceof SQLException sql && Failures.ofStorage(sql)) {
                throw storageFailure(what, nothing, sql);
            }
            List<Integer> bad = n == 0 ? List.of() : refusedRows(batch, rows == null ? all(n) : rows, e, what,
                nothing);
            if (bad.isEmpty()) {
                throw new HistorianException(where + what + " failed, and no sample alone; " + nothing + " ("
                    + e.getMessage() + ")", e);
            }
            for (int row : bad) {
                rejected.add(RowCheck.reject(batch, row, "refused by the database: " + firstLine(reasons.get(row)), now));
            }
            try {
                commit(batch, RowCheck.without(rows, n, bad), rejected, range);
                return rejected;
            } catch (SQLException | RuntimeException again) {
                if (again instanceof SQLException sql && Failures.ofStorage(sql)) {
                    throw storageFailure(what, nothing, sql);
                }
                throw new HistorianException(where + what + " failed; " + nothing + " ("
                    + again.getMessage() + ")", again);
            } finally {
                reasons.clear();
            }
        }
    }

    private HistorianException storageFailure(String what, String nothing, SQLException e) {
        String full = Failures.diskFull(e) ? "the disk is full: " : "";
        return Failures.storage(where + full + what + " failed and " + nothing + " ("
            + firstLine(e.getMessage()) + "); the storage failed, not the data", e);
    }

    private void commit(SampleBatch batch, int @Nullable [] rows, List<RejectedSample> rejected,
                        @Nullable SampleReplacer range) throws SQLException {
        int nextBefore = ids.next();
        long rejectBefore = rejects.nextId();
        Map<PointPath, Integer> fresh = new LinkedHashMap<>();
        int[] rowIds = idsOf(batch, rows, fresh);
        boolean walExisted = Files.exists(wal);
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN TRANSACTION");
            try {
                if (!fresh.isEmpty()) {
                    insertPoints(fresh);
                }
                if (range == null) {
                    appendSamples(batch, rows, rowIds, 0, rowIds.length, true);
                    summary.write(c, nextBefore);
                } else {
                    Set<Integer> touched = new HashSet<>(fresh.values());
                    for (PointPath p : range.points()) {
                        Integer id = ids.id(p);
                        if (id != null) {
                            touched.add(id);
                        }
                    }
                    range.delete(s, touched);
                    if (rowIds.length > 0) {
                        appendSamples(batch, rows, rowIds, 0, rowIds.length, false);
                    }
                    SampleReplacer.recount(s, touched);
                }
                rejects.insert(c, rejected);
                ids.publish(fresh);
                s.execute("COMMIT");
                if (!walExisted) {
                    FolderSync.sync(wal.getParent());
                }
            } catch (SQLException | RuntimeException e) {
                ids.forget(fresh, nextBefore);
                rejects.rollBackTo(rejectBefore);
                rollback(s, e);
                throw e;
            } finally {
                summary.clear();
            }
        }
    }

    /**
     * The rows DuckDB refuses, found by appending halves in transactions that are rolled back: about
     * two appends per halving for each bad row. Each reason is put in {@link #reasons}.
     *
     * @throws HistorianException if the storage fails meanwhile
     */
    private List<Integer> refusedRows(SampleBatch batch, int[] rows, Exception first, String what, String nothing)
        throws HistorianException {
        int nextBefore = ids.next();
        Map<PointPath, Integer> fresh = new LinkedHashMap<>();
        int[] rowIds = idsOf(batch, rows, fresh);
        List<Integer> bad = new ArrayList<>();
        try {
            halve(batch, rows, rowIds, 0, rows.length, String.valueOf(first.getMessage()), bad);
        } catch (SQLException e) {
            throw storageFailure(what, nothing, e);
        } finally {
            ids.forget(fresh, nextBefore);
        }
        return bad;
    }

    private void halve(SampleBatch batch, int[] rows, int[] rowIds, int from, int to, @Nullable String failure,
                       List<Integer> bad) throws SQLException {
        String f = failure != null ? failure : trial(batch, rows, rowIds, from, to);
        if (f == null) {
            return;
        }
        if (to - from == 1) {
            bad.add(rows[from]);
            reasons.put(rows[from], f);
            return;
        }
        int mid = (from + to) >>> 1;
        halve(batch, rows, rowIds, from, mid, null, bad);
        halve(batch, rows, rowIds, mid, to, null, bad);
    }

    /** Appends rows {@code [from, to)} and rolls back: the data failure, or {@code null} if they fit. */
    private @Nullable String trial(SampleBatch batch, int[] rows, int[] rowIds, int from, int to) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN TRANSACTION");
            try {
                appendSamples(batch, rows, rowIds, from, to, false);
                return null;
            } catch (SQLException e) {
                if (Failures.ofStorage(e)) {
                    throw e;
                }
                return String.valueOf(e.getMessage());
            } catch (RuntimeException e) {
                return String.valueOf(e.getMessage());
            } finally {
                rollback(s, null);
            }
        }
    }

    /** The point id of each stored row, handing out ids to new points (not yet visible). */
    private int[] idsOf(SampleBatch batch, int @Nullable [] rows, Map<PointPath, Integer> fresh) {
        int n = rows == null ? batch.size() : rows.length;
        int[] rowIds = new int[n];
        // Producers reuse their PointPath objects: comparing by identity first spares most of the
        // record equals() a hash lookup costs, which showed in profiles.
        Map<PointPath, Integer> seen = new IdentityHashMap<>();
        @Nullable PointPath last = null;
        int lastId = 0;
        for (int j = 0; j < n; j++) {
            PointPath p = batch.point(rows == null ? j : rows[j]);
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
            rowIds[j] = lastId;
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
            a.flush();
        }
    }

    private void appendSamples(SampleBatch batch, int @Nullable [] rows, int[] rowIds, int from, int to,
                               boolean summarize) throws SQLException {
        try (DuckDBAppender a = c.createAppender("main", "samples")) {
            for (int j = from; j < to; j++) {
                int i = rows == null ? j : rows[j];
                long micros = batch.timeMicros(i);
                String text = batch.text(i);
                boolean json = text != null && batch.isJson(i);
                double v = batch.number(i);
                a.beginRow();
                a.append(rowIds[j]);
                a.appendEpochMicros(micros);
                if (text != null || Double.isNaN(v)) {
                    // NaN would poison min, max and avg; no value is NULL, which aggregates skip.
                    a.appendNull();
                } else {
                    a.append(v);
                }
                if (text != null && !json) {
                    a.append(text);
                } else {
                    a.appendNull();
                }
                a.append((byte) batch.quality(i).ordinal());
                if (json) {
                    a.append(text);
                } else {
                    a.appendNull();
                }
                a.endRow();
                if (summarize) {
                    summary.add(rowIds[j], micros);
                }
            }
            // Explicitly: a failure to flush the last rows is thrown here, while close() swallows it
            // (DuckDB 2.0.0.1) and the transaction would commit without them.
            a.flush();
        }
    }

    private static int[] all(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private static String firstLine(@Nullable String s) {
        String m = String.valueOf(s);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void rollback(Statement s, @Nullable Exception cause) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }
}
