package io.convergence.sim.plant.tests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convergence.sim.plant.internal.model.LinePlan;
import io.convergence.sim.plant.internal.model.LineStop;
import io.convergence.sim.plant.internal.model.LineTruth;
import io.convergence.sim.plant.internal.model.PlantLayout;

import org.jspecify.annotations.Nullable;

/** A plan held in lists, recording what the line reports: a planner without a database. */
final class ScriptedPlan implements LinePlan {

    /** One shift covering everything. */
    static final String SHIFT = "all-day";

    final List<PlannedOrder> orders = new ArrayList<>();
    final List<PlannedWindow> stops = new ArrayList<>();
    final Map<String, Long> started = new HashMap<>();
    final Map<String, Long> completed = new HashMap<>();
    final List<String> events = new ArrayList<>();
    final List<LineStop> stopLog = new ArrayList<>();
    final List<LineTruth> deltas = new ArrayList<>();

    @Override
    public String line() {
        return PlantLayout.LINE_PATH;
    }

    @Override
    public @Nullable PlannedOrder nextOrder(@Nullable String previous, long millis) {
        for (PlannedOrder o : orders) {
            if (!completed.containsKey(o.id()) && !o.id().equals(previous)) {
                return o;
            }
        }
        return null;
    }

    @Override
    public @Nullable PlannedWindow plannedStopAt(long millis) {
        for (PlannedWindow w : stops) {
            if (millis >= w.startMillis() && millis < w.endMillis()) {
                return w;
            }
        }
        return null;
    }

    @Override
    public List<String> shiftsAt(long millis) {
        return List.of(SHIFT);
    }

    @Override
    public void orderStarted(String orderId, long millis) {
        started.put(orderId, millis);
        events.add("start " + orderId);
    }

    @Override
    public void orderCompleted(String orderId, long millis) {
        completed.put(orderId, millis);
        events.add("end " + orderId);
    }

    @Override
    public void stopped(LineStop stop) {
        stopLog.add(stop);
    }

    @Override
    public void account(List<LineTruth> d) {
        deltas.addAll(d);
    }

    /** The sum of the deltas of one period. */
    Total total(LineTruth.Scope scope, String id) {
        Total t = new Total();
        for (LineTruth d : deltas) {
            if (d.scope() == scope && d.id().equals(id)) {
                t.first = Math.min(t.first, d.firstMillis());
                t.end = Math.max(t.end, d.endMillis());
                t.run += d.runMillis();
                d.stopMillis().forEach((r, ms) -> t.stopMillis.merge(r, ms, Long::sum));
                d.stops().forEach((r, n) -> t.stops.merge(r, n, Integer::sum));
                t.good += d.good();
                t.reject += d.reject();
            }
        }
        return t;
    }

    /** A period's whole account. */
    static final class Total {
        long first = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        long run;
        final Map<Integer, Long> stopMillis = new HashMap<>();
        final Map<Integer, Integer> stops = new HashMap<>();
        long good;
        long reject;

        long stopped() {
            return stopMillis.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
