package io.convergence.historian.duckdb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;
import io.convergence.testing.Osgi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The historian as the runtime gets it: a DS component configured through ConfigurationAdmin. */
class ComponentTest {

    static final String PID = "io.convergence.historian.duckdb";
    static final PointPath P = PointPath.parse("acme/lyon/packaging/line1/filler/temperature");

    @TempDir
    Path dir;

    private Configuration config;

    @AfterEach
    void removeConfiguration() throws Exception {
        if (config != null) {
            config.delete();
            // Waits for SCR to have processed the deletion too, not only for the service to be gone: a failed
            // activation registers no service, and the next test's configuration of the same PID must not
            // reach SCR while it still holds this one.
            awaitTrue(() -> references().isEmpty() && componentStates().isEmpty(),
                "historian service and component configuration gone");
        }
    }

    @Test
    void registersTheHistorianWithItsFolderAndKeepsDataAcrossReactivation() throws Exception {
        Path data = dir.resolve("historian");
        config = Osgi.config(PID, Map.of("dataDir", data.toString()));
        Historian h = awaitHistorian(data);
        h.append(SampleBatch.builder(3).add(P, 1_000_000, 1, Quality.GOOD).add(P, 2_000_000, 2, Quality.GOOD)
            .addGap(P, 3_000_000).build());
        assertEquals(3, h.size());

        config.delete();
        config = null;
        awaitTrue(() -> references().isEmpty(), "service gone after the configuration was deleted");
        // The service goes first, then deactivation closes the database: then the folder opens here,
        // with everything on disk.
        long[] stored = {-1};
        awaitTrue(() -> {
            try (DuckDbHistorianStore s = DuckDbHistorianStore.open(data, StoreOptions.readOnlyDefaults())) {
                stored[0] = s.size();
                return true;
            } catch (HistorianException e) {
                return false;
            }
        }, "folder released by the deactivated component");
        assertEquals(3, stored[0]);

        config = Osgi.config(PID, Map.of("dataDir", data.toString(), "memoryLimitMb", 256, "threads", 1));
        Historian again = awaitHistorian(data);
        assertEquals(3, again.size());
        assertEquals(1, again.buckets(P, Instant.EPOCH, Instant.MAX, Duration.ofMinutes(1)).get(0).bad());
    }

    /**
     * A command of the runtime removes its historian's configuration and returns once the service is gone; the
     * next command, in the same process, opens the folder at once. The component closes the database only after
     * its service is unregistered (its users flush into it meanwhile), so that open must wait for the close
     * under way, not refuse the folder as held by another historian.
     */
    @Test
    void aFolderWhoseHistorianIsClosingOpensOnceItIsClosed() throws Exception {
        Path data = dir.resolve("historian");
        config = Osgi.config(PID, Map.of("dataDir", data.toString()));
        Historian h = awaitHistorian(data);
        h.append(SampleBatch.builder(2).add(P, 1_000_000, 1, Quality.GOOD).add(P, 2_000_000, 2, Quality.GOOD).build());

        // A reader in the middle of a stream holds the close back, as a long query would.
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                h.read(List.of(P), Instant.EPOCH, Instant.MAX, 1, batch -> {
                    reading.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (HistorianException e) {
                // the stream ends as the historian closes
            }
        }, "historian-reader");
        reader.start();
        assertTrue(reading.await(10, TimeUnit.SECONDS), "the stream started");

        config.delete();
        config = null;
        awaitTrue(() -> references().isEmpty(), "service gone after the configuration was deleted");

        CompletableFuture<Long> opened = CompletableFuture.supplyAsync(() -> {
            try (DuckDbHistorianStore s = DuckDbHistorianStore.open(data, StoreOptions.DEFAULTS)) {
                return s.size();
            } catch (HistorianException e) {
                throw new CompletionException(e);
            }
        });
        try {
            Thread.sleep(300);
            assertFalse(opened.isDone() && opened.isCompletedExceptionally(),
                () -> "the open did not wait for the closing historian: " + failure(opened));
        } finally {
            release.countDown();
        }
        assertEquals(2, opened.get(20, TimeUnit.SECONDS), "everything appended is in the folder");
        reader.join(10_000);
    }

    private static String failure(CompletableFuture<?> f) {
        try {
            f.join();
            return "none";
        } catch (CompletionException e) {
            return String.valueOf(e.getCause());
        }
    }

    @Test
    void aCorruptDatabaseFailsActivationWithAClearMessageAndIsLeftAlone() throws Exception {
        Path file = dir.resolve(DuckDbHistorianStore.DATABASE_FILE);
        Files.writeString(file, "this is not a database, ".repeat(1000));
        Map<String, String> before = Folders.snapshot(dir);
        config = Osgi.config(PID, Map.of("dataDir", dir.toString()));
        String[] failure = new String[1];
        awaitTrue(() -> (failure[0] = activationFailure()) != null, "activation failure reported by SCR");
        assertTrue(failure[0].contains("data folder " + dir.toRealPath() + ": historian.duckdb is not a readable"
            + " historian database"), failure[0]);
        assertTrue(references().isEmpty(), "no historian service");
        assertEquals(before, Folders.snapshot(dir));
    }

    @Test
    void retentionDeletesOldSamplesAtStart() throws Exception {
        long now = StoreQueryTest.micros(Instant.now());
        long day = 86_400_000_000L;
        try (DuckDbHistorianStore s = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            SampleBatch.Builder b = SampleBatch.builder(100);
            for (int i = 0; i < 50; i++) {
                b.add(P, now - 3 * day + i, i, Quality.GOOD);
                b.add(P, now - day / 2 + i, i, Quality.GOOD);
            }
            s.append(b.build());
        }
        config = Osgi.config(PID, Map.of("dataDir", dir.toString(), "retentionDays", 1));
        Historian h = awaitHistorian(dir);
        awaitTrue(() -> size(h) == 50, "samples older than a day deleted");
        assertEquals(StoreQueryTest.at(now - day / 2), h.points().get(0).first());
    }

    private static long size(Historian h) {
        try {
            return h.size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Historian awaitHistorian(Path data) throws Exception {
        Files.createDirectories(data);
        try {
            return Osgi.await(Historian.class, "(" + DuckDbHistorianStore.DATA_DIR_PROPERTY + "="
                + escape(data.toRealPath().toString()) + ")", Duration.ofSeconds(20));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; SCR's component configurations of " + PID + ": "
                + componentStates(), e);
        }
    }

    /** What SCR holds for the historian's PID: state and failure of each component configuration. */
    private static List<String> componentStates() {
        ServiceComponentRuntime scr = Osgi.await(ServiceComponentRuntime.class);
        List<String> states = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (d.configurationPid.length > 0 && d.configurationPid[0].equals(PID)) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    states.add("state " + c.state + (c.failure == null ? "" : " (" + c.failure + ")")
                        + " dataDir=" + c.properties.get("dataDir"));
                }
            }
        }
        return states;
    }

    private static Collection<ServiceReference<Historian>> references() {
        try {
            return context().getServiceReferences(Historian.class, null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String activationFailure() {
        ServiceComponentRuntime scr = Osgi.await(ServiceComponentRuntime.class);
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (d.configurationPid.length > 0 && d.configurationPid[0].equals(PID)) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        return c.failure;
                    }
                }
            }
        }
        return null;
    }

    private static BundleContext context() {
        return Osgi.context(ComponentTest.class);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
