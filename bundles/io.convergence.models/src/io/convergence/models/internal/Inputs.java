package io.convergence.models.internal;

import java.util.List;
import java.util.Set;

import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointPath;

/**
 * The points a model consumes: those its filter matches, less its own outputs (a model whose inputs
 * are a prefix that holds its outputs would otherwise feed on itself).
 */
record Inputs(PointFilter filter, Set<PointPath> outputs) {

    Inputs {
        outputs = Set.copyOf(outputs);
    }

    boolean accepts(PointPath point) {
        return filter.matches(point) && !outputs.contains(point);
    }

    /** The stored points the model consumes, in path order: what a read of history covers. */
    List<PointPath> stored(Historian historian) throws HistorianException {
        if (filter.isEmpty()) {
            return List.of();
        }
        return historian.points().stream().map(PointSummary::point).filter(this::accepts).toList();
    }
}
