package com.example.partner.connector.internal;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.connector.ConnectorSupport;
import io.convergence.api.event.EventBus;
import io.convergence.api.point.DataType;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

import org.osgi.framework.BundleContext;
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
 * <p>Lifecycle, as every connector has it: on activation it announces its points, registers itself
 * as a {@link Connector} service and starts its own thread, which publishes a {@link SampleBatch} to
 * the {@link SampleBus} every period. On deactivation (configuration deleted or changed, bundle
 * stopped or uninstalled) it stops its thread, waits for it, marks the end of its points' data with a
 * gap, and {@link ConnectorSupport#close() closes} its support, which unregisters the service,
 * withdraws the points and reports DISCONNECTED: nothing is left behind.
 *
 * <p>{@link ConnectorSupport} does what every connector does besides talking to its source: it holds
 * the state and reports each change as a connection event, announces the points and registers the
 * service with the properties the runtime looks for (DS cannot copy the configured {@code id} into
 * {@value Connector#ID_PROPERTY}, hence {@code service = {}} and registering through the support).
 */
@Component(service = {}, configurationPid = ExampleConnector.FACTORY_PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ExampleConfig.class, factory = true)
public final class ExampleConnector implements Connector {

    static final String FACTORY_PID = "com.example.partner.connector.counter";
    static final String TYPE = "example";

    private final SampleBus bus;
    private final ExampleConfig config;
    private final ConnectorSupport support;
    private final PointPath counter;
    private final PointPath temperature;
    private final ScheduledExecutorService thread;
    private long count;

    @Activate
    public ExampleConnector(BundleContext context, ExampleConfig config,
                            @Reference SampleBus bus, @Reference PointRegistry registry, @Reference EventBus events) {
        String id = config.id().isBlank() ? "example" : config.id().strip();
        this.bus = bus;
        this.config = config;
        this.support = new ConnectorSupport(id, TYPE, events, registry);
        PointPath prefix = config.pathPrefix().isBlank() ? PointPath.of("partner", id) : PointPath.parse(config.pathPrefix());
        this.counter = prefix.child("counter");
        this.temperature = prefix.child("temperature");
        support.announce(List.of(
            new PointInfo(counter, DataType.INTEGER, "", "Counts up once per period", id, "counter"),
            new PointInfo(temperature, DataType.DOUBLE, "°C", "Simulated temperature, a sine around the mean", id, "temperature")));
        support.register(context, this);

        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "example-connector-" + id);
            t.setDaemon(true);
            return t;
        });
        int period = Math.max(50, config.periodMs());
        thread.scheduleAtFixedRate(this::publish, 0, period, TimeUnit.MILLISECONDS);
        support.state(Status.CONNECTED, "publishing 2 points every " + period + " ms");
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        thread.shutdownNow();
        boolean stopped = thread.awaitTermination(5, TimeUnit.SECONDS);
        try {
            // the points' data ends here: a gap, so that no chart joins this run to the next
            bus.publish(support.gapsNow());
        } catch (RuntimeException e) {
            // the bus is going away with the runtime
        }
        support.close();
        if (!stopped) {
            throw new IllegalStateException("connector '" + id() + "': the publishing thread did not stop within 5 s");
        }
    }

    /** On the connector's thread: one batch with a row per point. */
    private void publish() {
        try {
            long micros = Micros.now();
            double seconds = micros / 1e6;
            double cycle = Math.max(1, config.temperatureCycleSeconds());
            double celsius = config.temperatureMean()
                + config.temperatureAmplitude() * Math.sin(2 * Math.PI * (seconds % cycle) / cycle);
            bus.publish(SampleBatch.builder(2)
                .add(counter, micros, count++, Quality.GOOD)
                .add(temperature, micros, celsius, Quality.GOOD)
                .build());
        } catch (RuntimeException e) {
            // never let an exception end the scheduled task silently
            support.state(Status.FAILED, "publishing failed: " + e);
        }
    }

    @Override
    public String id() {
        return support.id();
    }

    @Override
    public ConnectorState state() {
        return support.state();
    }

    @Override
    public List<PointInfo> points() {
        return support.points();
    }
}
