package io.convergence.ui.downtime.internal.model;

import java.time.Instant;
import java.util.List;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.ReasonCode;
import io.convergence.api.oee.CostService;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.ReasonCost;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * What the Downtime view read at one moment: the stops of the chosen line and range, their cost
 * by reason when the cost service runs, and the reason codes an operator may pick.
 *
 * @param status whether there are stops to show, and if not why
 * @param problem the OEE service's words when it refused, else empty
 * @param lines the lines with an OEE configuration
 * @param line the line shown, {@code null} unless {@link Status#OK}
 * @param from the range's start
 * @param to the range's end (the time of reading)
 * @param stops the stops overlapping the range, by start
 * @param costs the downtime by reason, costliest first; empty when {@code costProblem} says why
 * @param costProblem why there are no costs (no cost service, or its refusal); empty when there are
 * @param reasons the reason codes of the business data; empty when {@code reasonsProblem} says why
 * @param reasonsProblem why no reasons can be picked; empty when they can
 */
public record DowntimeSnapshot(Status status, String problem, List<PointPath> lines, @Nullable PointPath line,
                               Instant from, Instant to, List<Stop> stops, List<ReasonCost> costs, String costProblem,
                               List<ReasonCode> reasons, String reasonsProblem) {

    /** Why a snapshot has stops or not. */
    public enum Status {
        NO_SERVICE, NO_LINES, FAILED, OK
    }

    /** The services read, any of them absent. */
    public record Services(@Nullable OeeService oee, @Nullable CostService cost, @Nullable BusinessData business) {
    }

    /** Reads the stops of {@code wanted} (or the first line) over {@code range}. Never throws. */
    public static DowntimeSnapshot read(Services s, @Nullable PointPath wanted, Range range, Instant now) {
        OeeService oee = s.oee();
        Instant from = now.minus(range.span());
        if (oee == null) {
            return empty(Status.NO_SERVICE, "", List.of(), from, now);
        }
        List<PointPath> lines;
        try {
            lines = List.copyOf(oee.lines());
        } catch (RuntimeException e) {
            return empty(Status.FAILED, text(e), List.of(), from, now);
        }
        if (lines.isEmpty()) {
            return empty(Status.NO_LINES, "", lines, from, now);
        }
        PointPath line = wanted != null && lines.contains(wanted) ? wanted : lines.get(0);
        List<Stop> stops;
        try {
            if (range == Range.SHIFT) {
                OeeFigures shift = oee.current(line, Period.SHIFT).orElse(null);
                if (shift != null) {
                    from = shift.from();
                }
            }
            stops = List.copyOf(oee.stops(line, from, now));
        } catch (OeeException | RuntimeException e) {
            return empty(Status.FAILED, text(e), lines, from, now);
        }
        List<ReasonCost> costs = List.of();
        String costProblem = "";
        CostService cost = s.cost();
        if (cost == null) {
            costProblem = Messages.Downtime_noCostService;
        } else {
            try {
                costs = List.copyOf(cost.downtimeByReason(line, from, now));
            } catch (OeeException | RuntimeException e) {
                costProblem = org.eclipse.osgi.util.NLS.bind(Messages.Downtime_costFailed, text(e));
            }
        }
        List<ReasonCode> reasons = List.of();
        String reasonsProblem = "";
        BusinessData business = s.business();
        if (business == null) {
            reasonsProblem = Messages.Downtime_noBusinessData;
        } else {
            try {
                reasons = List.copyOf(business.reasonCodes());
            } catch (RuntimeException e) {
                reasonsProblem = text(e);
            }
        }
        return new DowntimeSnapshot(Status.OK, "", lines, line, from, now, stops, costs, costProblem, reasons,
            reasonsProblem);
    }

    private static DowntimeSnapshot empty(Status status, String problem, List<PointPath> lines, Instant from, Instant to) {
        return new DowntimeSnapshot(status, problem, lines, null, from, to, List.of(), List.of(), "", List.of(), "");
    }

    static String text(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
