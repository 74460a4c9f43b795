package io.convergence.analytics.oee.core;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.convergence.api.oee.Definition;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * One line's OEE settings, checked.
 *
 * @param id the model's id
 * @param line the line's path; results go under {@code <line>/oee/…}
 * @param statePoint the machine state that tells running from stopped
 * @param runningStates state values that mean running
 * @param plannedStopStates state values that mean a planned stop (not planned production time)
 * @param totalCountPoint units made, a counter; may be null when good and reject counters are given
 * @param goodCountPoint good units, a counter; null if not given
 * @param rejectCountPoint rejected units, a counter; null if not given
 * @param reasonPoint the machine's reason code for a stop; null if none
 * @param orderPoint the production order running on the line (text, empty for none); null if none
 * @param idealCycleSeconds the ideal cycle time when no order gives one
 * @param shifts daily shifts (empty: from the business source, else one shift all day)
 * @param breaks daily breaks
 * @param zone the time zone of shifts, breaks and hours
 * @param microStopMicros stops shorter than this are small stops (a performance loss)
 * @param startupMicros rejects within this long of a start after a changeover are start-up rejects
 * @param graceMicros how long a live run waits for samples of every point before it accounts a time
 * @param counterModulus where counters wrap to 0 (such as 65536); 0: a decrease is a reset
 * @param setupReasons reason codes that are changeovers or adjustments (setup loss)
 * @param definition the OEE definition
 * @param erpSource the business source of orders, products, shifts, planned stops and reasons; null if none
 */
public record OeeSettings(String id, PointPath line, PointPath statePoint, Set<String> runningStates,
                          Set<String> plannedStopStates, @Nullable PointPath totalCountPoint,
                          @Nullable PointPath goodCountPoint, @Nullable PointPath rejectCountPoint,
                          @Nullable PointPath reasonPoint, @Nullable PointPath orderPoint, double idealCycleSeconds,
                          List<ShiftPattern> shifts, List<DailyWindow> breaks, ZoneId zone, long microStopMicros,
                          long startupMicros, long graceMicros, long counterModulus, Set<String> setupReasons,
                          Definition definition, @Nullable String erpSource) {

    /**
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public OeeSettings {
        if (id.isBlank()) {
            throw new IllegalArgumentException("id: a model needs an id");
        }
        if (runningStates.isEmpty()) {
            throw new IllegalArgumentException("runningStates: at least one state value must mean running");
        }
        int counters = (totalCountPoint != null ? 1 : 0) + (goodCountPoint != null ? 1 : 0)
            + (rejectCountPoint != null ? 1 : 0);
        if (counters < 2 && !(totalCountPoint != null && counters == 1)) {
            throw new IllegalArgumentException("totalCountPoint, goodCountPoint, rejectCountPoint: give the total count"
                + " and the good or reject count, or the good and reject counts");
        }
        if (!(idealCycleSeconds > 0) || Double.isInfinite(idealCycleSeconds)) {
            throw new IllegalArgumentException("idealCycleSeconds: must be above 0, not " + idealCycleSeconds);
        }
        if (microStopMicros < 0 || startupMicros < 0 || graceMicros < 0 || counterModulus < 0) {
            throw new IllegalArgumentException("microStopSeconds, startupSeconds, graceSeconds, counterModulus: none may be"
                + " negative");
        }
        for (String s : runningStates) {
            if (plannedStopStates.contains(s)) {
                throw new IllegalArgumentException("plannedStopStates: '" + s + "' is also a running state");
            }
        }
        runningStates = Set.copyOf(runningStates);
        plannedStopStates = Set.copyOf(plannedStopStates);
        shifts = List.copyOf(shifts);
        breaks = List.copyOf(breaks);
        setupReasons = Set.copyOf(setupReasons);
    }

    /** Settings with the usual defaults, for tests and tools: running = "running", no micro-stops. */
    public static OeeSettings of(String id, PointPath line, PointPath state, @Nullable PointPath total,
                                 @Nullable PointPath good, @Nullable PointPath reject, double idealCycleSeconds,
                                 List<ShiftPattern> shifts, List<DailyWindow> breaks, ZoneId zone) {
        return new OeeSettings(id, line, state, Set.of("running"), Set.of(), total, good, reject, null, null,
            idealCycleSeconds, shifts, breaks, zone, 0, 300 * Micros.PER_SECOND, 0, 0, Set.of(), Definition.COMMON, null);
    }

    /** The points the model reads. */
    public PointFilter inputs() {
        List<PointPath> p = new ArrayList<>();
        p.add(statePoint);
        for (PointPath x : new PointPath[] {totalCountPoint, goodCountPoint, rejectCountPoint, reasonPoint, orderPoint}) {
            if (x != null) {
                p.add(x);
            }
        }
        return PointFilter.paths(p);
    }

    /** {@code <line>/oee}. */
    public PointPath oeePath() {
        return line.child("oee");
    }

    /** Seconds of a length in microseconds, for messages. */
    static double seconds(long micros) {
        return micros / (double) Micros.PER_SECOND;
    }
}
