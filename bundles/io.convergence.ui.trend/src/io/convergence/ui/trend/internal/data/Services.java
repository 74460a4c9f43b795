package io.convergence.ui.trend.internal.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.ui.trend.internal.model.Messages;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The services the trend uses, tracked as they come and go (the workbench configures the historian
 * in a background job, after the view may already be open): the historian, the sample bus and the
 * point registry. Callbacks come on whatever thread changed the service.
 */
public final class Services implements AutoCloseable {

    private final ServiceTracker<Historian, Historian> historian;
    private final ServiceTracker<SampleBus, SampleBus> bus;
    private final ServiceTracker<PointRegistry, PointRegistry> registry;

    /**
     * @param historianChanged called when a historian service came or went
     * @param busChanged called with the bus when one came, with {@code null} when it went
     */
    public Services(BundleContext ctx, Runnable historianChanged, Consumer<@Nullable SampleBus> busChanged) {
        historian = new ServiceTracker<>(ctx, Historian.class, null) {
            @Override
            public Historian addingService(ServiceReference<Historian> reference) {
                Historian h = super.addingService(reference);
                historianChanged.run();
                return h;
            }

            @Override
            public void removedService(ServiceReference<Historian> reference, Historian service) {
                super.removedService(reference, service);
                historianChanged.run();
            }
        };
        bus = new ServiceTracker<>(ctx, SampleBus.class, null) {
            @Override
            public SampleBus addingService(ServiceReference<SampleBus> reference) {
                SampleBus b = super.addingService(reference);
                busChanged.accept(b);
                return b;
            }

            @Override
            public void removedService(ServiceReference<SampleBus> reference, SampleBus service) {
                super.removedService(reference, service);
                busChanged.accept(null);
            }
        };
        registry = new ServiceTracker<>(ctx, PointRegistry.class, null);
    }

    /** Starts tracking; callbacks for services already there come now. */
    public Services open() {
        registry.open();
        historian.open();
        bus.open();
        return this;
    }

    /** The historian, or {@code null} while there is none. */
    public @Nullable Historian historian() {
        return historian.getService();
    }

    /** The point registry, or {@code null} while there is none. */
    public @Nullable PointRegistry registry() {
        return registry.getService();
    }

    /** What the registry knows of a point, or {@code null}. */
    public @Nullable PointInfo find(PointPath path) {
        PointRegistry r = registry();
        return r == null ? null : r.find(path).orElse(null);
    }

    /** The points the registry knows, sorted by path; empty without a registry. */
    public List<PointInfo> registryPoints() {
        PointRegistry r = registry();
        return r == null ? List.of() : r.points();
    }

    /**
     * The points the historian holds, as point infos without unit; for points recorded earlier and
     * not announced now. Blocks on the historian: call from a background job.
     */
    public List<PointInfo> historianPoints() throws HistorianException {
        Historian h = historian();
        if (h == null) {
            return List.of();
        }
        List<PointInfo> out = new ArrayList<>();
        for (PointSummary s : h.points()) {
            out.add(new PointInfo(s.point(), DataType.DOUBLE, "", Messages.historyOnly, "historian", null));
        }
        return out;
    }

    @Override
    public void close() {
        bus.close();
        historian.close();
        registry.close();
    }
}
