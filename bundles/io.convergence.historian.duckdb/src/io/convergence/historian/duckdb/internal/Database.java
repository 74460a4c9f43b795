package io.convergence.historian.duckdb.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.convergence.api.historian.HistorianException;

import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.jspecify.annotations.Nullable;

/**
 * One open DuckDB file: the writer's connection, and a small pool of connections for readers (a
 * DuckDB connection must not be used by two threads at once; readers see committed data only).
 */
public final class Database implements AutoCloseable {

    /** The database file in the data folder. */
    public static final String FILE_NAME = "historian.duckdb";

    /**
     * Folders open in this process. DuckDB shares one database instance between the connections of a
     * process, so its file lock does not stop a second historian here; this does.
     */
    private static final ConcurrentHashMap<Path, Claim> OPEN = new ConcurrentHashMap<>();
    /** How long an open waits for a historian of this process that is closing the folder. */
    private static final Duration CLOSING_WAIT = Duration.ofSeconds(30);

    /** A folder's claim by one open database; released when it is closed. */
    private static final class Claim {
        /** Set once the holder is on its way to closing: an open of the folder waits for it then. */
        volatile boolean closing;
        final CountDownLatch released = new CountDownLatch(1);
    }

    private final Claim claim;

    private final Path dataDir;
    private final boolean readOnly;
    private final DuckDBConnection writer;
    private final DuckDBConnection readerSource;
    private final ArrayBlockingQueue<DuckDBConnection> idleReaders = new ArrayBlockingQueue<>(8);

    private final int schemaVersion;

    private Database(Path dataDir, Claim claim, boolean readOnly, DuckDBConnection writer, int schemaVersion)
        throws SQLException {
        this.dataDir = dataDir;
        this.claim = claim;
        this.readOnly = readOnly;
        this.schemaVersion = schemaVersion;
        this.writer = writer;
        this.readerSource = writer.duplicate();
    }

    /** Something done with a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(DuckDBConnection c) throws SQLException, HistorianException;
    }

    /**
     * Opens (and for read-write, creates if needed) the database of a data folder.
     *
     * @throws HistorianException naming the folder if it cannot be used; nothing in it is changed then
     */
    public static Database open(Path dataDir, boolean readOnly, int memoryLimitMb, int threads)
        throws HistorianException {
        Path dir = prepareFolder(dataDir.toAbsolutePath().normalize(), readOnly);
        Claim claim = claim(dir);
        @Nullable DuckDBConnection c = null;
        try {
            c = connect(dir, readOnly, memoryLimitMb, threads);
            int version = Schema.prepare(c, dir, readOnly);
            return new Database(dir, claim, readOnly, c, version);
        } catch (SQLException e) {
            closeQuietly(c);
            release(dir, claim);
            throw OpenErrors.describe(dir, e);
        } catch (HistorianException | RuntimeException e) {
            closeQuietly(c);
            release(dir, claim);
            throw e;
        }
    }

    /**
     * Claims a folder for this process's new database. A folder held by a historian that is closing (its
     * service already gone, its users flushing their last samples) is waited for: a command that ends by
     * removing its historian, and the next one that opens the same folder, follow each other.
     */
    private static Claim claim(Path dir) throws HistorianException {
        Claim mine = new Claim();
        long deadline = System.nanoTime() + CLOSING_WAIT.toNanos();
        while (true) {
            Claim held = OPEN.putIfAbsent(dir, mine);
            if (held == null) {
                return mine;
            }
            if (!held.closing) {
                throw new HistorianException(OpenErrors.folder(dir) + FILE_NAME
                    + " is in use by another historian in this process");
            }
            try {
                if (!held.released.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    throw new HistorianException(OpenErrors.folder(dir) + FILE_NAME + " is in use by a historian of"
                        + " this process that has not finished closing it within " + CLOSING_WAIT.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HistorianException(OpenErrors.folder(dir) + "interrupted while waiting for the historian"
                    + " of this process that is closing " + FILE_NAME, e);
            }
        }
    }

    private static void release(Path dir, Claim claim) {
        OPEN.remove(dir, claim);
        claim.released.countDown();
    }

    /**
     * Says that the database open on a folder of this process is about to be closed, before its users are
     * told to stop: from now on an open of the folder here waits for the close instead of failing.
     *
     * @param dir the folder as {@link #dataDir()} gives it
     */
    public static void closing(Path dir) {
        Claim held = OPEN.get(dir);
        if (held != null) {
            held.closing = true;
        }
    }

    private static Path prepareFolder(Path dir, boolean readOnly) throws HistorianException {
        String where = OpenErrors.folder(dir);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new HistorianException(where + "this is a file, not a folder");
        }
        Path file = dir.resolve(FILE_NAME);
        if (readOnly) {
            if (!Files.isDirectory(dir)) {
                throw new HistorianException(where + "the folder does not exist");
            }
            if (!Files.exists(file)) {
                throw new HistorianException(where + "holds no historian database (" + FILE_NAME + " is missing)");
            }
        } else {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new HistorianException(where + "the folder cannot be created (" + e + ")", e);
            }
            if (!Files.isWritable(dir)) {
                throw new HistorianException(where + "the folder is not writable");
            }
            if (Files.exists(file) && !Files.isWritable(file)) {
                throw new HistorianException(where + FILE_NAME + " is not writable");
            }
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new HistorianException(where + FILE_NAME + " is not a regular file");
        }
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new HistorianException(where + "the folder cannot be resolved (" + e + ")", e);
        }
    }

    private static DuckDBConnection connect(Path dir, boolean readOnly, int memoryLimitMb, int threads)
        throws SQLException {
        Properties p = new Properties();
        if (readOnly) {
            p.setProperty("duckdb.read_only", "true");
        }
        p.setProperty("memory_limit", memoryLimitMb + "MB");
        p.setProperty("threads", Integer.toString(threads));
        // The driver's own class, not DriverManager: under OSGi the DriverManager cannot see it.
        DuckDBConnection c = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + dir.resolve(FILE_NAME), p);
        if (c == null) {
            throw new SQLException("the DuckDB driver refused the URL for " + dir.resolve(FILE_NAME));
        }
        return c;
    }

    /** The data folder, absolute and real. */
    public Path dataDir() {
        return dataDir;
    }

    /** Whether samples have a JSON column: not in a version 1 database opened read-only. */
    public boolean hasJson() {
        return schemaVersion >= 2;
    }

    /** Whether the database was opened read-only. */
    public boolean readOnly() {
        return readOnly;
    }

    /** The writer's connection; the caller serializes its use. */
    public DuckDBConnection writer() {
        return writer;
    }

    /** Runs read-only work on a connection of its own. */
    public <T> T read(Work<T> work) throws SQLException, HistorianException {
        DuckDBConnection c = idleReaders.poll();
        if (c == null) {
            synchronized (readerSource) {
                c = readerSource.duplicate();
            }
        }
        try {
            return work.run(c);
        } finally {
            if (!idleReaders.offer(c)) {
                closeQuietly(c);
            }
        }
    }

    /** Closes every connection; DuckDB checkpoints the write-ahead log into the file as the last one closes. */
    @Override
    public void close() {
        try {
            DuckDBConnection c;
            while ((c = idleReaders.poll()) != null) {
                closeQuietly(c);
            }
            closeQuietly(readerSource);
            closeQuietly(writer);
        } finally {
            release(dataDir, claim);
        }
    }

    private static void closeQuietly(@Nullable DuckDBConnection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // Nothing left to do with it.
            }
        }
    }
}
