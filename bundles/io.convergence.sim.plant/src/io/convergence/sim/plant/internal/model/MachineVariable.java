package io.convergence.sim.plant.internal.model;

import org.jspecify.annotations.Nullable;

/**
 * The variables every machine publishes, named as in the address space, with their type, unit
 * and expected range. Units follow UN/CEFACT (Recommendation 20) where a code exists.
 */
public enum MachineVariable {

    STATE("state", Kind.STRING, "", null, 0, 0, "Machine state: running, idle or down"),
    DOWN_REASON("downReason", Kind.INT32, "", null, 0, 12,
        "Why the machine is down, 0 when not down: 1 jam, 2 material shortage, 3 bearing fault, 4 changeover, "
            + "10 break, 11 planned maintenance, 12 no orders"),
    GOOD_COUNT("goodCount", Kind.INT64, "units", null, 0, 0, "Good units since the last counter reset"),
    REJECT_COUNT("rejectCount", Kind.INT64, "units", null, 0, 0, "Rejected units since the last counter reset"),
    SPEED("speed", Kind.DOUBLE, "units/min", "C94", 0, 0, "Actual speed, units per minute"),
    SPEED_SETPOINT("speedSetpoint", Kind.DOUBLE, "units/min", "C94", 0, 0,
        "Speed setpoint, units per minute; writable, the machine follows it (0 to 120 % of rated speed)"),
    TEMPERATURE("temperature", Kind.DOUBLE, "°C", "CEL", 0, 120, "Motor temperature, °C"),
    BEARING_TEMPERATURE("bearingTemperature", Kind.DOUBLE, "°C", "CEL", 0, 120, "Motor bearing temperature, °C"),
    VIBRATION("vibration", Kind.DOUBLE, "mm/s", "C16", 0, 20,
        "Vibration velocity, mm/s RMS; rises as the bearing wears"),
    ENERGY("energy", Kind.DOUBLE, "kWh", "KWH", 0, 0, "Energy meter, kWh; never decreases"),
    POWER("power", Kind.DOUBLE, "kW", "KWT", 0, 0, "Electrical power, kW");

    /** The value types used by the plant's variables. */
    public enum Kind {
        STRING, INT32, INT64, DOUBLE
    }

    private final String browseName;
    private final Kind kind;
    private final String unit;
    private final @Nullable String uneceCode;
    private final double low;
    private final double high;
    private final String description;

    MachineVariable(String browseName, Kind kind, String unit, @Nullable String uneceCode, double low,
        double high, String description) {
        this.browseName = browseName;
        this.kind = kind;
        this.unit = unit;
        this.uneceCode = uneceCode;
        this.low = low;
        this.high = high;
        this.description = description;
    }

    /** The variable's name, the last segment of its path. */
    public String browseName() {
        return browseName;
    }

    public Kind kind() {
        return kind;
    }

    /** The unit as shown to people, empty when the value has none. */
    public String unit() {
        return unit;
    }

    /** The UN/CEFACT common code of the unit, or null when there is none. */
    public @Nullable String uneceCode() {
        return uneceCode;
    }

    /** Whether the value has a usual range (an EURange), given by {@link #low()} and {@link #high(MachineSpec)}. */
    public boolean hasRange() {
        return kind == Kind.DOUBLE && this != ENERGY;
    }

    /** The usual lower bound of the value. */
    public double low() {
        return low;
    }

    /** The usual upper bound of the value on a given machine. */
    public double high(MachineSpec spec) {
        return switch (this) {
            case SPEED, SPEED_SETPOINT -> spec.maxSpeed();
            case POWER -> Math.ceil(spec.ratedPowerKw() * 1.3);
            default -> high;
        };
    }

    public String description() {
        return description;
    }

    /** Whether clients may write the variable. */
    public boolean writable() {
        return this == SPEED_SETPOINT;
    }

    /** The variable's current value on a machine: a String, Integer, Long or Double per {@link #kind()}. */
    public Object read(MachineModel m) {
        return switch (this) {
            case STATE -> m.state().label();
            case DOWN_REASON -> m.downReason();
            case GOOD_COUNT -> m.goodCount();
            case REJECT_COUNT -> m.rejectCount();
            case SPEED -> m.speed();
            case SPEED_SETPOINT -> m.speedSetpoint();
            case TEMPERATURE -> m.temperature();
            case BEARING_TEMPERATURE -> m.bearingTemperature();
            case VIBRATION -> m.vibration();
            case ENERGY -> m.energy();
            case POWER -> m.power();
        };
    }
}
