package com.example.partner.connector.internal;

import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * An example connector: one instance per factory configuration of {@value #FACTORY_PID}, or one
 * with the defaults of {@link ExampleConfig} while there is none.
 *
 * <p>Lifecycle, as every connector has it: on activation it announces its points to the
 * {@link PointRegistry}, registers itself as a {@link Connector} service and starts its own
 * thread, which publishes a {@link SampleBatch} to the {@link SampleBus} every period. On
 * deactivation (configuration deleted or changed, bundle stopped or uninstalled) it unregisters,
 * stops its thread, waits for it and withdraws its points, leaving nothing behind.
 *
 * <p>The component registers its {@link Connector} service itself rather than through DS: the
 * service property {@value Connector#ID_PROPERTY} carries the configured {@code id}, which DS cannot
 * copy into a property of another name.
 */
@Component(service = {}, configurationPid = ExampleConnector.FACTORY_PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ExampleConfig.class, factory = true)
public final class ExampleConnector implements Connector {

    static final String FACTORY_PID = "com.example.partner.connector.counter";
    static final String TYPE = "example";

    private final String id;
    private final SampleBus bus;
    private final PointRegistry registry;
    private final EventBus events;
    private final ExampleConfig config;
    private final PointPath counter;
    private final PointPath temperature;
    private final List<PointInfo> points;
    private final ScheduledExecutorService thread;
    private final ServiceRegistration<Connector> registration;
    private volatile ConnectorState state;
    private long count;

    @Activate
    public ExampleConnector(BundleContext context, ExampleConfig config,
                            @Reference SampleBus bus, @Reference PointRegistry registry, @Reference EventBus events) {
        this.id = config.id().isBlank() ? "example" : config.id().strip();
        this.bus = bus;
        this.registry = registry;
        this.events = events;
        this.config = config;
        PointPath prefix = config.pathPrefix().isBlank() ? PointPath.of("partner", id) : PointPath.parse(config.pathPrefix());
        this.counter = prefix.child("counter");
        this.temperature = prefix.child("temperature");
        this.points = List.of(
            new PointInfo(counter, DataType.INTEGER, "", "Counts up once per period", id, "counter"),
            new PointInfo(temperature, DataType.DOUBLE, "°C", "Simulated temperature, a sine around the mean", id, "temperature"));
        this.state = new ConnectorState(Status.CONNECTING, "starting", Instant.now());

        registry.announce(id, points);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ID_PROPERTY, id);
        props.put(TYPE_PROPERTY, TYPE);
        props.put(Constants.SERVICE_DESCRIPTION, "Example Partner connector " + id);
        registration = context.registerService(Connector.class, this, props);

        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "example-connector-" + id);
            t.setDaemon(true);
            return t;
        });
        int period = Math.max(50, config.periodMs());
        thread.scheduleAtFixedRate(this::publish, 0, period, TimeUnit.MILLISECONDS);
        setState(Status.CONNECTED, "publishing " + points.size() + " points every " + period + " ms");
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
        thread.shutdownNow();
        if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("connector '" + id + "': the publishing thread did not stop within 5 s");
        }
        registry.withdraw(id);
        setState(Status.DISCONNECTED, "stopped");
    }

    /** On the connector's thread: one batch with a row per point. */
    private void publish() {
        try {
            Instant now = Instant.now();
            long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
            double seconds = micros / 1e6;
            double cycle = Math.max(1, config.temperatureCycleSeconds());
            double celsius = config.temperatureMean()
                + config.temperatureAmplitude() * Math.sin(2 * Math.PI * (seconds % cycle) / cycle);
            SampleBatch batch = SampleBatch.builder(2)
                .add(counter, micros, count++, Quality.GOOD)
                .add(temperature, micros, celsius, Quality.GOOD)
                .build();
            bus.publish(batch);
        } catch (RuntimeException e) {
            // never let an exception end the scheduled task silently
            setState(Status.FAILED, "publishing failed: " + e);
        }
    }

    private void setState(Status status, String detail) {
        ConnectorState previous = state;
        state = new ConnectorState(status, detail, Instant.now());
        if (previous.status() == status) {
            return;
        }
        try {
            events.publish(new Event(Instant.now(), id, Event.Kind.CONNECTION,
                status == Status.FAILED ? Event.Severity.ERROR : Event.Severity.INFO, detail,
                Map.of("state", status.name(), "connectorType", TYPE)));
        } catch (RuntimeException e) {
            // the event bus is going away too; the state is still right
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ConnectorState state() {
        return state;
    }

    @Override
    public List<PointInfo> points() {
        return points;
    }
}
