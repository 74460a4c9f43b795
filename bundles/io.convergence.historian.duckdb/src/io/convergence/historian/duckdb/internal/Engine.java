package io.convergence.historian.duckdb.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;

/**
 * Puts the pieces together: one writer at a time (appends and retention slices), readers in
 * parallel on connections of their own, and a close that waits for operations under way.
 */
public final class Engine implements AutoCloseable {

    private final Database db;
    private final PointIds ids;
    private final @Nullable SampleWriter writer;
    private final SampleQueries queries;
    private final String where;
    private final ReentrantReadWriteLock life = new ReentrantReadWriteLock();
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean closing;
    private boolean closed;

    private Engine(Database db, PointIds ids, @Nullable SampleWriter writer) {
        this.db = db;
        this.ids = ids;
        this.writer = writer;
        this.queries = new SampleQueries(ids);
        this.where = OpenErrors.folder(db.dataDir());
    }

    /** Opens the database of a data folder; see {@link Database#open}. */
    public static Engine open(Path dataDir, boolean readOnly, int memoryLimitMb, int threads)
        throws HistorianException {
        Database db = Database.open(dataDir, readOnly, memoryLimitMb, threads);
        try {
            PointIds ids = new PointIds();
            ids.load(db.writer());
            SampleWriter w = null;
            if (!readOnly) {
                w = new SampleWriter(db.writer(), db.dataDir(), ids, OpenErrors.folder(db.dataDir()));
                Retention.prepare(db.writer());
            }
            return new Engine(db, ids, w);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw new HistorianException(OpenErrors.folder(db.dataDir()) + Database.FILE_NAME
                + " is not a readable historian database; it was left as it is (" + e.getMessage() + ")", e);
        }
    }

    public Path dataDir() {
        return db.dataDir();
    }

    public boolean readOnly() {
        return db.readOnly();
    }

    public void append(SampleBatch batch) throws HistorianException {
        SampleWriter w = writer;
        if (w == null) {
            throw new HistorianException(where + "opened read-only; appends are refused");
        }
        life.readLock().lock();
        try {
            ensureOpen();
            writing.lock();
            try {
                w.append(batch);
            } finally {
                writing.unlock();
            }
        } finally {
            life.readLock().unlock();
        }
    }

    public List<PointSummary> points() throws HistorianException {
        return read("listing points", queries::points);
    }

    public List<Bucket> buckets(PointPath point, Instant from, Instant to, Duration bucket) throws HistorianException {
        Micros.width(bucket);
        return read("reading buckets of " + point, c -> queries.buckets(c, point, from, to, bucket));
    }

    public List<Sample> samples(PointPath point, Instant from, Instant to, int limit) throws HistorianException {
        return read("reading samples of " + point, c -> queries.samples(c, point, from, to, limit));
    }

    public long size() throws HistorianException {
        return read("counting samples", queries::size);
    }

    /**
     * Deletes every sample older than {@code cutoff}, a day of samples per transaction; appends go on
     * between them. Stops early, without error, when the store is closed meanwhile.
     *
     * @return the samples deleted
     */
    public long deleteOlderThan(Instant cutoff) throws HistorianException {
        if (writer == null) {
            throw new HistorianException(where + "opened read-only; retention is refused");
        }
        long end = Micros.bound(cutoff);
        life.readLock().lock();
        try {
            ensureOpen();
            long oldest = db.read(Retention::oldest);
            return Retention.run(end, oldest, this::deleteSlice, () -> closing);
        } catch (SQLException e) {
            throw new HistorianException(where + "deleting samples before " + cutoff + " failed (" + e.getMessage()
                + "); what was deleted before stays deleted, the rest is kept", e);
        } finally {
            life.readLock().unlock();
        }
    }

    private long deleteSlice(long end) throws SQLException {
        writing.lock();
        try {
            return Retention.deleteBefore(db.writer(), end);
        } finally {
            writing.unlock();
        }
    }

    /** Waits for operations under way, then closes the database. */
    @Override
    public void close() {
        closing = true;
        life.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                db.close();
            }
        } finally {
            life.writeLock().unlock();
        }
    }

    private <T> T read(String what, Database.Work<T> work) throws HistorianException {
        life.readLock().lock();
        try {
            ensureOpen();
            return db.read(work);
        } catch (SQLException e) {
            throw new HistorianException(where + what + " failed (" + e.getMessage() + ")", e);
        } finally {
            life.readLock().unlock();
        }
    }

    private void ensureOpen() throws HistorianException {
        if (closed) {
            throw new HistorianException(where + "the historian is closed");
        }
    }
}
