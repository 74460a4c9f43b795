package io.convergence.historian.duckdb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that appends (SIGKILL, no shutdown hook, no checkpoint) and checks that every
 * acknowledged batch is there after DuckDB replays its write-ahead log, no part of any batch, and that
 * the next writer marks the gap the killed one left.
 */
class CrashTest {

    static final int SIZE = 20_000;
    static final int POINTS = 10;

    @TempDir
    Path tmp;

    @Test
    void acknowledgedAppendsSurviveKillDashNine() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("data"));
        Path childTmp = Files.createDirectory(tmp.resolve("child-tmp"));
        Path err = tmp.resolve("child.err");
        ProcessBuilder pb = ChildJvm.command(childTmp, "io.convergence.historian.duckdb.internal.CrashProbe",
            List.of(dir.toString(), Integer.toString(SIZE), "1000", Integer.toString(POINTS)),
            "io.convergence.historian.duckdb", "io.convergence.api", "org.duckdb.duckdb_jdbc", "slf4j.api");
        pb.redirectError(err.toFile());
        Process child = pb.start();
        int acked = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean lockChecked = false;
            while (acked < 5 && (line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    acked = Integer.parseInt(line.substring(6));
                }
                if (acked >= 0 && !lockChecked) {
                    // While the child writes, this process can open the folder neither way.
                    for (StoreOptions o : new StoreOptions[] {StoreOptions.DEFAULTS, StoreOptions.readOnlyDefaults()}) {
                        HistorianException e = assertThrows(HistorianException.class,
                            () -> DuckDbHistorianStore.open(dir, o).close());
                        assertTrue(e.getMessage().startsWith("data folder " + dir.toRealPath()
                            + ": historian.duckdb is in use by another process"), e.getMessage());
                        System.out.println("[historian] while another process writes, open" + (o.readOnly() ? " read-only" : "")
                            + " fails: " + e.getMessage());
                    }
                    lockChecked = true;
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "child killed");
        } finally {
            child.destroyForcibly();
        }
        if (acked < 5) {
            fail("the child stopped after " + acked + " acks (exit " + child.exitValue() + "): " + Files.readString(err));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        Path wal = dir.resolve(DuckDbHistorianStore.DATABASE_FILE + ".wal");
        assertTrue(Files.size(wal) > 0, "the acknowledged batches are in the write-ahead log, not yet checkpointed");

        // Read-only first: DuckDB replays the log in memory and writes nothing.
        Map<String, String> files = Folders.snapshot(dir);
        long readOnlySize;
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.readOnlyDefaults())) {
            readOnlySize = h.size();
        }
        assertEquals(files, Folders.snapshot(dir), "a read-only open after a crash changes nothing");

        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            // The killed writer never closed the folder: each point's series gets a gap marker.
            assertEquals(POINTS, h.interruptedPoints());
            long size = h.size() - POINTS;
            assertEquals(readOnlySize, size);
            assertEquals(0, size % SIZE, "whole batches only: " + size);
            long batches = size / SIZE;
            assertTrue(batches >= acked + 1, "batches 0.." + acked + " were acknowledged, " + batches + " found");
            System.out.println("[historian] killed after ack of batch " + acked + "; found " + batches
                + " whole batches, and a gap marked after the last sample of each of " + POINTS + " points");
            for (int p = 0; p < POINTS; p++) {
                PointPath point = PointPath.of("probe", "p" + p);
                // Batch k lies in [k * SIZE, (k + 1) * SIZE) ms and holds the value k SIZE / POINTS times.
                List<Bucket> perBatch = h.buckets(point, Instant.EPOCH, Instant.MAX, Duration.ofMillis(SIZE));
                assertEquals(batches, perBatch.size());
                for (int k = 0; k < batches; k++) {
                    Bucket b = perBatch.get(k);
                    assertEquals(Instant.ofEpochMilli((long) k * SIZE), b.start());
                    assertEquals(SIZE / POINTS, b.count(), "batch " + k + " of point " + p);
                    assertEquals(k, b.min());
                    assertEquals(k, b.max());
                    assertEquals(k == batches - 1 ? 1 : 0, b.bad(), "the gap marker in the last batch only");
                }
                // The marker lies one microsecond after the point's last sample, in the samples' own time base.
                long last = ((batches - 1) * SIZE + SIZE - POINTS + p) * 1_000L;
                List<Sample> end = h.samples(point, StoreQueryTest.at(last), Instant.MAX, 10);
                assertEquals(2, end.size(), end.toString());
                assertEquals(Quality.GOOD, end.get(0).quality());
                assertEquals(StoreQueryTest.at(last + 1), end.get(1).time());
                assertEquals(Quality.BAD, end.get(1).quality());
                assertNull(end.get(1).value());
            }
            assertNotNull(h.points());
        }
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            assertEquals(0, h.interruptedPoints(), "closed cleanly this time: nothing more to mark");
        }
    }
}
