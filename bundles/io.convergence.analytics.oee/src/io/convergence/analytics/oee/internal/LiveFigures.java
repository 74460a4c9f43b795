package io.convergence.analytics.oee.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.Stop;

import org.jspecify.annotations.Nullable;

/** What the live run shows now: the running periods' figures and the running stop. Immutable. */
record LiveFigures(Map<Period, OeeFigures> current, @Nullable Stop stop) {

    static final LiveFigures NONE = new LiveFigures(Map.of(), null);

    LiveFigures {
        current = current.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(current));
    }

    Optional<OeeFigures> of(Period p) {
        return Optional.ofNullable(current.get(p));
    }
}
