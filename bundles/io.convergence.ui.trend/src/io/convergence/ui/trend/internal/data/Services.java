package io.convergence.ui.trend.internal.data;

import java.util.ArrayList;
import java.util.List;

import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.ui.trend.internal.model.Messages;

import org.jspecify.annotations.Nullable;

/**
 * The services the trend reads, as e4 injects them into the part while they come and go (the
 * workbench configures the historian in a background job, after the view may already be open): the
 * historian and the point registry. The sample bus goes to the {@link LiveFeed}.
 */
public final class Services {

    private final Runnable historianChanged;
    private volatile @Nullable Historian historian;
    private volatile @Nullable PointRegistry registry;

    /** @param historianChanged called, on the injecting thread, when the historian came, went or changed */
    public Services(Runnable historianChanged) {
        this.historianChanged = historianChanged;
    }

    /** Takes the historian injected now, {@code null} when there is none. */
    public void historian(@Nullable Historian h) {
        if (h != historian) {
            historian = h;
            historianChanged.run();
        }
    }

    /** Takes the point registry injected now, {@code null} when there is none. */
    public void registry(@Nullable PointRegistry r) {
        registry = r;
    }

    /** The historian, or {@code null} while there is none. */
    public @Nullable Historian historian() {
        return historian;
    }

    /** The point registry, or {@code null} while there is none. */
    public @Nullable PointRegistry registry() {
        return registry;
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
}
