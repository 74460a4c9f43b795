package io.convergence.api.point;

import java.util.List;

/**
 * What one announcement or withdrawal changed in the {@link PointRegistry}.
 *
 * @param source the connector or model whose points changed
 * @param added points that are new
 * @param changed points whose type, unit, description or address changed
 * @param removed points that are gone
 * @since 1.1
 */
public record PointChange(String source, List<PointInfo> added, List<PointInfo> changed, List<PointInfo> removed) {

    /** Copies the lists. */
    public PointChange {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
