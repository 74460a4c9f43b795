package io.convergence.core.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.core.Recorder;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.testing.Osgi;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The recorder as the runtime runs it: the real bus, the real embedded historian configured through
 * ConfigurationAdmin on a folder of the test, and a publisher thread standing in for a connector.
 */
final class Recording implements AutoCloseable {

    static final String HISTORIAN_PID = "io.convergence.historian.duckdb";
    static final String RECORDER_PID = "io.convergence.core.recorder";

    private final Path dataDir;
    private Configuration historianConfig;

    Recording(Path dataDir, Map<String, Object> recorderConfig) throws Exception {
        this.dataDir = dataDir;
        if (!recorderConfig.isEmpty()) {
            Osgi.config(RECORDER_PID, recorderConfig);
        }
        Files.createDirectories(dataDir);
        historianConfig = Osgi.config(HISTORIAN_PID, Map.of("dataDir", dataDir.toString()));
    }

    Historian historian() throws Exception {
        return Osgi.await(Historian.class, "(" + DuckDbHistorianStore.DATA_DIR_PROPERTY + "="
            + dataDir.toRealPath().toString().replace("\\", "\\\\") + ")", Duration.ofSeconds(30));
    }

    DuckDbHistorianStore store() throws Exception {
        return (DuckDbHistorianStore) historian();
    }

    static Recorder recorder() {
        return Osgi.await(Recorder.class, "", Duration.ofSeconds(30));
    }

    static SampleBus bus() {
        return Osgi.await(SampleBus.class);
    }

    /** Changes the historian's configuration (same folder): the component is replaced by a new one. */
    void reconfigureHistorian(Map<String, Object> extra) throws Exception {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("dataDir", dataDir.toString());
        historianConfig = Osgi.config(HISTORIAN_PID, props);
    }

    /** Points the historian's configuration at another folder (or at something that is not one). */
    void moveHistorianTo(Path folder) throws Exception {
        historianConfig = Osgi.config(HISTORIAN_PID, Map.of("dataDir", folder.toString()));
    }

    static boolean noHistorian() {
        return historians().isEmpty();
    }

    /** The numeric samples of a point, and the gap markers (bad samples without value). */
    static long[] countAndBad(Historian h, PointPath p) throws HistorianException {
        long count = 0;
        long bad = 0;
        for (Bucket b : h.buckets(p, Instant.EPOCH, Instant.parse("2200-01-01T00:00:00Z"), Duration.ofDays(365 * 100))) {
            count += b.count();
            bad += b.bad();
        }
        return new long[] {count, bad};
    }

    static List<Event> events(String type) {
        return Osgi.await(EventBus.class).recent(10_000).stream().filter(e -> e.type().equals(type)).toList();
    }

    @Override
    public void close() throws Exception {
        historianConfig.delete();
        Configuration r = Osgi.await(ConfigurationAdmin.class).getConfiguration(RECORDER_PID, "?");
        if (r.getProperties() != null) {
            r.delete();
        }
        awaitTrue(() -> historians().isEmpty(), "historian service gone");
        // The folder is closed just after the service goes.
        awaitTrue(() -> closed(dataDir), "historian folder closed");
    }

    /** Whether no historian of this process holds the folder open. */
    static boolean closed(Path folder) {
        try (DuckDbHistorianStore s = DuckDbHistorianStore.open(folder,
            io.convergence.historian.duckdb.StoreOptions.readOnlyDefaults())) {
            return true;
        } catch (HistorianException e) {
            return !e.getMessage().contains("in use");
        }
    }

    private static Collection<?> historians() {
        try {
            BundleContext c = Osgi.context(Recording.class);
            return c.getServiceReferences(Historian.class, null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(condition, what, Duration.ofSeconds(30));
    }

    static void awaitTrue(BooleanSupplier condition, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Disables a core component and waits until it is down. */
    static ComponentDescriptionDTO disable(String simpleName) throws Exception {
        ServiceComponentRuntime scr = Osgi.await(ServiceComponentRuntime.class);
        ComponentDescriptionDTO d = scr.getComponentDescriptionDTOs().stream()
            .filter(x -> x.name.endsWith("." + simpleName)).findFirst().orElseThrow();
        scr.disableComponent(d).getValue();
        return d;
    }

    static void enable(ComponentDescriptionDTO d) throws Exception {
        Osgi.await(ServiceComponentRuntime.class).enableComponent(d).getValue();
    }

    /**
     * Publishes batches of {@code rows} samples spread over {@code points} points from a thread of its
     * own, every {@code everyMs}, with source times that go up by a millisecond per row.
     */
    static final class Publisher implements AutoCloseable {
        final PointPath[] points;
        final AtomicLong published = new AtomicLong();
        final AtomicLong longestPublishNanos = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private final java.util.Random random = new java.util.Random(3);

        Publisher(SampleBus bus, String prefix, int points, int rows, long everyMs, long startMicros) {
            this.points = new PointPath[points];
            for (int i = 0; i < points; i++) {
                this.points[i] = PointPath.of("test", prefix, "p" + i);
            }
            thread = new Thread(() -> {
                long t = startMicros;
                while (running.get()) {
                    SampleBatch.Builder b = SampleBatch.builder(rows);
                    for (int i = 0; i < rows; i++) {
                        b.add(this.points[i % points], t, random.nextDouble(), Quality.GOOD);
                        t += Micros.PER_MILLI;
                    }
                    long start = System.nanoTime();
                    bus.publish(b.build());
                    longestPublishNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                    published.addAndGet(rows);
                    try {
                        Thread.sleep(everyMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "test-publisher-" + prefix);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }
}
