package io.convergence.sim.plant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convergence.sim.plant.internal.model.DownReason;
import io.convergence.sim.plant.internal.model.LineController;
import io.convergence.sim.plant.internal.model.LinePlan.PlannedOrder;
import io.convergence.sim.plant.internal.model.LinePlan.PlannedWindow;
import io.convergence.sim.plant.internal.model.LineStop;
import io.convergence.sim.plant.internal.model.LineTruth;
import io.convergence.sim.plant.internal.model.MachineModel;
import io.convergence.sim.plant.internal.model.MachineState;
import io.convergence.sim.plant.internal.model.PlantModel;

import org.junit.jupiter.api.Test;

/**
 * A line following a plan, without a server or a database: orders at their product's speed, one
 * after the other, changeovers when the product changes, planned stops, and an account of what it
 * did that matches what it published tick by tick.
 */
class LineControllerTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final int TICK = 100;

    @Test
    void ordersRunOneAfterTheOtherAtTheirProductsSpeedWithAChangeoverWhenTheProductChanges() {
        ScriptedPlan plan = new ScriptedPlan();
        plan.orders.add(new PlannedOrder("PO-1", "WATER-050", 12000, 0, 0.1, 900));
        plan.orders.add(new PlannedOrder("PO-2", "WATER-050", 2000, 0, 0.1, 900));
        plan.orders.add(new PlannedOrder("PO-3", "WATER-150", 1500, 0, 0.125, 300));
        PlantModel p = new PlantModel(7, 4, 0, TICK, T0);
        p.follow(plan);
        MachineModel filler = p.machines().get(0);
        Watcher w = new Watcher(p);

        double speedSum = 0;
        int speedTicks = 0;
        int changeoverTicks = 0;
        for (int t = 0; t < 40_000 && plan.completed.size() < 3; t++) {
            p.step();
            w.observe();
            LineController line = p.line();
            String order = line.order() == null ? null : line.order().id();
            if ("PO-1".equals(order) && filler.state() == MachineState.RUNNING && filler.speed() > 500) {
                speedSum += filler.speed();
                speedTicks++;
            }
            if ("PO-3".equals(order) && filler.downReason() == DownReason.CHANGEOVER) {
                changeoverTicks++;
                for (MachineModel m : p.machines()) {
                    assertEquals(MachineState.DOWN, m.state(), "every machine is down for the changeover");
                }
            }
        }
        assertEquals(List.of("start PO-1", "end PO-1", "start PO-2", "end PO-2", "start PO-3", "end PO-3"), plan.events);
        assertEquals(T0 + TICK, plan.started.get("PO-1"), "the first order starts at the first tick, without a changeover");
        assertEquals(plan.completed.get("PO-1"), plan.started.get("PO-2"), "the next order starts when the last one ends");
        assertEquals(plan.completed.get("PO-2"), plan.started.get("PO-3"));
        assertEquals(570, speedSum / speedTicks, 3, "0.1 s ideal cycle: 600/min ideal, run at 95 %");
        assertEquals(3000, changeoverTicks, "300 s of changeover to WATER-150, and none between two orders of WATER-050");
        assertEquals(456, filler.speedSetpoint(), 0.01, "WATER-150: 0.125 s ideal cycle, 480/min, 95 %");

        long unplanned = 0;
        for (PlannedOrder o : plan.orders) {
            ScriptedPlan.Total t = plan.total(LineTruth.Scope.ORDER, o.id());
            long window = plan.completed.get(o.id()) - plan.started.get(o.id());
            assertEquals(plan.started.get(o.id()), t.first, o.id() + " account starts with the order");
            assertEquals(plan.completed.get(o.id()), t.end, o.id() + " account ends with the order");
            assertEquals(window, t.run + t.stopped(), o.id() + ": every tick of the window is running or stopped");
            assertTrue(t.good >= o.quantity() && t.good <= o.quantity() + 2,
                o.id() + ": the order ends at the tick its quantity is reached: " + t.good + " of " + o.quantity());
            assertEquals(w.good.get(o.id()), t.good, o.id() + " good units, as published");
            assertEquals(w.reject.get(o.id()), t.reject, o.id() + " rejects, as published");
            assertEquals(w.run.getOrDefault(o.id(), 0L), t.run, o.id() + " running time, as published");
            assertEquals(w.stopped.getOrDefault(o.id(), 0L), t.stopped(), o.id() + " stopped time, as published");
            unplanned += t.stopped() - t.stopMillis.getOrDefault(DownReason.CHANGEOVER, 0L);
        }
        assertTrue(unplanned > 0, "besides changeovers, the line stops by itself now and then");
        assertEquals(300_000, plan.total(LineTruth.Scope.ORDER, "PO-3").stopMillis.get(DownReason.CHANGEOVER),
            "the changeover is booked to the order it prepares");
        assertNull(plan.total(LineTruth.Scope.ORDER, "PO-2").stopMillis.get(DownReason.CHANGEOVER));
    }

    @Test
    void plannedStopsHoldEveryMachineAndNoOrderStartsDuringOne() {
        ScriptedPlan plan = new ScriptedPlan();
        plan.orders.add(new PlannedOrder("PO-1", "WATER-050", 1_000_000, 0, 0.1, 0));
        plan.stops.add(new PlannedWindow("break-1", DownReason.BREAK, T0 + 60_000, T0 + 90_000));
        plan.stops.add(new PlannedWindow("pm-1", DownReason.PLANNED_MAINTENANCE, T0 + 200_000, T0 + 260_000));
        PlantModel p = new PlantModel(3, 4, 0, TICK, T0);
        p.follow(plan);
        for (int t = 0; t < 3000; t++) {
            p.step();
            long now = p.nowMillis();
            PlannedWindow w = plan.plannedStopAt(now);
            for (MachineModel m : p.machines()) {
                if (w != null) {
                    assertEquals(MachineState.DOWN, m.state(), m.name() + " at +" + (now - T0) + " ms");
                    assertEquals(w.reason(), m.downReason());
                } else {
                    assertFalse(m.planHeld(), m.name() + " runs by itself outside planned stops");
                }
            }
        }
        ScriptedPlan.Total shift = plan.total(LineTruth.Scope.SHIFT, ScriptedPlan.SHIFT);
        assertEquals(30_000, shift.stopMillis.get(DownReason.BREAK));
        assertEquals(60_000, shift.stopMillis.get(DownReason.PLANNED_MAINTENANCE));
        assertEquals(1, shift.stops.get(DownReason.BREAK));
        assertEquals(300_000, shift.run + shift.stopped(), "the shift's account covers every tick");
        assertTrue(plan.stopLog.contains(new LineStop(T0 + 60_000, T0 + 90_000, DownReason.BREAK, "PO-1")),
            "the break is in the stop log: " + plan.stopLog);

        // An order ready during a break starts when the break ends.
        ScriptedPlan late = new ScriptedPlan();
        late.stops.add(new PlannedWindow("break-1", DownReason.BREAK, T0, T0 + 10_000));
        late.orders.add(new PlannedOrder("PO-9", "WATER-050", 10, 0, 0.1, 0));
        PlantModel q = new PlantModel(3, 4, 0, TICK, T0);
        q.follow(late);
        for (int t = 0; t < 200; t++) {
            q.step();
        }
        assertEquals(T0 + 10_000, late.started.get("PO-9"));
    }

    @Test
    void withoutOrdersTheLineIsDownForNoOrdersAndAResumedOrderKeepsItsCount() {
        ScriptedPlan plan = new ScriptedPlan();
        PlantModel p = new PlantModel(5, 3, 0, TICK, T0);
        p.follow(plan);
        for (int t = 0; t < 100; t++) {
            p.step();
        }
        for (MachineModel m : p.machines()) {
            assertEquals(MachineState.DOWN, m.state());
            assertEquals(DownReason.NO_ORDERS, m.downReason());
        }
        // A restarted plant resumes an order that has 4,900 of 5,000 units already.
        plan.orders.add(new PlannedOrder("PO-5", "WATER-050", 5000, 4900, 0.1, 600));
        for (int t = 0; t < 600 && !plan.completed.containsKey("PO-5"); t++) {
            p.step();
        }
        assertNotNull(plan.completed.get("PO-5"), "the last 100 units take about 11 s");
        ScriptedPlan.Total t = plan.total(LineTruth.Scope.ORDER, "PO-5");
        assertTrue(t.good >= 100 && t.good <= 102, "counted " + t.good);
        assertEquals(10_000, plan.total(LineTruth.Scope.SHIFT, ScriptedPlan.SHIFT).stopMillis.get(DownReason.NO_ORDERS));

        p.follow(null);
        for (MachineModel m : p.machines()) {
            assertFalse(m.planHeld(), "without a plan the machines run by themselves");
        }
    }

    @Test
    void theSameSeedAndPlanGiveTheSameAccount() {
        ScriptedPlan a = new ScriptedPlan();
        ScriptedPlan b = new ScriptedPlan();
        for (ScriptedPlan plan : List.of(a, b)) {
            plan.orders.add(new PlannedOrder("PO-1", "A", 4000, 0, 0.1, 120));
            plan.orders.add(new PlannedOrder("PO-2", "B", 4000, 0, 0.09, 120));
            plan.stops.add(new PlannedWindow("b", DownReason.BREAK, T0 + 100_000, T0 + 130_000));
        }
        PlantModel pa = new PlantModel(11, 4, 0, TICK, T0);
        PlantModel pb = new PlantModel(11, 4, 0, TICK, T0);
        pa.follow(a);
        pb.follow(b);
        for (int t = 0; t < 12_000; t++) {
            pa.step();
            pb.step();
        }
        assertEquals(a.events, b.events);
        assertEquals(a.completed, b.completed);
        assertEquals(a.stopLog, b.stopLog);
        assertEquals(a.deltas, b.deltas);
    }

    /**
     * Counts, from the outside, what the counting machine publishes each tick, per order: a tick at
     * t covers [t, t + tick) with the state at t and the units counted at t.
     */
    private static final class Watcher {
        final PlantModel p;
        final Map<String, Long> good = new HashMap<>();
        final Map<String, Long> reject = new HashMap<>();
        final Map<String, Long> run = new HashMap<>();
        final Map<String, Long> stopped = new HashMap<>();
        long lastGood;
        long lastReject;
        String lastOrder;

        Watcher(PlantModel p) {
            this.p = p;
            this.lastGood = p.machines().get(0).goodCount();
            this.lastReject = p.machines().get(0).rejectCount();
        }

        void observe() {
            MachineModel filler = p.machines().get(0);
            LineController line = p.line();
            // The order a tick belongs to: the current one, or the one that ended at this tick.
            String order = line.order() != null ? line.order().id() : lastOrderEndingNow();
            long dg = filler.goodCount() - lastGood;
            long dr = filler.rejectCount() - lastReject;
            lastGood = filler.goodCount();
            lastReject = filler.rejectCount();
            if (order != null) {
                good.merge(order, dg, Long::sum);
                reject.merge(order, dr, Long::sum);
                (filler.state() == MachineState.RUNNING ? run : stopped).merge(order, (long) TICK, Long::sum);
            }
            lastOrder = line.order() == null ? null : line.order().id();
        }

        private String lastOrderEndingNow() {
            ScriptedPlan plan = (ScriptedPlan) p.line().plan();
            Long end = lastOrder == null ? null : plan.completed.get(lastOrder);
            return end != null && end == p.nowMillis() + TICK ? lastOrder : null;
        }
    }
}
