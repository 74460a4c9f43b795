package io.convergence.historian.duckdb.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.RejectedSample;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the pieces together: one writer at a time (appends and retention slices), readers in
 * parallel on connections of their own, and a close that waits for operations under way.
 *
 * <p>When DuckDB invalidates its database (a checkpoint that hit a full disk does), every later call
 * would fail until the process restarts. The engine instead closes the database and opens it again at
 * the next operation (at most once a second while that keeps failing): what was committed is in the
 * file and its write-ahead log, so recording goes on once the disk has room again.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final long REOPEN_EVERY_NANOS = 1_000_000_000L;

    /** What an open database comes with; replaced as a whole when the database is opened again. */
    private record Open(Database db, PointIds ids, @Nullable SampleWriter writer, SampleQueries queries) {
    }

    private final Path dataDir;
    private final boolean readOnly;
    private final int memoryLimitMb;
    private final int threads;
    private final String where;
    private final ReentrantReadWriteLock life = new ReentrantReadWriteLock();
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong reopened = new AtomicLong();
    private volatile @Nullable Open open;
    private volatile @Nullable HistorianException broken;
    private volatile long lastReopenAttempt;
    private volatile Consumer<List<RejectedSample>> rejectListener = r -> { };
    private final int interruptedPoints;
    private volatile boolean closing;
    private boolean closed;

    private Engine(Path dataDir, boolean readOnly, int memoryLimitMb, int threads, Open open, int interruptedPoints) {
        this.dataDir = dataDir;
        this.readOnly = readOnly;
        this.memoryLimitMb = memoryLimitMb;
        this.threads = threads;
        this.open = open;
        this.where = OpenErrors.folder(dataDir);
        this.interruptedPoints = interruptedPoints;
    }

    /**
     * Opens the database of a data folder; see {@link Database#open}. Read-write, it also marks the gaps
     * a writer that never closed the folder left (see {@link Interruptions}).
     */
    public static Engine open(Path dataDir, boolean readOnly, int memoryLimitMb, int threads)
        throws HistorianException {
        Open o = connect(dataDir, readOnly, memoryLimitMb, threads);
        int interrupted = 0;
        if (!readOnly) {
            interrupted = markInterruption(o);
        }
        return new Engine(o.db.dataDir(), readOnly, memoryLimitMb, threads, o, interrupted);
    }

    private static Open connect(Path dataDir, boolean readOnly, int memoryLimitMb, int threads)
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
            return new Open(db, ids, w, new SampleQueries(ids, db.hasJson()));
        } catch (SQLException | RuntimeException e) {
            db.close();
            if (e instanceof SQLException sql && Failures.ofStorage(sql)) {
                throw Failures.storage(OpenErrors.folder(db.dataDir()) + Database.FILE_NAME + " cannot be prepared for"
                    + " writing (" + e.getMessage() + ")", e);
            }
            throw new HistorianException(OpenErrors.folder(db.dataDir()) + Database.FILE_NAME
                + " is not a readable historian database; it was left as it is (" + e.getMessage() + ")", e);
        }
    }

    /** After an interrupted writer: gap markers; a failure here is logged, and retried at the next open. */
    private static int markInterruption(Open o) {
        SampleWriter w = o.writer;
        if (w == null) {
            return 0;
        }
        try {
            if (!Interruptions.begin(o.db.writer())) {
                return 0;
            }
            SampleBatch gaps = Interruptions.gaps(o.db.writer(), o.ids);
            w.append(gaps);
            LOG.info("historian in {}: the previous writer did not close it; marked a gap after the last sample of {}"
                + " points", o.db.dataDir(), gaps.size());
            return gaps.size();
        } catch (SQLException | HistorianException e) {
            LOG.warn("historian in {}: could not mark the gaps an interrupted writer left; trying again at the next"
                + " open: {}", o.db.dataDir(), e.getMessage());
            return 0;
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Points given a gap marker at open because the previous writer never closed the folder. */
    public int interruptedPoints() {
        return interruptedPoints;
    }

    /** Samples kept as rejects since the store was opened. */
    public long rejected() {
        return rejected.get();
    }

    /** How often the database was closed and opened again after DuckDB invalidated it. */
    public long reopened() {
        return reopened.get();
    }

    /** Called, on the appending thread, with the rejects of each append that had some. */
    public void onRejects(Consumer<List<RejectedSample>> listener) {
        this.rejectListener = listener;
    }

    public void append(SampleBatch batch) throws HistorianException {
        write("appends are refused", w -> w.append(batch));
    }

    public List<PointSummary> points() throws HistorianException {
        return read("listing points", (o, c) -> o.queries.points(c));
    }

    public List<Bucket> buckets(PointPath point, Instant from, Instant to, Duration bucket) throws HistorianException {
        Micros.width(bucket);
        return read("reading buckets of " + point, (o, c) -> o.queries.buckets(c, point, from, to, bucket));
    }

    public List<Sample> samples(PointPath point, Instant from, Instant to, int limit) throws HistorianException {
        return read("reading samples of " + point, (o, c) -> o.queries.samples(c, point, from, to, limit));
    }

    public long size() throws HistorianException {
        return read("counting samples", (o, c) -> o.queries.size(c));
    }

    /** The newest rejects first, at most {@code max}. */
    public List<RejectedSample> rejects(int max) throws HistorianException {
        return read("reading rejects", (o, c) -> Rejects.newest(c, max));
    }

    /** Streams samples of some points in time order; see {@link SampleStream}. */
    public void read(List<PointPath> points, Instant from, Instant to, int batchSize, Consumer<SampleBatch> sink)
        throws HistorianException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + ": at least 1");
        }
        read("reading the samples of " + points.size() + " points", (o, c) -> {
            new SampleStream(c, o.ids, o.db.hasJson(), () -> closing, where).read(points, from, to, batchSize, sink);
            return null;
        });
    }

    /**
     * Replaces some points' samples in a range, serialized with appends; see {@link SampleReplacer}.
     *
     * @throws IllegalArgumentException if a row of the batch lies outside the points or the range
     */
    public void replace(List<PointPath> points, Instant from, Instant to, SampleBatch batch) throws HistorianException {
        SampleReplacer range = SampleReplacer.of(points, from, to, batch);
        write("replacing samples is refused", w -> w.replace(range, batch));
    }

    /** Work of the writer that may keep rejects. */
    @FunctionalInterface
    private interface Writing {
        List<RejectedSample> run(SampleWriter w) throws HistorianException;
    }

    /** Runs a write serialized with the others; marks the database for reopening if it was invalidated. */
    private void write(String refused, Writing work) throws HistorianException {
        if (readOnly) {
            throw new HistorianException(where + "opened read-only; " + refused);
        }
        List<RejectedSample> rejects;
        recoverIfBroken();
        life.readLock().lock();
        try {
            Open o = usable();
            SampleWriter w = o.writer;
            if (w == null) {
                throw new HistorianException(where + "opened read-only; " + refused);
            }
            writing.lock();
            try {
                rejects = work.run(w);
            } catch (HistorianException e) {
                if (Failures.invalidates(e)) {
                    broken = e;
                    LOG.warn("historian in {}: the database was invalidated; it is opened again at the next write: {}",
                        dataDir, e.getMessage());
                }
                throw e;
            } finally {
                writing.unlock();
            }
        } finally {
            life.readLock().unlock();
        }
        if (!rejects.isEmpty()) {
            rejected.addAndGet(rejects.size());
            rejectListener.accept(rejects);
        }
    }

    /**
     * Deletes every sample older than {@code cutoff}, a day of samples per transaction; appends go on
     * between them. Stops early, without error, when the store is closed meanwhile.
     *
     * @return the samples deleted
     */
    public long deleteOlderThan(Instant cutoff) throws HistorianException {
        if (readOnly) {
            throw new HistorianException(where + "opened read-only; retention is refused");
        }
        long end = Micros.bound(cutoff);
        recoverIfBroken();
        life.readLock().lock();
        try {
            Open o = usable();
            return Retention.run(end, () -> o.db.read(Retention::oldest), e -> deleteSlice(o, e), () -> closing);
        } catch (SQLException e) {
            if (Failures.invalidates(e)) {
                broken = Failures.storage(where + "retention failed (" + e.getMessage() + ")", e);
            }
            throw new HistorianException(where + "deleting samples before " + cutoff + " failed (" + e.getMessage()
                + "); what was deleted before stays deleted, the rest is kept", e);
        } finally {
            life.readLock().unlock();
        }
    }

    private long deleteSlice(Open o, long end) throws SQLException {
        writing.lock();
        try {
            return Retention.deleteBefore(o.db.writer(), end);
        } finally {
            writing.unlock();
        }
    }

    /** Waits for operations under way, notes a clean close, then closes the database. */
    @Override
    public void close() {
        Database.closing(dataDir);
        closing = true;
        life.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                Open o = open;
                if (o != null) {
                    if (!readOnly && broken == null) {
                        try {
                            Interruptions.end(o.db.writer());
                        } catch (SQLException e) {
                            LOG.warn("historian in {}: could not note the clean close; the next open marks gaps: {}",
                                dataDir, e.getMessage());
                        }
                    }
                    o.db.close();
                }
                open = null;
            }
        } finally {
            life.writeLock().unlock();
        }
    }

    /** Work on a reader connection, given what is open. */
    @FunctionalInterface
    private interface Reading<T> {
        T run(Open o, org.duckdb.DuckDBConnection c) throws SQLException, HistorianException;
    }

    private <T> T read(String what, Reading<T> work) throws HistorianException {
        recoverIfBroken();
        life.readLock().lock();
        try {
            Open o = usable();
            return o.db.read(c -> work.run(o, c));
        } catch (SQLException e) {
            if (Failures.invalidates(e)) {
                broken = Failures.storage(where + what + " failed (" + e.getMessage() + ")", e);
            }
            throw new HistorianException(where + what + " failed (" + e.getMessage() + ")", e);
        } finally {
            life.readLock().unlock();
        }
    }

    private Open usable() throws HistorianException {
        if (closed) {
            throw new HistorianException(where + "the historian is closed");
        }
        HistorianException b = broken;
        Open o = open;
        if (b != null || o == null) {
            throw Failures.storage(where + "the database is unusable until it can be opened again"
                + (b == null ? "" : " (" + b.getMessage() + ")"), b == null ? new IllegalStateException("closed") : b);
        }
        return o;
    }

    /** Closes an invalidated database and opens it again, at most once a second. */
    private void recoverIfBroken() {
        if (broken == null || closed) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastReopenAttempt < REOPEN_EVERY_NANOS) {
            return;
        }
        life.writeLock().lock();
        try {
            if (broken == null || closed || System.nanoTime() - lastReopenAttempt < REOPEN_EVERY_NANOS) {
                return;
            }
            lastReopenAttempt = System.nanoTime();
            Open o = open;
            if (o != null) {
                o.db.close();
                open = null;
            }
            try {
                open = connect(dataDir, readOnly, memoryLimitMb, threads);
                broken = null;
                reopened.incrementAndGet();
                LOG.info("historian in {}: the database was opened again after it had been invalidated", dataDir);
            } catch (HistorianException e) {
                broken = e;
                LOG.debug("historian in {}: opening the database again failed: {}", dataDir, e.getMessage());
            }
        } finally {
            life.writeLock().unlock();
        }
    }
}
