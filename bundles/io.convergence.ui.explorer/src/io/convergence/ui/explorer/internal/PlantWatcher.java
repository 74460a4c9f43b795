package io.convergence.ui.explorer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.convergence.api.connector.Connector;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointRegistry;
import io.convergence.ui.common.ServiceBinding;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.jspecify.annotations.Nullable;

/**
 * Follows the plant without polling: the point registry tells it when points change, the event
 * bus when a connection's state changes, e4 injection when connectors come or go. Each tells a
 * background job to look again, shortly after (a burst of changes becomes one look); the job
 * rebuilds the {@link ExplorerModel} if the points changed and updates the {@link Connections},
 * then hands the results to the UI thread through {@code asyncExec}, so the UI thread never waits
 * on a service.
 */
final class PlantWatcher {

    /** How long the job waits after a change before looking, so that a burst of changes is one look. */
    static final long SETTLE_MS = 100;

    private volatile @Nullable Display display;
    private final Connections connections;
    private final Consumer<ExplorerModel> onPoints;
    private final Runnable onConnections;
    private final ServiceBinding<PointRegistry> registry;
    private final ServiceBinding<EventBus> events;
    private final Job job;
    private volatile List<Connector> connectors = List.of();
    private volatile boolean stopped;
    private volatile boolean started;
    private long fingerprint = Long.MIN_VALUE;

    /**
     * @param onPoints called on the UI thread with a new model when the points changed
     * @param onConnections called on the UI thread when {@code connections} changed
     */
    PlantWatcher(Connections connections, Consumer<ExplorerModel> onPoints, Runnable onConnections) {
        this.connections = connections;
        this.onPoints = onPoints;
        this.onConnections = onConnections;
        this.registry = new ServiceBinding<>(r -> r.addListener(change -> lookSoon()));
        this.events = new ServiceBinding<>(b -> b.subscribe(e -> Event.CONNECTION.equals(e.type()), e -> lookSoon()));
        this.job = Job.create(Messages.Explorer_watching, this::look);
        job.setSystem(true);
    }

    /** The registry injected now, {@code null} when there is none. */
    void registry(@Nullable PointRegistry r) {
        registry.set(r);
        lookSoon();
    }

    /** The event bus injected now, {@code null} when there is none. */
    void events(@Nullable EventBus b) {
        events.set(b);
    }

    /** The connector services injected now. */
    void connectors(@Nullable List<Connector> all) {
        connectors = all == null ? List.of() : List.copyOf(all);
        lookSoon();
    }

    /** Starts handing results to the view, on its display's thread. */
    void start(Display d) {
        display = d;
        started = true;
        lookSoon();
    }

    void stop() {
        stopped = true;
        job.cancel();
        registry.close();
        events.close();
    }

    private void lookSoon() {
        if (started && !stopped) {
            job.schedule(SETTLE_MS);
        }
    }

    private IStatus look(IProgressMonitor monitor) {
        if (stopped) {
            return Status.CANCEL_STATUS;
        }
        PointRegistry r = registry.get();
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
        return Status.OK_STATUS;
    }

    private List<Connections.Found> found() {
        List<Connections.Found> out = new ArrayList<>();
        for (Connector c : connectors) {
            out.add(new Connections.Found(c.id(), c, c.state()));
        }
        return out;
    }

    private void ui(Runnable r) {
        Display d = display;
        if (!stopped && d != null && !d.isDisposed()) {
            d.asyncExec(() -> {
                if (!stopped) {
                    r.run();
                }
            });
        }
    }
}
