package io.convergence.ui.oee.internal.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.Period;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * What the OEE view read from the OEE service at one moment: the lines, the chosen line's current
 * shift and order, and its last shifts. Read on a background thread ({@link #read}); shown on the
 * UI thread through {@link OeePage}.
 *
 * @param status whether there is anything to show, and if not why
 * @param problem the service's own words when it refused ({@link Status#FAILED}), else empty
 * @param lines the lines with an OEE configuration
 * @param line the line shown; {@code null} unless {@link Status#OK}
 * @param shift the current shift's figures, if a shift runs
 * @param order the running order's figures, if an order runs
 * @param shifts the last shifts, oldest first, the running one last
 * @param readAt when it was read
 */
public record OeeSnapshot(Status status, String problem, List<PointPath> lines, @Nullable PointPath line,
                          @Nullable OeeFigures shift, @Nullable OeeFigures order, List<OeeFigures> shifts,
                          Instant readAt) {

    /** How far back the chart of the last shifts looks. */
    public static final Duration HISTORY = Duration.ofDays(3);
    /** At most this many shifts in the chart. */
    public static final int MAX_SHIFTS = 12;

    /** Why a snapshot has figures or not. */
    public enum Status {
        /** No OEE service is registered. */
        NO_SERVICE,
        /** The service runs but no line has an OEE configuration. */
        NO_LINES,
        /** The service refused or failed; {@link OeeSnapshot#problem} says why. */
        FAILED,
        /** Figures read. */
        OK
    }

    /**
     * Reads the figures of {@code wanted} (or of the first line when it is {@code null} or no longer
     * configured). Never throws: a refusal or failure of the service is a {@link Status#FAILED}
     * snapshot that carries its message.
     */
    public static OeeSnapshot read(@Nullable OeeService service, @Nullable PointPath wanted, Instant now) {
        if (service == null) {
            return new OeeSnapshot(Status.NO_SERVICE, "", List.of(), null, null, null, List.of(), now);
        }
        List<PointPath> lines;
        try {
            lines = List.copyOf(service.lines());
        } catch (RuntimeException e) {
            return failed(List.of(), e, now);
        }
        if (lines.isEmpty()) {
            return new OeeSnapshot(Status.NO_LINES, "", lines, null, null, null, List.of(), now);
        }
        PointPath line = wanted != null && lines.contains(wanted) ? wanted : lines.get(0);
        try {
            OeeFigures shift = service.current(line, Period.SHIFT).orElse(null);
            OeeFigures order = service.current(line, Period.ORDER).orElse(null);
            List<OeeFigures> all = service.figures(line, Period.SHIFT, now.minus(HISTORY), now);
            List<OeeFigures> last = all.subList(Math.max(0, all.size() - MAX_SHIFTS), all.size());
            return new OeeSnapshot(Status.OK, "", lines, line, shift, order, List.copyOf(last), now);
        } catch (OeeException | RuntimeException e) {
            return failed(lines, e, now);
        }
    }

    private static OeeSnapshot failed(List<PointPath> lines, Exception e, Instant now) {
        String m = e.getMessage();
        return new OeeSnapshot(Status.FAILED, m == null || m.isBlank() ? e.getClass().getSimpleName() : m, lines, null, null,
            null, List.of(), now);
    }
}
