package io.convergence.historian.duckdb.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

import io.convergence.api.historian.HistorianException;

/**
 * Tells DuckDB's failures apart: those of the storage (a full disk, an I/O error, a lock, memory),
 * which pass and are worth retrying, from those of the data, which fail the same way every time.
 * DuckDB reports both as {@link SQLException} with a message that starts with the kind of error.
 *
 * <p>A storage failure leaves the store's exception with an {@link IOException} as its cause: that is
 * how a caller such as the recorder knows to retry the same batch later. Some storage failures (a
 * checkpoint that hit a full disk) also invalidate the database instance: it must be closed and opened
 * again before it works, even once the disk has room.
 */
final class Failures {

    private static final List<String> STORAGE = List.of("IO Error", "Could not write", "Could not read",
        "No space left", "Disk full", "disk is full", "Could not set lock", "Conflicting lock", "Failed to commit",
        "Out of Memory", "invalidated", "FATAL Error", "INTERNAL Error", "Interrupted", "Could not truncate",
        "Could not fsync", "Could not open file");
    private static final List<String> FATAL = List.of("invalidated", "FATAL Error", "INTERNAL Error");
    private static final List<String> FULL = List.of("No space left on device", "Disk full", "disk is full");

    private Failures() {
    }

    /** Whether a failure is the storage's, not the data's: retrying later may succeed. */
    static boolean ofStorage(SQLException e) {
        return containsAny(e, STORAGE);
    }

    /** Whether DuckDB invalidated the database: it works again only once closed and reopened. */
    static boolean invalidates(SQLException e) {
        return containsAny(e, FATAL);
    }

    /** Whether a failure, anywhere in its causes, is one that invalidated the database. */
    static boolean invalidates(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e && invalidates(e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a failure, anywhere in its causes, says the disk is full. */
    static boolean diskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            for (String f : FULL) {
                if (m.contains(f)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The store's exception for a storage failure: its cause is an {@link IOException}, so it is retried. */
    static HistorianException storage(String message, Throwable cause) {
        return new HistorianException(message, new IOException(String.valueOf(cause.getMessage()), cause));
    }

    private static boolean containsAny(SQLException e, List<String> parts) {
        String m = String.valueOf(e.getMessage());
        for (String p : parts) {
            if (m.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
