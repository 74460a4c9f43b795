package io.convergence.historian.duckdb.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import io.convergence.api.historian.HistorianException;

/** Turns DuckDB's failures to open a file into messages that name the data folder and the cause. */
final class OpenErrors {

    private static final List<String> LOCKED = List.of("Could not set lock", "Conflicting lock");
    private static final List<String> DENIED = List.of("Permission denied", "Read-only file system");
    private static final List<String> UNREADABLE = List.of("not a valid DuckDB database", "orrupt", "checksum",
        "version number", "Serialization Error", "INTERNAL Error", "Failed to read", "WAL");

    private OpenErrors() {
    }

    static HistorianException describe(Path dataDir, SQLException e) {
        String m = String.valueOf(e.getMessage());
        String what;
        if (containsAny(m, LOCKED)) {
            what = "is in use by another process; stop it, or wait until it closes the folder";
        } else if (containsAny(m, DENIED)) {
            what = "cannot be opened: permission denied";
        } else if (containsAny(m, UNREADABLE)) {
            what = "is not a readable historian database; it was left as it is";
        } else {
            what = "cannot be opened";
        }
        return new HistorianException(folder(dataDir) + Database.FILE_NAME + " " + what + " (" + m + ")", e);
    }

    static String folder(Path dataDir) {
        return "data folder " + dataDir + ": ";
    }

    private static boolean containsAny(String s, List<String> parts) {
        for (String p : parts) {
            if (s.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
