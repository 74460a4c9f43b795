package io.convergence.historian.duckdb.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

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
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final boolean readOnly;
    private final DuckDBConnection writer;
    private final DuckDBConnection readerSource;
    private final ArrayBlockingQueue<DuckDBConnection> idleReaders = new ArrayBlockingQueue<>(8);

    private final int schemaVersion;

    private Database(Path dataDir, boolean readOnly, DuckDBConnection writer, int schemaVersion) throws SQLException {
        this.dataDir = dataDir;
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
        if (!OPEN.add(dir)) {
            throw new HistorianException(OpenErrors.folder(dir) + FILE_NAME
                + " is in use by another historian in this process");
        }
        @Nullable DuckDBConnection c = null;
        try {
            c = connect(dir, readOnly, memoryLimitMb, threads);
            int version = Schema.prepare(c, dir, readOnly);
            return new Database(dir, readOnly, c, version);
        } catch (SQLException e) {
            closeQuietly(c);
            OPEN.remove(dir);
            throw OpenErrors.describe(dir, e);
        } catch (HistorianException | RuntimeException e) {
            closeQuietly(c);
            OPEN.remove(dir);
            throw e;
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
            OPEN.remove(dataDir);
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
