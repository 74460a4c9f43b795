package io.convergence.ui.live.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.connector.Connector;
import io.convergence.api.point.PointChange;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.ui.common.ServiceBinding;

import org.jspecify.annotations.Nullable;

/**
 * Where the Live Values view gets data, from the services e4 injects into the part: a
 * {@link Delivery#MAY_SKIP} subscription to the sample bus for the points shown only, the
 * registry's descriptions (units and types) as they are announced, and the point's connector for a
 * first value (a point that rarely changes would otherwise show nothing until it does).
 */
final class LiveSources implements AutoCloseable {

    static final String SUBSCRIBER = "live-values";

    private final LiveValuesModel model;
    private final Set<PointPath> shown = ConcurrentHashMap.newKeySet();
    private final ServiceBinding<SampleBus> bus;
    private final ServiceBinding<PointRegistry> registry;
    private volatile List<Connector> connectors = List.of();

    /**
     * @param described told, on the registry's thread, of the points shown that the registry
     *     describes anew (announced later than they were added, or changed)
     */
    LiveSources(LiveValuesModel model, Consumer<List<PointInfo>> described) {
        this.model = model;
        this.bus = new ServiceBinding<>(b -> b.subscribe(SUBSCRIBER, Delivery.MAY_SKIP, PointFilter.paths(shown),
            model::onSamples));
        this.registry = new ServiceBinding<>(r -> r.addListener(change -> {
            List<PointInfo> mine = mine(change);
            if (!mine.isEmpty()) {
                described.accept(mine);
            }
        }));
    }

    void bus(@Nullable SampleBus b) {
        bus.set(b);
    }

    void registry(@Nullable PointRegistry r) {
        registry.set(r);
    }

    void connectors(@Nullable List<Connector> all) {
        connectors = all == null ? List.of() : List.copyOf(all);
    }

    /** The points shown changed: the bus delivers theirs only. */
    void show(List<PointPath> points) {
        if (!shown.equals(Set.copyOf(points))) {
            shown.clear();
            shown.addAll(points);
            bus.reopen();
        }
    }

    /** The registry's description of a point, if the registry knows it. */
    @Nullable PointInfo describe(PointPath point) {
        PointRegistry r = registry.get();
        Optional<PointInfo> found = r == null ? Optional.empty() : r.find(point);
        return found.orElse(null);
    }

    /** Every point the registry knows. */
    List<PointInfo> points() {
        PointRegistry r = registry.get();
        return r == null ? List.of() : r.points();
    }

    /** Asks the point's connector for its value now; the answer goes to the model, on the connector's thread. */
    void readFirstValue(PointInfo point) {
        for (Connector c : connectors) {
            if (point.source().equals(c.id())) {
                c.read(point.path()).thenAccept(model::offer);
                return;
            }
        }
    }

    private List<PointInfo> mine(PointChange change) {
        return java.util.stream.Stream.concat(change.added().stream(), change.changed().stream())
            .filter(p -> shown.contains(p.path())).toList();
    }

    @Override
    public void close() {
        bus.close();
        registry.close();
    }
}
