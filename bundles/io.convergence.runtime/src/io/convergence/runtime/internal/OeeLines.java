package io.convergence.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.Period;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * The current shift's OEE of every line, for the demo's status line and its last lines; nothing
 * while no OEE service is registered (the OEE feature is not installed, or not started yet).
 */
final class OeeLines {

    private OeeLines() {
    }

    /** {@code "  oee LINE=0.812"} per line with figures; empty without. */
    static String status(@Nullable Object service) {
        if (!(service instanceof OeeService s)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (PointPath line : s.lines()) {
            // A shift whose first moments are not accounted yet has no figures worth showing.
            current(s, line).filter(f -> f.plannedSeconds() > 0).ifPresent(f -> b.append(String.format(Locale.ROOT, "  oee %s=%.3f (A=%.3f P=%.3f Q=%.3f)",
                line.name(), f.oee(), f.availability(), f.performance(), f.quality())));
        }
        return b.toString();
    }

    /** {@code oee: LINE availability=A performance=P quality=Q oee=O}, one per line. */
    static List<String> summary(@Nullable Object service) {
        List<String> out = new ArrayList<>();
        if (!(service instanceof OeeService s)) {
            return out;
        }
        for (PointPath line : s.lines()) {
            Optional<OeeFigures> f = current(s, line);
            if (f.isEmpty()) {
                out.add("oee: " + line + " no figures yet (the line's shift has no data)");
            } else if (f.get().plannedSeconds() <= 0) {
                // Nothing to measure against: the engine's 0, 0, 1 would read as a line failing completely.
                out.add("oee: " + line + " no figures yet (no planned production time in the shift so far:"
                    + " a break, a planned stop, or its first moments)");
            } else {
                OeeFigures x = f.get();
                out.add(String.format(Locale.ROOT, "oee: %s availability=%.4f performance=%.4f quality=%.4f oee=%.4f",
                    line, x.availability(), x.performance(), x.quality(), x.oee()));
            }
        }
        return out;
    }

    private static Optional<OeeFigures> current(OeeService s, PointPath line) {
        try {
            return s.current(line, Period.SHIFT);
        } catch (OeeException e) {
            return Optional.empty();
        }
    }
}
