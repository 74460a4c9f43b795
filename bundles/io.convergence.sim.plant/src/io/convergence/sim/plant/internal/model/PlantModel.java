package io.convergence.sim.plant.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * The whole simulated line: its machines and extra sensors, stepped together one tick at a time.
 *
 * <p>Everything follows from the seed: each machine's spec (initial wear, wear life) and random
 * stream, and the sensors' stream. Two models built with the same arguments produce the same
 * values tick by tick. Not thread-safe: the caller serializes {@link #step()} and commands.
 *
 * <p>The model keeps its own clock, {@link #nowMillis()}: the start time plus a tick per step. A
 * line given a {@link LinePlan} ({@link #follow}) runs the plan's orders and calendar on that clock.
 */
public final class PlantModel {

    /** Fewest machines a line has. */
    public static final int MIN_MACHINES = 3;

    private final long seed;
    private final long tickMs;
    private long startMillis;
    private @Nullable LineController line;
    private final List<MachineModel> machines;
    private final SensorBank sensors;
    private long ticks;

    /**
     * @param seed where every random draw starts from
     * @param machineCount machines on the line, at least {@link #MIN_MACHINES}
     * @param sensorCount extra generic sensors, 0 or more
     * @param tickMs simulated milliseconds per tick
     */
    public PlantModel(long seed, int machineCount, int sensorCount, long tickMs) {
        this(seed, machineCount, sensorCount, tickMs, 0);
    }

    /**
     * @param seed where every random draw starts from
     * @param machineCount machines on the line, at least {@link #MIN_MACHINES}
     * @param sensorCount extra generic sensors, 0 or more
     * @param tickMs simulated milliseconds per tick
     * @param startMillis the clock's time before the first step, epoch milliseconds
     */
    public PlantModel(long seed, int machineCount, int sensorCount, long tickMs, long startMillis) {
        if (machineCount < MIN_MACHINES) {
            throw new IllegalArgumentException("a line has at least " + MIN_MACHINES + " machines");
        }
        if (tickMs <= 0) {
            throw new IllegalArgumentException("tickMs must be positive");
        }
        this.seed = seed;
        this.tickMs = tickMs;
        this.startMillis = startMillis;
        SplittableRandom root = new SplittableRandom(seed);
        List<MachineModel> list = new ArrayList<>(machineCount);
        for (int i = 0; i < machineCount; i++) {
            SplittableRandom r = root.split();
            list.add(new MachineModel(spec(i, r), tickMs, r, startMillis));
        }
        this.machines = List.copyOf(list);
        // Its own stream, so that the sensors do not depend on the number of machines.
        this.sensors = new SensorBank(sensorCount, new SplittableRandom(seed ^ 0x5E45_0B5E_55EDL));
    }

    /** The rated speed of machine {@code index} (0-based), units per minute: 600 for the filler, 20 more per machine. */
    public static double ratedSpeed(int index) {
        return 600 + 20 * index;
    }

    private static MachineSpec spec(int index, SplittableRandom r) {
        double ratedSpeed = ratedSpeed(index);
        double ratedPower = 7.5 + 2.5 * (index % 4);
        double initialWear = r.nextDouble() * 0.5;
        double wearLifeHours = 6 + r.nextDouble() * 4;
        return new MachineSpec(PlantLayout.machineName(index), ratedSpeed, ratedPower, initialWear, wearLifeHours);
    }

    /** Advances every machine and sensor by one tick, following the plan if there is one. */
    public void step() {
        ticks++;
        long now = nowMillis();
        LineController l = line;
        if (l != null) {
            l.beforeStep(now);
        }
        for (MachineModel m : machines) {
            m.step();
        }
        sensors.step();
        if (l != null) {
            l.afterStep(now);
        }
    }

    /**
     * Makes the line follow a plan from the next tick on, or (with null) stop following one: the
     * account so far is handed to the old plan and the machines go on by themselves.
     */
    public void follow(@Nullable LinePlan plan) {
        LineController l = line;
        if (l != null) {
            l.close(nowMillis());
        }
        line = plan == null ? null : new LineController(machines, plan, tickMs);
    }

    /** The controller running the line's plan, if it follows one. */
    public @Nullable LineController line() {
        return line;
    }

    /**
     * Sets the clock's time before the first step, for a plant whose ticks begin later than the
     * model was built (a server takes seconds to start): its values then carry the times they are
     * published at.
     *
     * @throws IllegalStateException once the model has stepped
     */
    public void startClock(long millis) {
        if (ticks != 0) {
            throw new IllegalStateException("the clock runs already: " + ticks + " ticks taken");
        }
        startMillis = millis;
    }

    /** The model's clock: the start time plus the ticks taken, epoch milliseconds. */
    public long nowMillis() {
        return startMillis + ticks * tickMs;
    }

    public long seed() {
        return seed;
    }

    public long tickMs() {
        return tickMs;
    }

    /** Ticks taken since the model was built. */
    public long ticks() {
        return ticks;
    }

    /** Simulated time since the model was built, in milliseconds. */
    public long simulatedMillis() {
        return ticks * tickMs;
    }

    /** The machines in flow order. */
    public List<MachineModel> machines() {
        return machines;
    }

    /** The machine named {@code name}, if there is one. */
    public Optional<MachineModel> machine(String name) {
        for (MachineModel m : machines) {
            if (m.name().equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public SensorBank sensors() {
        return sensors;
    }
}
