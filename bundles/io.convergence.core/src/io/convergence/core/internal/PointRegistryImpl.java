package io.convergence.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;

import org.osgi.service.component.annotations.Component;

/** The points announced by connectors and models, kept per source. */
@Component(service = PointRegistry.class)
public final class PointRegistryImpl implements PointRegistry {

    private final Map<String, Map<PointPath, PointInfo>> bySource = new ConcurrentHashMap<>();

    @Override
    public void announce(String source, Collection<PointInfo> points) {
        Map<PointPath, PointInfo> map = new ConcurrentHashMap<>();
        for (PointInfo p : points) {
            map.put(p.path(), p);
        }
        bySource.put(source, map);
    }

    @Override
    public void withdraw(String source) {
        bySource.remove(source);
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
}
