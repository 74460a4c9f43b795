package io.convergence.historian.duckdb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import io.convergence.api.historian.HistorianException;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;

import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders that cannot be opened give a message that names them, and are left as they are. */
class OpenErrorTest {

    @TempDir
    Path dir;

    private HistorianException failsToOpen(Path folder, StoreOptions options) {
        return assertThrows(HistorianException.class, () -> DuckDbHistorianStore.open(folder, options).close());
    }

    @Test
    void garbageInTheDatabaseFileIsReportedAndLeftUntouched() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(dir.resolve(DuckDbHistorianStore.DATABASE_FILE), garbage);
        Map<String, String> before = Folders.snapshot(dir);
        for (StoreOptions o : new StoreOptions[] {StoreOptions.DEFAULTS, StoreOptions.readOnlyDefaults()}) {
            HistorianException e = failsToOpen(dir, o);
            assertTrue(e.getMessage().startsWith("data folder " + dir.toRealPath() + ": historian.duckdb is not a"
                + " readable historian database"), e.getMessage());
            assertEquals(before, Folders.snapshot(dir), "nothing written, created or deleted");
        }
        // The folder is released: a good database can be put in its place.
        Files.delete(dir.resolve(DuckDbHistorianStore.DATABASE_FILE));
        DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS).close();
    }

    @Test
    void anotherApplicationsDuckDbFileIsNotTakenOver() throws Exception {
        Path file = dir.resolve(DuckDbHistorianStore.DATABASE_FILE);
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + file, new Properties());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders(id INTEGER, product VARCHAR)");
            s.execute("INSERT INTO orders VALUES (1, 'crate')");
        }
        Map<String, String> before = Folders.snapshot(dir);
        HistorianException e = failsToOpen(dir, StoreOptions.DEFAULTS);
        assertTrue(e.getMessage().contains("historian.duckdb is a DuckDB database but not a historian's (tables [orders])"),
            e.getMessage());
        assertEquals(before, Folders.snapshot(dir));
    }

    @Test
    void aFileWhereTheFolderShouldBe() throws Exception {
        Path file = Files.writeString(dir.resolve("data"), "not a folder");
        HistorianException e = failsToOpen(file, StoreOptions.DEFAULTS);
        assertEquals("data folder " + file + ": this is a file, not a folder", e.getMessage());
    }

    @Test
    void readOnlyNeedsAnExistingDatabase() throws Exception {
        Path missing = dir.resolve("missing");
        assertEquals("data folder " + missing + ": the folder does not exist",
            failsToOpen(missing, StoreOptions.readOnlyDefaults()).getMessage());
        assertEquals("data folder " + dir + ": holds no historian database (historian.duckdb is missing)",
            failsToOpen(dir, StoreOptions.readOnlyDefaults()).getMessage());
        assertEquals(Map.of(), Folders.snapshot(dir), "read-only created nothing");
    }

    @Test
    void aMissingFolderIsCreatedForWriting() throws Exception {
        Path nested = dir.resolve("a/b/c");
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(nested, StoreOptions.DEFAULTS)) {
            assertEquals(nested.toRealPath(), h.dataDir());
            assertEquals(0, h.size());
        }
        assertTrue(Files.isRegularFile(nested.resolve(DuckDbHistorianStore.DATABASE_FILE)));
    }

    @Test
    void aFolderOpensOnceInAProcess() throws Exception {
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            HistorianException e = failsToOpen(dir.resolve("x/.."), StoreOptions.readOnlyDefaults());
            assertEquals("data folder " + dir.toRealPath() + ": historian.duckdb is in use by another historian in"
                + " this process", e.getMessage());
            assertEquals(0, h.size(), "the first one still works");
        }
        DuckDbHistorianStore.open(dir, StoreOptions.readOnlyDefaults()).close();
    }

    @Test
    void aFolderThatIsNotWritable() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(ro), "running as root: every folder is writable");
            assertEquals("data folder " + ro + ": the folder is not writable",
                failsToOpen(ro, StoreOptions.DEFAULTS).getMessage());
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
