package io.convergence.historian.duckdb;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.internal.Database;
import io.convergence.historian.duckdb.internal.Engine;

/**
 * The embedded historian on a data folder, without OSGi: a DuckDB database file {@value #DATABASE_FILE}
 * in the folder. The runtime's {@link Historian} service is one of these; the {@code history} tool
 * opens one read-only.
 *
 * <p>Appends are serialized, each one transaction that is on disk (write-ahead log, fsync) when
 * {@link #append} returns; reads run in parallel and see committed batches only. A folder can be open
 * once in a process, and by one writing process at a time (DuckDB locks the file); a read-only open
 * fails while a writer holds it.
 */
public final class DuckDbHistorianStore implements Historian, AutoCloseable {

    /** The database file inside the data folder. */
    public static final String DATABASE_FILE = Database.FILE_NAME;

    /** The service property holding the absolute path of the data folder. */
    public static final String DATA_DIR_PROPERTY = "convergence.historian.dataDir";

    private final Engine engine;

    private DuckDbHistorianStore(Engine engine) {
        this.engine = engine;
    }

    /**
     * Opens a data folder. Read-write creates the folder and the database if they are missing;
     * read-only needs both and writes nothing.
     *
     * @throws HistorianException naming the folder and what is wrong with it: not a folder, not
     *     writable, not a historian database (corrupt, or another application's), written by a
     *     newer version, or in use by another process. Nothing in the folder is changed then.
     */
    public static DuckDbHistorianStore open(Path dataDir, StoreOptions options) throws HistorianException {
        return new DuckDbHistorianStore(
            Engine.open(dataDir, options.readOnly(), options.memoryLimitMb(), options.threads()));
    }

    /** The data folder, absolute. */
    public Path dataDir() {
        return engine.dataDir();
    }

    /** Whether the store was opened read-only. */
    public boolean readOnly() {
        return engine.readOnly();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Text samples keep their text; a sample whose number is NaN is stored without a value. A sample
     * that cannot be stored never holds up the rest of its batch: one with a time outside the years 1
     * to 9999, a text longer than 1,048,576 characters, an infinite value, or one the database refuses
     * for a reason of its own is kept among the {@linkplain #rejects rejects} with the reason, in the
     * same transaction as the rest (see {@link #onRejects}).
     *
     * @throws HistorianException if nothing was stored: with an {@link java.io.IOException} as its cause
     *     when the storage failed (a full disk, an I/O error): the same batch may be appended again
     *     later. After DuckDB invalidated the database (a checkpoint that hit a full disk), the store
     *     opens it again at a later call.
     */
    @Override
    public void append(SampleBatch batch) throws HistorianException {
        engine.append(batch);
    }

    /**
     * Calls {@code listener} with the rejects of every append that had some, on the appending thread,
     * after the append is durable. One listener; a later call replaces it.
     */
    public void onRejects(Consumer<List<RejectedSample>> listener) {
        engine.onRejects(listener);
    }

    /** Samples kept as rejects since this store was opened. */
    public long rejectedSamples() {
        return engine.rejected();
    }

    /**
     * The newest rejects, newest first, at most {@code max}. The store keeps the newest 10,000 across
     * restarts.
     */
    public List<RejectedSample> rejects(int max) throws HistorianException {
        return engine.rejects(max);
    }

    /**
     * The points that got a gap marker when this store was opened, because the process that wrote
     * the folder before never closed it (it was killed, or the machine lost power): the marker lies
     * just after each point's last sample, so the gap spans up to the first sample recorded now.
     */
    public int interruptedPoints() {
        return engine.interruptedPoints();
    }

    /** How often the database was opened again after DuckDB had invalidated it (a checkpoint hit a full disk). */
    public long reopened() {
        return engine.reopened();
    }

    @Override
    public List<PointSummary> points() throws HistorianException {
        return engine.points();
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code count}, {@code min}, {@code max}, {@code avg}, {@code first} and {@code last} cover
     * the samples with a numeric value (NaN when there is none); {@code bad} counts every sample of
     * bad quality, gaps included.
     *
     * @throws IllegalArgumentException if the bucket is shorter than a microsecond or longer than the
     *     years 1 to 9999
     */
    @Override
    public List<Bucket> buckets(PointPath point, Instant from, Instant to, Duration bucket) throws HistorianException {
        return engine.buckets(point, from, to, bucket);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the limit is negative
     */
    @Override
    public List<Sample> samples(PointPath point, Instant from, Instant to, int limit) throws HistorianException {
        return engine.samples(point, from, to, limit);
    }

    @Override
    public long size() throws HistorianException {
        return engine.size();
    }

    /**
     * {@inheritDoc}
     *
     * <p>All the points in one query per time window (windows of about 200,000 rows, sorted by the
     * database), rather than a query per point and page merged in Java. Points never stored are left
     * out. JSON samples come back as JSON, gaps as bad rows without a value.
     *
     * @throws IllegalArgumentException if the batch size is below 1
     */
    @Override
    public void read(List<PointPath> points, Instant from, Instant to, int batchSize, Consumer<SampleBatch> sink)
        throws HistorianException {
        engine.read(points, from, to, batchSize, sink);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One transaction: the deletion, the batch and {@link #points()} change together and are on disk
     * when this returns, as after an append; readers see the old samples of the range or the new ones.
     * Points of the batch not stored before are created. Rows that cannot be stored (see
     * {@link #append}) are kept among the {@linkplain #rejects rejects} in the same transaction, and the
     * rest is stored. If the replace fails (a full disk), nothing changed: the old samples stay.
     */
    @Override
    public void replace(List<PointPath> points, Instant from, Instant to, SampleBatch batch)
        throws HistorianException {
        engine.replace(points, from, to, batch);
    }

    /**
     * Deletes every sample older than {@code cutoff}, one day of samples per transaction, keeping
     * {@link #points()} right. Appends go on in between.
     *
     * @return the samples deleted
     */
    public long deleteOlderThan(Instant cutoff) throws HistorianException {
        return engine.deleteOlderThan(cutoff);
    }

    /** Waits for operations under way and closes the database; DuckDB then folds its log into the file. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "DuckDbHistorianStore[" + dataDir() + (readOnly() ? ", read-only]" : "]");
    }
}
