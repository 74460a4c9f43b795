package io.convergence.sim.plant.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The whole simulated line: its machines and extra sensors, stepped together one tick at a time.
 *
 * <p>Everything follows from the seed: each machine's spec (initial wear, wear life) and random
 * stream, and the sensors' stream. Two models built with the same arguments produce the same
 * values tick by tick. Not thread-safe: the caller serializes {@link #step()} and commands.
 */
public final class PlantModel {

    /** Fewest machines a line has. */
    public static final int MIN_MACHINES = 3;

    private final long seed;
    private final long tickMs;
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
        if (machineCount < MIN_MACHINES) {
            throw new IllegalArgumentException("a line has at least " + MIN_MACHINES + " machines");
        }
        this.seed = seed;
        this.tickMs = tickMs;
        SplittableRandom root = new SplittableRandom(seed);
        List<MachineModel> list = new ArrayList<>(machineCount);
        for (int i = 0; i < machineCount; i++) {
            SplittableRandom r = root.split();
            list.add(new MachineModel(spec(i, r), tickMs, r));
        }
        this.machines = List.copyOf(list);
        // Its own stream, so that the sensors do not depend on the number of machines.
        this.sensors = new SensorBank(sensorCount, new SplittableRandom(seed ^ 0x5E45_0B5E_55EDL));
    }

    private static MachineSpec spec(int index, SplittableRandom r) {
        double ratedSpeed = 600 + 20 * index;
        double ratedPower = 7.5 + 2.5 * (index % 4);
        double initialWear = r.nextDouble() * 0.5;
        double wearLifeHours = 6 + r.nextDouble() * 4;
        return new MachineSpec(PlantLayout.machineName(index), ratedSpeed, ratedPower, initialWear, wearLifeHours);
    }

    /** Advances every machine and sensor by one tick. */
    public void step() {
        ticks++;
        for (MachineModel m : machines) {
            m.step();
        }
        sensors.step();
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
