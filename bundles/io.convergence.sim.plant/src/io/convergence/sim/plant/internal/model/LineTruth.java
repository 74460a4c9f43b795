package io.convergence.sim.plant.internal.model;

import java.util.Map;

/**
 * What the line did in part of one period (an order or a shift), as counted tick by tick at its
 * counting machine. Deltas: a period's whole truth is the sum of its deltas. A tick of the plant's
 * clock at time t covers {@code [t, t + tick)}: the state published at t and the units counted
 * since the tick before.
 *
 * @param scope the kind of period
 * @param id the order's or the shift's id
 * @param firstMillis the time of the first tick counted
 * @param endMillis the end of the last tick counted
 * @param runMillis time the counting machine ran
 * @param stopMillis time it stood still, by {@link DownReason} code ({@link DownReason#NONE}
 *     for short idles)
 * @param stops stops that began, by reason
 * @param good good units counted
 * @param reject rejected units counted
 */
public record LineTruth(Scope scope, String id, long firstMillis, long endMillis, long runMillis,
                        Map<Integer, Long> stopMillis, Map<Integer, Integer> stops, long good, long reject) {

    /** Kinds of period. */
    public enum Scope {
        ORDER, SHIFT
    }

    /** Copies the maps. */
    public LineTruth {
        stopMillis = Map.copyOf(stopMillis);
        stops = Map.copyOf(stops);
    }

    /** Time covered: running and stopped. */
    public long totalMillis() {
        return runMillis + stopMillis.values().stream().mapToLong(Long::longValue).sum();
    }
}
