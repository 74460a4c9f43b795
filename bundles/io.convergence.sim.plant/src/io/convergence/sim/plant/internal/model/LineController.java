package io.convergence.sim.plant.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.convergence.sim.plant.internal.model.LinePlan.PlannedOrder;
import io.convergence.sim.plant.internal.model.LinePlan.PlannedWindow;

import org.jspecify.annotations.Nullable;

/**
 * Runs a line by its {@link LinePlan}, one tick at a time, and keeps account of what it did.
 *
 * <ul>
 * <li>Orders run one after the other. An order starts as soon as the line has none (a changeover
 * first, with every machine down for reason {@link DownReason#CHANGEOVER}, when the product
 * changes), runs its machines at {@link #RATE_FACTOR} of the product's ideal rate, and is finished
 * at the tick its counting machine (the line's first machine, the filler) has counted the ordered
 * quantity of good units; the next order starts at the next tick.
 * <li>A planned stop of the calendar holds every machine down for its reason (break, planned
 * maintenance) whatever it was doing; no order starts during one, and a changeover under way
 * waits. Without an order the machines are held down for {@link DownReason#NO_ORDERS}.
 * <li>An order the plan no longer has ({@link LinePlan#runnable} false: cancelled) is dropped where
 * it is, without finishing it; the next order starts.
 * <li>Between holds the machines behave as they always do: jams, shortages, short idles, bearing
 * faults. Only the plan's changeovers happen.
 * </ul>
 *
 * <p>The account ({@link LineTruth} per order and per shift, {@link LineStop} per stop) is what
 * the counting machine did tick by tick: each tick at time t covers {@code [t, t + tick)} with the
 * state published at t and the units counted at t. An order's window is {@code [start, end)} where
 * start is the tick it began at and end the end of the tick that finished it. Not thread-safe: the
 * {@link PlantModel} calls it from its step.
 */
public final class LineController {

    /** The fraction of a product's ideal rate the line's speed setpoints are set to. */
    public static final double RATE_FACTOR = 0.95;

    /** Ticks between two hand-overs of the account to the plan (and at every order's end). */
    static final int ACCOUNT_TICKS = 50;

    private enum Mode { NO_ORDER, CHANGEOVER, PRODUCING }

    private final List<MachineModel> machines;
    private final MachineModel counter;
    private final LinePlan plan;
    private final long tickMs;

    private Mode mode = Mode.NO_ORDER;
    private @Nullable PlannedOrder order;
    private @Nullable String lastOrder;
    private @Nullable String lastProduct;
    private long changeoverLeftMs;
    private long orderGood;
    private long lastGood;
    private long lastReject;
    /** The reason of the stop under way; -1 while running. */
    private int stopReason = -1;
    private long stopStart;
    private @Nullable String stopOrder;
    private final Map<String, Account> orders = new LinkedHashMap<>();
    private final Map<String, Account> shifts = new LinkedHashMap<>();
    private int ticksSinceAccount;

    LineController(List<MachineModel> machines, LinePlan plan, long tickMs) {
        this.machines = machines;
        this.counter = machines.get(0);
        this.plan = plan;
        this.tickMs = tickMs;
        this.lastGood = counter.goodCount();
        this.lastReject = counter.rejectCount();
        for (MachineModel m : machines) {
            m.randomChangeovers(false);
        }
    }

    /** The plan the line follows. */
    public LinePlan plan() {
        return plan;
    }

    /** The order the line is on, if any. */
    public @Nullable PlannedOrder order() {
        return order;
    }

    /** Good units counted for the current order so far (0 without one). */
    public long orderGood() {
        return order == null ? 0 : orderGood;
    }

    /** Sets the machines' states for the tick at {@code now}, before they step. */
    void beforeStep(long now) {
        PlannedOrder current = order;
        if (current != null && !plan.runnable(current.id())) {
            // Cancelled by the planner while the line had it: the line stops it where it is, hands over
            // what it did for it, and goes on with the next order. The line is set up for its product
            // once it made some; dropped before that (the planner refused the start), it never was.
            handOver();
            lastOrder = current.id();
            if (mode == Mode.PRODUCING && orderGood > current.goodDone()) {
                lastProduct = current.product();
            }
            order = null;
            mode = Mode.NO_ORDER;
        }
        PlannedWindow planned = plan.plannedStopAt(now);
        if (planned != null) {
            holdAll(planned.reason() > 0 ? planned.reason() : DownReason.BREAK);
            return;
        }
        if (order == null) {
            startNext(now);
        }
        switch (mode) {
            case NO_ORDER -> holdAll(DownReason.NO_ORDERS);
            case CHANGEOVER -> {
                if (changeoverLeftMs <= 0) {
                    mode = Mode.PRODUCING;
                    releaseAll();
                } else {
                    holdAll(DownReason.CHANGEOVER);
                    changeoverLeftMs -= tickMs;
                }
            }
            case PRODUCING -> releaseAll();
        }
    }

    /** Keeps account of the tick at {@code now}, after the machines stepped. */
    void afterStep(long now) {
        long good = counter.goodCount();
        long reject = counter.rejectCount();
        // A counter that went down was reset: everything it shows was counted since.
        long dGood = good >= lastGood ? good - lastGood : good;
        long dReject = reject >= lastReject ? reject - lastReject : reject;
        lastGood = good;
        lastReject = reject;

        PlannedOrder o = order;
        String orderId = o == null ? null : o.id();
        int reason = counter.state() == MachineState.RUNNING ? -1 : counter.downReason();
        boolean stopBegan = false;
        if (reason != stopReason || (reason >= 0 && !Objects.equals(orderId, stopOrder))) {
            endStop(now);
            if (reason >= 0) {
                stopStart = now;
                stopOrder = orderId;
                stopBegan = true;
            }
            stopReason = reason;
        }
        if (orderId != null) {
            account(orders, LineTruth.Scope.ORDER, orderId).add(now, tickMs, reason, stopBegan, dGood, dReject);
        }
        for (String shift : plan.shiftsAt(now)) {
            account(shifts, LineTruth.Scope.SHIFT, shift).add(now, tickMs, reason, stopBegan, dGood, dReject);
        }
        if (o != null && mode == Mode.PRODUCING) {
            orderGood += dGood;
            if (orderGood >= o.quantity()) {
                plan.orderCompleted(o.id(), now + tickMs);
                lastOrder = o.id();
                lastProduct = o.product();
                order = null;
                mode = Mode.NO_ORDER;
                handOver();
                return;
            }
        }
        if (++ticksSinceAccount >= ACCOUNT_TICKS) {
            handOver();
        }
    }

    /** Stops following the plan: hands over the account and lets the machines go on by themselves. */
    void close(long now) {
        endStop(now);
        stopReason = -1;
        handOver();
        for (MachineModel m : machines) {
            m.release();
            m.randomChangeovers(true);
        }
    }

    private void startNext(long now) {
        PlannedOrder next = plan.nextOrder(lastOrder, now);
        if (next == null) {
            mode = Mode.NO_ORDER;
            return;
        }
        order = next;
        orderGood = next.goodDone();
        plan.orderStarted(next.id(), now);
        setpoints(next);
        if (lastProduct != null && !lastProduct.equals(next.product()) && next.changeoverSeconds() > 0) {
            mode = Mode.CHANGEOVER;
            changeoverLeftMs = Math.round(next.changeoverSeconds() * 1000);
        } else {
            mode = Mode.PRODUCING;
        }
    }

    /** Speeds in proportion to the machines' ratings, the first at {@link #RATE_FACTOR} of the ideal rate. */
    private void setpoints(PlannedOrder o) {
        double rate = 60.0 / o.idealCycleSeconds() * RATE_FACTOR;
        double reference = counter.spec().ratedSpeed();
        for (MachineModel m : machines) {
            double target = rate * m.spec().ratedSpeed() / reference;
            m.setSpeedSetpoint(Math.min(m.spec().maxSpeed(), Math.max(0.0, target)));
        }
    }

    private void holdAll(int reason) {
        for (MachineModel m : machines) {
            if (!m.planHeld() || m.downReason() != reason) {
                m.hold(MachineState.DOWN, reason);
            }
        }
    }

    private void releaseAll() {
        for (MachineModel m : machines) {
            if (m.planHeld()) {
                m.release();
            }
        }
    }

    private void endStop(long now) {
        if (stopReason >= 0 && now > stopStart) {
            plan.stopped(new LineStop(stopStart, now, stopReason, stopOrder));
        }
    }

    private void handOver() {
        ticksSinceAccount = 0;
        List<LineTruth> deltas = new ArrayList<>(orders.size() + shifts.size());
        for (Account a : orders.values()) {
            deltas.add(a.truth());
        }
        for (Account a : shifts.values()) {
            deltas.add(a.truth());
        }
        orders.clear();
        shifts.clear();
        if (!deltas.isEmpty()) {
            plan.account(deltas);
        }
    }

    private static Account account(Map<String, Account> map, LineTruth.Scope scope, String id) {
        return map.computeIfAbsent(id, k -> new Account(scope, k));
    }

    /** What one period got since the last hand-over. */
    private static final class Account {
        private final LineTruth.Scope scope;
        private final String id;
        private long first = Long.MIN_VALUE;
        private long end;
        private long run;
        private final Map<Integer, Long> stopMillis = new LinkedHashMap<>();
        private final Map<Integer, Integer> stops = new LinkedHashMap<>();
        private long good;
        private long reject;

        Account(LineTruth.Scope scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        void add(long now, long tick, int reason, boolean stopBegan, long dGood, long dReject) {
            if (first == Long.MIN_VALUE) {
                first = now;
            }
            end = now + tick;
            if (reason < 0) {
                run += tick;
            } else {
                stopMillis.merge(reason, tick, Long::sum);
                if (stopBegan) {
                    stops.merge(reason, 1, Integer::sum);
                }
            }
            good += dGood;
            reject += dReject;
        }

        LineTruth truth() {
            return new LineTruth(scope, id, first, end, run, stopMillis, stops, good, reject);
        }
    }
}
