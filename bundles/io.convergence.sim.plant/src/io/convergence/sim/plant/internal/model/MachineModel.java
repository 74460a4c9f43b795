package io.convergence.sim.plant.internal.model;

import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * One machine of the line, advanced one tick at a time.
 *
 * <p>While running, the machine follows its speed setpoint and, with a small probability each
 * tick, stops: a jam, a material shortage, a changeover, a short idle, or a bearing fault whose
 * probability grows with bearing wear. An automatic stop lasts a random time and the machine then
 * runs again; repairing a bearing fault replaces the bearing (wear back near 0). Wear grows with
 * running time and load, and raises vibration, bearing temperature, power draw and the reject
 * rate. Temperatures follow the load with a lag of minutes; the energy meter only ever grows.
 *
 * <p>A line that follows a plan ({@link LineController}) {@linkplain #hold holds} its machines for
 * planned stops, changeovers and want of orders: the hold shows as the machine's state and freezes
 * its own behaviour (a fault under way resumes after the hold), and the plan's changeovers replace
 * the random ones ({@link #randomChangeovers(boolean)}).
 *
 * <p>Every random draw comes from the machine's own {@link SplittableRandom}, and time enters only
 * as the tick count, so a machine built from the same spec and random seed gives the same values
 * tick by tick. Not thread-safe: the caller serializes {@link #step()} and the commands.
 */
public final class MachineModel {

    /** Hall temperature, °C: where a stopped machine's temperatures settle. */
    public static final double AMBIENT_C = 22.0;

    private static final double MEAN_SECONDS_BETWEEN_JAMS = 20 * 60;
    private static final double MEAN_SECONDS_BETWEEN_SHORTAGES = 50 * 60;
    private static final double MEAN_SECONDS_BETWEEN_CHANGEOVERS = 4 * 3600;
    private static final double MEAN_SECONDS_BETWEEN_IDLES = 30 * 60;
    /** Below this wear a bearing fault is rare; above it the hazard grows with the square. */
    private static final double WEAR_FAULT_ONSET = 0.7;

    private final MachineSpec spec;
    private final SplittableRandom random;
    private final double dt;
    private final double speedUp;
    private final double speedDown;
    private final double motorLag;
    private final double bearingLag;
    private final double jamChance;
    private final double shortageChance;
    private final double randomChangeoverChance;
    private double changeoverChance;
    private final double idleChance;

    private MachineState state = MachineState.RUNNING;
    private int downReason = DownReason.NONE;
    /** A plan's hold, shown instead of the machine's own state; null when not held. */
    private @Nullable MachineState holdState;
    private int holdReason;
    private long ticksLeft;
    private boolean held;
    private double setpoint;
    private double speed;
    private double partialUnits;
    private long goodCount;
    private long rejectCount;
    private double temperature;
    private double bearingTemperature;
    private double vibration;
    private double wear;
    private double energyKwh;

    /**
     * When the energy meters read their seeded start values: 2024-01-01T00:00Z. A plant started later
     * adds {@link #METER_RATE} times each machine's rated power for every hour since.
     */
    public static final long METER_ORIGIN_MILLIS = 1_704_067_200_000L;
    /** Above what a machine draws (at most about 1.4 times its rated power, at 120 % speed and worn). */
    static final double METER_RATE = 2.0;
    private double powerKw;

    /**
     * A machine running at its rated speed, temperatures settled.
     *
     * @param tickMs simulated milliseconds per {@link #step()}
     * @param random this machine's own source of randomness
     */
    public MachineModel(MachineSpec spec, long tickMs, SplittableRandom random) {
        this(spec, tickMs, random, METER_ORIGIN_MILLIS);
    }

    /**
     * @param startMillis the plant's clock at its start, epoch milliseconds: where the energy meter
     *     reads from (see {@link #METER_ORIGIN_MILLIS})
     */
    public MachineModel(MachineSpec spec, long tickMs, SplittableRandom random, long startMillis) {
        if (tickMs <= 0) {
            throw new IllegalArgumentException("tickMs must be positive");
        }
        this.spec = spec;
        this.random = random;
        this.dt = tickMs / 1000.0;
        this.speedUp = lag(2.0);
        this.speedDown = lag(0.5);
        this.motorLag = lag(600);
        this.bearingLag = lag(900);
        this.jamChance = dt / MEAN_SECONDS_BETWEEN_JAMS;
        this.shortageChance = dt / MEAN_SECONDS_BETWEEN_SHORTAGES;
        this.randomChangeoverChance = dt / MEAN_SECONDS_BETWEEN_CHANGEOVERS;
        this.changeoverChance = randomChangeoverChance;
        this.idleChance = dt / MEAN_SECONDS_BETWEEN_IDLES;
        this.wear = spec.initialWear();
        this.setpoint = spec.ratedSpeed();
        this.speed = setpoint;
        this.temperature = motorTarget(1.0);
        this.bearingTemperature = bearingTarget(1.0);
        this.vibration = vibrationAt(1.0, 0.0);
        this.powerKw = powerAt(1.0, 0.0);
        // A meter that has been counting for a while, different on every machine; it is on the machine,
        // so a plant started again reads on from where the last run left it: since the origin it is taken
        // to have counted twice the rated power, more than the machine draws at its highest speed.
        double sinceOriginHours = Math.max(0, startMillis - METER_ORIGIN_MILLIS) / 3_600_000.0;
        this.energyKwh = 10_000 + Math.floor(random.nextDouble() * 90_000)
            + METER_RATE * spec.ratedPowerKw() * sinceOriginHours;
    }

    /** Advances the machine by one tick. */
    public void step() {
        if (holdState == null) {
            advanceState();
        }
        MachineState now = state();

        double target = now == MachineState.RUNNING ? setpoint : 0.0;
        speed += (target - speed) * (target >= speed ? speedUp : speedDown);
        if (now == MachineState.RUNNING && target > 0) {
            speed = Math.max(0.0, speed + random.nextGaussian() * spec.ratedSpeed() * 0.002);
        } else if (speed < 0.5) {
            speed = 0.0;
        }
        double load = speed / spec.ratedSpeed();

        if (now == MachineState.RUNNING) {
            // Units still in the machine while it runs down after a stop are not counted.
            produce();
            wear += dt * load / (spec.wearLifeHours() * 3600);
        }
        temperature += (motorTarget(load) - temperature) * motorLag + random.nextGaussian() * 0.03;
        bearingTemperature += (bearingTarget(load) - bearingTemperature) * bearingLag
            + random.nextGaussian() * 0.03;
        vibration = vibrationAt(load, random.nextGaussian());
        powerKw = powerAt(load, random.nextGaussian());
        energyKwh += powerKw * dt / 3600;
    }

    private void advanceState() {
        if (state == MachineState.RUNNING) {
            double u = random.nextDouble();
            double bearingChance = bearingFaultsPerHour(wear) * dt / 3600;
            if ((u -= bearingChance) < 0) {
                stop(MachineState.DOWN, DownReason.BEARING_FAULT, 20 * 60, 40 * 60);
            } else if ((u -= jamChance) < 0) {
                stop(MachineState.DOWN, DownReason.JAM, 30, 180);
            } else if ((u -= shortageChance) < 0) {
                stop(MachineState.DOWN, DownReason.MATERIAL_SHORTAGE, 120, 480);
            } else if ((u -= changeoverChance) < 0) {
                stop(MachineState.DOWN, DownReason.CHANGEOVER, 600, 1200);
            } else if (u - idleChance < 0) {
                stop(MachineState.IDLE, DownReason.NONE, 10, 90);
            }
        } else if (!held && --ticksLeft <= 0) {
            enter(MachineState.RUNNING, DownReason.NONE);
        }
    }

    private void stop(MachineState s, int reason, double minSeconds, double maxSeconds) {
        enter(s, reason);
        double seconds = minSeconds + random.nextDouble() * (maxSeconds - minSeconds);
        ticksLeft = Math.max(1, Math.round(seconds / dt));
    }

    private void enter(MachineState s, int reason) {
        boolean repairing = state == MachineState.DOWN && downReason == DownReason.BEARING_FAULT
            && !(s == MachineState.DOWN && reason == DownReason.BEARING_FAULT);
        if (repairing) {
            wear = random.nextDouble() * 0.05;
        }
        state = s;
        downReason = reason;
        ticksLeft = 0;
    }

    private void produce() {
        partialUnits += speed / 60.0 * dt;
        int units = (int) partialUnits;
        partialUnits -= units;
        double rejectRate = 0.008 + 0.05 * Math.max(0.0, wear - 0.5) + (temperature > 70 ? 0.02 : 0.0);
        for (int i = 0; i < units; i++) {
            if (random.nextDouble() < rejectRate) {
                rejectCount++;
            } else {
                goodCount++;
            }
        }
    }

    private double motorTarget(double load) {
        return AMBIENT_C + 35 * load + 5 * wear * load;
    }

    private double bearingTarget(double load) {
        return AMBIENT_C + 18 * load + 25 * wear * wear * load;
    }

    private double vibrationAt(double load, double noise) {
        double v = 0.05 + load * (2.0 + 7.0 * wear * wear);
        return Math.max(0.01, v * (1 + 0.04 * noise));
    }

    private double powerAt(double load, double noise) {
        double rated = spec.ratedPowerKw();
        double standby = state() == MachineState.DOWN ? 0.05 * rated : 0.15 * rated;
        double p = standby + 0.85 * rated * load * (1 + 0.15 * wear);
        return Math.max(0.0, p * (1 + 0.01 * noise));
    }

    /** Expected bearing faults per running hour at a given wear. */
    static double bearingFaultsPerHour(double wear) {
        double over = Math.max(0.0, wear - WEAR_FAULT_ONSET);
        return 0.0005 + 3.0 * over * over;
    }

    private double lag(double timeConstantSeconds) {
        return 1 - Math.exp(-dt / timeConstantSeconds);
    }

    // ---- commands -------------------------------------------------------------------------

    /**
     * Puts the machine in a state, as an operator would. {@code running} resumes automatic
     * behaviour; {@code idle} and {@code down} hold until the next command.
     *
     * @param reason the {@link DownReason} code, positive for {@code down}; ignored otherwise
     * @throws IllegalArgumentException if {@code down} comes without a positive reason
     */
    public void command(MachineState s, int reason) {
        if (s == MachineState.DOWN && reason <= 0) {
            throw new IllegalArgumentException("a down state needs a positive reason code");
        }
        enter(s, s == MachineState.DOWN ? reason : DownReason.NONE);
        held = s != MachineState.RUNNING;
    }

    /**
     * Holds the machine in a state for a plan (a planned stop, a changeover, no orders), whatever
     * it was doing: {@link #state()} and {@link #downReason()} show the hold, and the machine's
     * own state (a fault under way, an operator's command) waits until {@link #release()}.
     *
     * @param reason the {@link DownReason} code, positive for {@code down}; ignored otherwise
     * @throws IllegalArgumentException if {@code down} comes without a positive reason
     */
    public void hold(MachineState s, int reason) {
        if (s == MachineState.DOWN && reason <= 0) {
            throw new IllegalArgumentException("a down state needs a positive reason code");
        }
        holdState = s;
        holdReason = s == MachineState.DOWN ? reason : DownReason.NONE;
    }

    /** Ends a plan's hold: the machine goes on from its own state. */
    public void release() {
        holdState = null;
        holdReason = DownReason.NONE;
    }

    /** Whether a plan holds the machine. */
    public boolean planHeld() {
        return holdState != null;
    }

    /**
     * Whether the machine stops for changeovers of its own now and then (the default), or only when
     * a plan changes the product.
     */
    public void randomChangeovers(boolean on) {
        changeoverChance = on ? randomChangeoverChance : 0.0;
    }

    /** Sets the good and reject counters back to 0. */
    public void resetCounters() {
        goodCount = 0;
        rejectCount = 0;
        partialUnits = 0;
    }

    /**
     * Sets the speed the machine runs at when running; it gets there within a few seconds.
     *
     * @throws IllegalArgumentException unless {@code 0 <= value <= spec().maxSpeed()}
     */
    public void setSpeedSetpoint(double value) {
        if (!(value >= 0 && value <= spec.maxSpeed())) {
            throw new IllegalArgumentException(
                "speed setpoint " + value + " outside 0.." + spec.maxSpeed() + " units/min");
        }
        setpoint = value;
    }

    // ---- values ---------------------------------------------------------------------------

    public MachineSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** The state shown: a plan's hold, else the machine's own. */
    public MachineState state() {
        MachineState h = holdState;
        return h != null ? h : state;
    }

    /** The {@link DownReason} code, {@link DownReason#NONE} unless down. */
    public int downReason() {
        return holdState != null ? holdReason : downReason;
    }

    /** Whether an operator command holds the current state. */
    public boolean held() {
        return held;
    }

    public long goodCount() {
        return goodCount;
    }

    public long rejectCount() {
        return rejectCount;
    }

    /** Units per minute. */
    public double speed() {
        return speed;
    }

    /** Units per minute. */
    public double speedSetpoint() {
        return setpoint;
    }

    /** Motor temperature, °C. */
    public double temperature() {
        return temperature;
    }

    /** Bearing temperature, °C. */
    public double bearingTemperature() {
        return bearingTemperature;
    }

    /** Vibration velocity, mm/s RMS. */
    public double vibration() {
        return vibration;
    }

    /** Bearing wear: 0 new, 1 worn out. Not published; for tests and diagnostics. */
    public double wear() {
        return wear;
    }

    /** Energy meter, kWh; never decreases. */
    public double energy() {
        return energyKwh;
    }

    /** Electrical power, kW. */
    public double power() {
        return powerKw;
    }
}
