package io.convergence.sim.plant.internal.model;

/**
 * What distinguishes one machine from another.
 *
 * @param name the machine's name, the path segment under the line ({@code filler}, ...)
 * @param ratedSpeed the nominal speed in units per minute; the setpoint starts there
 * @param ratedPowerKw the electrical power drawn at rated speed, in kW
 * @param initialWear the bearing wear at tick 0: 0 is a new bearing, 1 is worn out (vibration
 *     around 9 mm/s and faults likely within the hour)
 * @param wearLifeHours simulated running hours at rated speed to go from wear 0 to 1
 */
public record MachineSpec(String name, double ratedSpeed, double ratedPowerKw, double initialWear,
    double wearLifeHours) {

    /**
     * @throws IllegalArgumentException if a figure is out of range
     */
    public MachineSpec {
        if (name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("bad machine name '" + name + "'");
        }
        if (!(ratedSpeed > 0) || !(ratedPowerKw > 0) || !(wearLifeHours > 0)) {
            throw new IllegalArgumentException("rated speed, power and wear life must be positive");
        }
        if (!(initialWear >= 0)) {
            throw new IllegalArgumentException("initial wear must be 0 or more");
        }
    }

    /** The highest speed setpoint accepted: 20 % above rated. */
    public double maxSpeed() {
        return ratedSpeed * 1.2;
    }
}
