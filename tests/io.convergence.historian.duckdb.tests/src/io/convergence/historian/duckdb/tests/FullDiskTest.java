package io.convergence.historian.duckdb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;
import io.convergence.testing.Tmpfs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The historian's disk fills up: on a tmpfs of a few megabytes (mounting needs root, as CI has).
 * Two ways DuckDB meets a full disk: appending to its write-ahead log fails (the commit fails, the
 * database goes on working), or a checkpoint (the log folded into the file, automatic at 16 MB of log)
 * fails, which invalidates the database instance until it is opened again. Either way what was
 * committed stays, the failed batch is not stored at all, and appends work again once there is room,
 * without a restart.
 */
class FullDiskTest {

    static final int BATCH = 20_000;
    static final int POINTS = 100;

    @TempDir
    Path tmp;

    private final Random random = new Random(7);
    private long time = StoreQueryTest.T0;
    private int batchNo;

    @Test
    void aFullLogFailsTheAppendWholeAndAppendsWorkAgainOnceThereIsRoom() throws Exception {
        try (Tmpfs fs = mount(8)) {
            Path filler = fs.fill("filler", 5L << 20);
            Path data = fs.dir().resolve("data");
            long acked = 0;
            try (DuckDbHistorianStore h = DuckDbHistorianStore.open(data, StoreOptions.DEFAULTS)) {
                SampleBatch failed = null;
                HistorianException full = null;
                while (full == null) {
                    SampleBatch b = batch();
                    try {
                        h.append(b);
                        acked += b.size();
                    } catch (HistorianException e) {
                        full = e;
                        failed = b;
                    }
                    assertTrue(batchNo < 1_000, "the disk never filled");
                }
                System.out.println("[historian] full log after " + acked + " samples: " + full.getMessage());
                assertTrue(full.getMessage().contains("the disk is full"), full.getMessage());
                assertInstanceOf(IOException.class, full.getCause(), "a storage failure: worth retrying");
                assertEquals(acked, h.size(), "nothing of the failed batch");
                PointPath freshOfFailed = failed.point(0);
                assertFalse(h.points().stream().anyMatch(p -> p.point().equals(freshOfFailed)), "not even its new point");

                Files.delete(filler);
                h.append(failed);
                acked += failed.size();
                h.append(batch());
                acked += BATCH;
                assertEquals(acked, h.size());
                assertEquals(0, h.reopened(), "the log failing does not invalidate the database");
            }
            try (DuckDbHistorianStore h = DuckDbHistorianStore.open(data, StoreOptions.DEFAULTS)) {
                assertEquals(acked, h.size(), "everything acknowledged, after a close and an open");
                assertEquals(0, h.interruptedPoints(), "a clean close");
            }
        }
    }

    @Test
    void aCheckpointOnAFullDiskLosesNothingCommittedAndTheStoreOpensItselfAgain() throws Exception {
        try (Tmpfs fs = mount(40)) {
            // Room for the 16 MB log, not for the checkpoint that follows it.
            Path filler = fs.fill("filler", 20L << 20);
            Path data = fs.dir().resolve("data");
            long acked = 0;
            try (DuckDbHistorianStore h = DuckDbHistorianStore.open(data, StoreOptions.DEFAULTS)) {
                HistorianException full = null;
                SampleBatch failed = null;
                while (full == null) {
                    SampleBatch b = batch();
                    try {
                        h.append(b);
                        acked += b.size();
                    } catch (HistorianException e) {
                        full = e;
                        failed = b;
                    }
                    assertTrue(batchNo < 1_000, "the disk never filled");
                }
                System.out.println("[historian] checkpoint on a full disk after " + acked + " samples: " + full.getMessage());
                assertTrue(full.getMessage().contains("checkpoint"), full.getMessage());
                assertTrue(full.getMessage().contains("the disk is full"), full.getMessage());
                assertInstanceOf(IOException.class, full.getCause());

                // Invalidated; opened again by the next call (replaying the log needs no room), and every
                // committed batch is readable while the disk is still full.
                Thread.sleep(1_100);
                assertEquals(acked, h.size());
                assertEquals(1, h.reopened());

                Files.delete(filler);
                // The store opens the database again by itself (at most once a second): retry as the recorder does.
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (true) {
                    try {
                        h.append(failed);
                        acked += failed.size();
                        break;
                    } catch (HistorianException e) {
                        assertInstanceOf(IOException.class, e.getCause(), e.getMessage());
                        assertTrue(System.nanoTime() < deadline, "not writable again after the disk was freed: " + e);
                        Thread.sleep(200);
                    }
                }
                assertTrue(h.reopened() >= 1);
                assertEquals(acked, h.size(), "every committed batch survived the failed checkpoint");
                h.append(batch());
                acked += BATCH;
            }
            try (DuckDbHistorianStore h = DuckDbHistorianStore.open(data, StoreOptions.DEFAULTS)) {
                assertEquals(acked, h.size());
                System.out.println("[historian] after the failed checkpoint, freeing the disk and reopening: " + acked
                    + " samples acknowledged, " + h.size() + " present");
            }
        }
    }

    /** Random values (they compress badly, so the disk fills soon), with a new point in every batch. */
    private SampleBatch batch() {
        SampleBatch.Builder b = SampleBatch.builder(BATCH);
        PointPath fresh = PointPath.of("disk", "batch" + batchNo++);
        b.add(fresh, time++, 1, Quality.GOOD);
        for (int i = 1; i < BATCH; i++) {
            b.add(PointPath.of("disk", "p" + i % POINTS), time++, random.nextDouble(), Quality.GOOD);
        }
        return b.build();
    }

    private Tmpfs mount(int megabytes) throws Exception {
        Tmpfs fs = Tmpfs.mount(tmp.resolve("small"), megabytes);
        assumeTrue(fs != null, "mounting a tmpfs needs root (CI runs as root)");
        return fs;
    }
}
