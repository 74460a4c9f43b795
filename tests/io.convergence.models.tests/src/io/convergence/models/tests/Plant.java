package io.convergence.models.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.example.partner.model.internal.Settings;
import com.example.partner.model.internal.StatisticsModel;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.event.Registration;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.model.AnalyticsModel;
import io.convergence.api.model.ModelHost;
import io.convergence.api.model.ModelStatus;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.api.point.Sample;
import io.convergence.testing.Osgi;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The runtime the tests run models in: the real core services (bus, registry, events, recorder), the
 * embedded historian on a folder of the test's, and the model host, configured to advance five times
 * a second and checkpoint every second.
 */
final class Plant implements AutoCloseable {

    static final String HISTORIAN_PID = "io.convergence.historian.duckdb";
    static final String HOST_PID = "io.convergence.models.host";
    static final String DATA_DIR = "convergence.historian.dataDir";

    final Path data;
    final Historian historian;
    private final ServiceTracker<ModelHost, ModelHost> hosts;
    final SampleBus bus;
    final PointRegistry registry;
    final List<Event> events = new CopyOnWriteArrayList<>();
    private final Configuration historianConfig;
    private final Configuration hostConfig;
    private final Registration listening;

    private Plant(Path data, Configuration historianConfig, Configuration hostConfig) throws Exception {
        this.data = data;
        this.historianConfig = historianConfig;
        this.hostConfig = hostConfig;
        this.historian = Osgi.await(Historian.class, "(" + DATA_DIR + "=" + data.toRealPath() + ")", Duration.ofSeconds(30));
        this.hosts = new ServiceTracker<>(context(), ModelHost.class, null);
        this.hosts.open();
        host();
        this.bus = Osgi.await(SampleBus.class);
        this.registry = Osgi.await(PointRegistry.class);
        this.listening = Osgi.await(EventBus.class).subscribe(events::add);
    }

    static Plant start(Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Configuration host = Osgi.config(HOST_PID, Map.of("checkpointSeconds", 1, "advanceMillis", 200, "retrySeconds", 1));
        Configuration historian = Osgi.config(HISTORIAN_PID, Map.of("dataDir", data.toString()));
        return new Plant(data, historian, host);
    }

    @Override
    public void close() throws Exception {
        listening.close();
        hosts.close();
        historianConfig.delete();
        hostConfig.delete();
        BundleContext ctx = context();
        await(() -> {
            try {
                return ctx.getServiceReferences(Historian.class, null).isEmpty();
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(20), "the historian to go");
    }

    /** The model host now (a new configuration replaces the component, and so the service). */
    ModelHost host() {
        try {
            ModelHost h = hosts.waitForService(20_000);
            if (h == null) {
                throw new AssertionError("no model host within 20 s");
            }
            return h;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static BundleContext context() {
        return Osgi.context(Plant.class);
    }

    /** The template's statistics over every point below {@code prefix}, published under {@code models/ID}. */
    static StatisticsModel stats(String id, String prefix, int windowSeconds, int graceSeconds) {
        return new StatisticsModel(new Settings(id, Settings.inputs(prefix + "/**"), windowSeconds * Micros.PER_SECOND,
            graceSeconds * Micros.PER_SECOND, PointPath.parse("models/" + id)));
    }

    static ServiceRegistration<AnalyticsModel> register(AnalyticsModel model) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(AnalyticsModel.ID_PROPERTY, model.id());
        props.put(AnalyticsModel.TYPE_PROPERTY, "test");
        return context().registerService(AnalyticsModel.class, model, props);
    }

    ModelStatus status(String id) {
        return host().models().stream().filter(s -> s.id().equals(id)).findFirst()
            .orElseThrow(() -> new AssertionError("no model '" + id + "' in " + host().models()));
    }

    boolean hosts(String id) {
        return host().models().stream().anyMatch(s -> s.id().equals(id));
    }

    /** Waits until the model runs live (subscribed to the bus). */
    ModelStatus awaitRunning(String id) throws InterruptedException {
        await(() -> hosts(id) && status(id).state() == ModelStatus.State.RUNNING, Duration.ofSeconds(20),
            "model '" + id + "' running");
        return status(id);
    }

    /** The stored samples of a point, oldest first. */
    List<Sample> stored(PointPath p) {
        try {
            return historian.samples(p, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), 100_000);
        } catch (HistorianException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until the historian holds at least {@code n} samples of a point, and returns them. */
    List<Sample> awaitStored(PointPath p, int n, Duration timeout) throws InterruptedException {
        List<List<Sample>> got = new ArrayList<>(List.of(List.of()));
        await(() -> {
            got.set(0, stored(p));
            return got.get(0).size() >= n;
        }, timeout, n + " samples of " + p + " stored");
        return got.get(0);
    }

    /** Waits for an event of a model. */
    Event awaitEvent(String source, String type, Duration timeout) throws InterruptedException {
        Event[] found = new Event[1];
        await(() -> {
            for (Event e : events) {
                if (e.source().equals(source) && e.type().equals(type)) {
                    found[0] = e;
                    return true;
                }
            }
            return false;
        }, timeout, () -> "event " + type + " of " + source + " (seen: " + events + ")");
        return found[0];
    }

    List<Event> events(String source, String type) {
        return events.stream().filter(e -> e.source().equals(source) && e.type().equals(type)).toList();
    }

    /** The checkpoint file of a model (ids here are plain). */
    Path checkpoint(String id) {
        return data.resolve("models").resolve(id + ".checkpoint");
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        await(condition, timeout, () -> what);
    }

    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what.get());
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the wall clock is past a time. */
    static void sleepUntil(long micros) throws InterruptedException {
        long left = micros - Micros.now();
        if (left > 0) {
            Thread.sleep(left / 1000 + 1);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(to) > 0);
    }
}
