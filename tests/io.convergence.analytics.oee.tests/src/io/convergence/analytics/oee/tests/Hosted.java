package io.convergence.analytics.oee.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.convergence.analytics.oee.core.OeeJson;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.event.Registration;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.model.ModelHost;
import io.convergence.api.model.ModelStatus;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.JsonValue;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Sample;
import io.convergence.testing.Osgi;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The runtime an OEE model really runs in: the core services (bus, registry, events, recorder), the
 * embedded DuckDB historian on a folder of the test's, the model host (advancing five times a second,
 * checkpointing every second) and the OEE bundle's components, all configured through
 * ConfigurationAdmin as a configuration file would.
 */
final class Hosted implements AutoCloseable {

    static final String HISTORIAN_PID = "io.convergence.historian.duckdb";
    static final String HOST_PID = "io.convergence.models.host";
    static final String OEE_FACTORY = "io.convergence.analytics.oee";
    static final Map<String, Object> HOST = Map.of("checkpointSeconds", 1, "advanceMillis", 200, "retrySeconds", 1);

    final Path data;
    final Historian historian;
    final SampleBus bus;
    final List<Event> events = new CopyOnWriteArrayList<>();
    private final ServiceTracker<ModelHost, ModelHost> hosts;
    private final Configuration historianConfig;
    private final Configuration hostConfig;
    private final Registration listening;

    Hosted(Path dir) throws Exception {
        data = Files.createDirectories(dir.resolve("data"));
        hostConfig = Osgi.config(HOST_PID, HOST);
        historianConfig = Osgi.config(HISTORIAN_PID, Map.of("dataDir", data.toString()));
        historian = Osgi.await(Historian.class, "(convergence.historian.dataDir=" + data.toRealPath() + ")",
            Duration.ofSeconds(30));
        hosts = new ServiceTracker<>(context(), ModelHost.class, null);
        hosts.open();
        host();
        bus = Osgi.await(SampleBus.class);
        listening = Osgi.await(EventBus.class).subscribe(events::add);
    }

    @Override
    public void close() throws Exception {
        listening.close();
        hosts.close();
        historianConfig.delete();
        hostConfig.delete();
        await(() -> {
            try {
                return context().getServiceReferences(Historian.class, null).isEmpty();
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(20), () -> "the historian to go");
    }

    static BundleContext context() {
        return Osgi.context(Hosted.class);
    }

    /** The model host now (a new host configuration replaces the component, and so the service). */
    ModelHost host() throws InterruptedException {
        ModelHost h = hosts.waitForService(20_000);
        if (h == null) {
            throw new AssertionError("no model host within 20 s");
        }
        return h;
    }

    /** Replaces the host's configuration: the host component is restarted with every model in it. */
    void configureHost(int advanceMillis) throws Exception {
        Osgi.config(HOST_PID, Map.of("checkpointSeconds", 1, "advanceMillis", advanceMillis, "retrySeconds", 1));
    }

    static OeeService oee() {
        return Osgi.await(OeeService.class, "", Duration.ofSeconds(20));
    }

    ModelStatus awaitRunning(String id) throws InterruptedException {
        await(() -> {
            try {
                return host().models().stream().anyMatch(s -> s.id().equals(id) && s.state() == ModelStatus.State.RUNNING);
            } catch (InterruptedException e) {
                return false;
            }
        }, Duration.ofSeconds(30), () -> "model '" + id + "' running");
        return host().models().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** The stored samples of a point, oldest first. */
    List<Sample> stored(PointPath p) {
        try {
            return historian.samples(p, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), 100_000);
        } catch (HistorianException e) {
            throw new AssertionError(e);
        }
    }

    /** The stored figures of a period point ({@code <line>/oee/shift}, ...), oldest first. */
    List<OeeFigures> figures(PointPath p) {
        return stored(p).stream().map(s -> OeeJson.figures(json(s))).toList();
    }

    List<Stop> stops(PointPath p) {
        return stored(p).stream().map(s -> OeeJson.stop(json(s))).toList();
    }

    private static String json(Sample s) {
        return s.value() instanceof JsonValue j ? j.json() : String.valueOf(s.value());
    }

    List<Event> events(String source, String type) {
        return events.stream().filter(e -> e.source().equals(source) && e.type().equals(type)).toList();
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
}
