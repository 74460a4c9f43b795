package io.convergence.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import io.convergence.api.event.Registration;
import io.convergence.api.point.PointChange;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointListener;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The points announced by connectors and models, kept per source. Changes reach listeners on one
 * thread of the registry's, in the order they happened: announcing is never held up by a listener.
 */
@Component(service = PointRegistry.class)
public final class PointRegistryImpl implements PointRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PointRegistryImpl.class);

    private final Map<String, Map<PointPath, PointInfo>> bySource = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<PointListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "convergence-points");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void announce(String source, Collection<PointInfo> points) {
        Map<PointPath, PointInfo> map = new LinkedHashMap<>();
        for (PointInfo p : points) {
            map.put(p.path(), p);
        }
        PointChange change;
        synchronized (bySource) {
            Map<PointPath, PointInfo> before = bySource.put(source, Map.copyOf(map));
            change = diff(source, before == null ? Map.of() : before, map);
        }
        tell(change);
    }

    @Override
    public void withdraw(String source) {
        PointChange change;
        synchronized (bySource) {
            Map<PointPath, PointInfo> before = bySource.remove(source);
            change = diff(source, before == null ? Map.of() : before, Map.of());
        }
        tell(change);
    }

    @Override
    public List<PointInfo> points() {
        List<PointInfo> all = new ArrayList<>();
        for (Map<PointPath, PointInfo> m : bySource.values()) {
            all.addAll(m.values());
        }
        all.sort(Comparator.comparing(PointInfo::path));
        return all;
    }

    @Override
    public Optional<PointInfo> find(PointPath path) {
        for (Map<PointPath, PointInfo> m : bySource.values()) {
            PointInfo p = m.get(path);
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public Registration addListener(PointListener listener) {
        synchronized (bySource) {
            // Queued under the lock, so no change slips between the snapshot and the first change.
            List<PointChange> now = new ArrayList<>();
            bySource.forEach((source, points) -> now.add(new PointChange(source,
                new ArrayList<>(points.values()), List.of(), List.of())));
            delivery.execute(() -> now.forEach(c -> deliver(listener, c)));
            listeners.add(listener);
        }
        return () -> listeners.remove(listener);
    }

    @Deactivate
    void deactivate() {
        delivery.shutdownNow();
    }

    private void tell(PointChange change) {
        if (change.isEmpty() || listeners.isEmpty()) {
            return;
        }
        try {
            delivery.execute(() -> {
                for (PointListener l : listeners) {
                    deliver(l, change);
                }
            });
        } catch (RejectedExecutionException e) {
            // the registry is going away with the runtime
        }
    }

    private static void deliver(PointListener l, PointChange change) {
        try {
            l.pointsChanged(change);
        } catch (RuntimeException e) {
            LOG.error("point listener failed on the points of '{}'", change.source(), e);
        }
    }

    private static PointChange diff(String source, Map<PointPath, PointInfo> before, Map<PointPath, PointInfo> after) {
        List<PointInfo> added = new ArrayList<>();
        List<PointInfo> changed = new ArrayList<>();
        List<PointInfo> removed = new ArrayList<>();
        after.forEach((path, info) -> {
            PointInfo old = before.get(path);
            if (old == null) {
                added.add(info);
            } else if (!old.equals(info)) {
                changed.add(info);
            }
        });
        before.forEach((path, info) -> {
            if (!after.containsKey(path)) {
                removed.add(info);
            }
        });
        return new PointChange(source, added, changed, removed);
    }
}
