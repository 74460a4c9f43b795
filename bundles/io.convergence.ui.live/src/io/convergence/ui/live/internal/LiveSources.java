package io.convergence.ui.live.internal;

import java.util.List;
import java.util.Optional;

import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.connector.Connector;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Where the Live Values view gets data: a {@link Delivery#MAY_SKIP} subscription to the sample bus
 * for as long as the bus is there, the registry for units and types, and the point's connector for
 * a first value (a point that rarely changes would otherwise show nothing until it does).
 */
final class LiveSources {

    static final String SUBSCRIBER = "live-values";

    private final ServiceTracker<SampleBus, BusSubscription> bus;
    private final ServiceTracker<PointRegistry, PointRegistry> registry;
    private final ServiceTracker<Connector, Connector> connectors;
    private final LiveValuesModel model;

    LiveSources(BundleContext context, LiveValuesModel model) {
        this.model = model;
        this.bus = new ServiceTracker<>(context, SampleBus.class, new ServiceTrackerCustomizer<>() {
            @Override
            public BusSubscription addingService(ServiceReference<SampleBus> ref) {
                SampleBus b = context.getService(ref);
                return b.subscribe(SUBSCRIBER, Delivery.MAY_SKIP, model::onSamples);
            }

            @Override
            public void modifiedService(ServiceReference<SampleBus> ref, BusSubscription s) {
            }

            @Override
            public void removedService(ServiceReference<SampleBus> ref, BusSubscription s) {
                s.close();
                context.ungetService(ref);
            }
        });
        this.registry = new ServiceTracker<>(context, PointRegistry.class, null);
        this.connectors = new ServiceTracker<>(context, Connector.class, null);
    }

    void start() {
        registry.open();
        connectors.open();
        bus.open();
    }

    void stop() {
        bus.close();
        connectors.close();
        registry.close();
    }

    /** The registry's description of a point, if the registry knows it. */
    @Nullable PointInfo describe(PointPath point) {
        PointRegistry r = registry.getService();
        Optional<PointInfo> found = r == null ? Optional.empty() : r.find(point);
        return found.orElse(null);
    }

    /** Every point the registry knows. */
    List<PointInfo> points() {
        PointRegistry r = registry.getService();
        return r == null ? List.of() : r.points();
    }

    /** Asks the point's connector for its value now; the answer goes to the model, on the connector's thread. */
    void readFirstValue(PointInfo point) {
        ServiceReference<Connector>[] refs = connectors.getServiceReferences();
        if (refs == null) {
            return;
        }
        for (ServiceReference<Connector> ref : refs) {
            if (point.source().equals(ref.getProperty(Connector.ID_PROPERTY))) {
                Connector c = connectors.getService(ref);
                if (c != null) {
                    c.read(point.path()).thenAccept(model::offer);
                }
                return;
            }
        }
    }
}
