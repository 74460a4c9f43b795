package io.convergence.historian.duckdb.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a new file's name in the data folder durable. DuckDB fsyncs its database file and its
 * write-ahead log, but not the folder when it creates them, so after a power cut (not a mere process
 * kill) a freshly created log could be missing from the folder along with the commits in it.
 */
final class FolderSync {

    private FolderSync() {
    }

    static void sync(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some systems (Windows) cannot open a folder for syncing, and need not: nothing to do.
        }
    }
}
