package io.convergence.ui.explorer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.convergence.api.connector.Connector;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointRegistry;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Watches the point registry and the connector services from a background job, once a second and
 * at once when a connector comes or goes. The registry's points are rebuilt into an
 * {@link ExplorerModel} only when their {@link ExplorerModel#fingerprint fingerprint} changed;
 * results reach the UI thread through {@code asyncExec}, so the UI thread never waits on a service.
 */
final class PlantWatcher {

    static final long PERIOD_MS = 1_000;

    private final Display display;
    private final Connections connections;
    private final Consumer<ExplorerModel> onPoints;
    private final Runnable onConnections;
    private final ServiceTracker<PointRegistry, PointRegistry> registry;
    private final ServiceTracker<Connector, Connector> connectors;
    private final Job job;
    private volatile boolean stopped;
    private long fingerprint = Long.MIN_VALUE;

    /**
     * @param onPoints called on the UI thread with a new model when the points changed
     * @param onConnections called on the UI thread when {@code connections} changed
     */
    PlantWatcher(BundleContext context, Display display, Connections connections, Consumer<ExplorerModel> onPoints,
                 Runnable onConnections) {
        this.display = display;
        this.connections = connections;
        this.onPoints = onPoints;
        this.onConnections = onConnections;
        this.registry = new ServiceTracker<>(context, PointRegistry.class, null);
        this.connectors = new ServiceTracker<>(context, Connector.class, new ServiceTrackerCustomizer<>() {
            @Override
            public Connector addingService(ServiceReference<Connector> ref) {
                Connector c = context.getService(ref);
                pollSoon();
                return c;
            }

            @Override
            public void modifiedService(ServiceReference<Connector> ref, Connector c) {
                pollSoon();
            }

            @Override
            public void removedService(ServiceReference<Connector> ref, Connector c) {
                context.ungetService(ref);
                pollSoon();
            }
        });
        this.job = Job.create(Messages.Explorer_watching, this::poll);
        job.setSystem(true);
    }

    void start() {
        registry.open();
        connectors.open();
        job.schedule();
    }

    void stop() {
        stopped = true;
        job.cancel();
        connectors.close();
        registry.close();
    }

    private void pollSoon() {
        if (!stopped) {
            job.schedule();
        }
    }

    private IStatus poll(IProgressMonitor monitor) {
        if (stopped) {
            return Status.CANCEL_STATUS;
        }
        PointRegistry r = registry.getService();
        List<PointInfo> points = r == null ? List.of() : r.points();
        long fp = ExplorerModel.fingerprint(points);
        if (fp != fingerprint) {
            fingerprint = fp;
            ExplorerModel model = ExplorerModel.of(points);
            ui(() -> onPoints.accept(model));
        }
        if (connections.update(found())) {
            ui(onConnections);
        }
        if (!stopped) {
            job.schedule(PERIOD_MS);
        }
        return Status.OK_STATUS;
    }

    private List<Connections.Found> found() {
        List<Connections.Found> out = new ArrayList<>();
        ServiceReference<Connector>[] refs = connectors.getServiceReferences();
        if (refs != null) {
            for (ServiceReference<Connector> ref : refs) {
                Connector c = connectors.getService(ref);
                if (c != null) {
                    Object id = ref.getProperty(Connector.ID_PROPERTY);
                    out.add(new Connections.Found(id == null ? c.id() : id.toString(), c, c.state()));
                }
            }
        }
        return out;
    }

    private void ui(Runnable r) {
        if (!stopped && !display.isDisposed()) {
            display.asyncExec(() -> {
                if (!stopped) {
                    r.run();
                }
            });
        }
    }
}
