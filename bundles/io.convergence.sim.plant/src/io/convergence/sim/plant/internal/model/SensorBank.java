package io.convergence.sim.plant.internal.model;

import java.util.SplittableRandom;

/**
 * Generic sensors for load tests: each value is a random walk pulled gently back to its own mean,
 * so it wanders but stays in a plausible band. Values live in a plain array: stepping 50,000
 * sensors costs about a millisecond.
 */
public final class SensorBank {

    /** Fraction of the distance to the mean recovered per tick. */
    private static final double REVERSION = 0.01;

    private final double[] values;
    private final double[] means;
    private final double[] steps;
    private final SplittableRandom random;

    /**
     * @param count the number of sensors, 0 or more
     * @param random the bank's own source of randomness
     */
    public SensorBank(int count, SplittableRandom random) {
        if (count < 0) {
            throw new IllegalArgumentException("negative sensor count");
        }
        this.random = random;
        values = new double[count];
        means = new double[count];
        steps = new double[count];
        for (int i = 0; i < count; i++) {
            means[i] = 20 + Math.floor(random.nextDouble() * 80);
            steps[i] = means[i] * 0.002 + 0.01;
            values[i] = means[i];
        }
    }

    /** Advances every sensor by one tick. */
    public void step() {
        for (int i = 0; i < values.length; i++) {
            values[i] += REVERSION * (means[i] - values[i]) + steps[i] * random.nextGaussian();
        }
    }

    public int size() {
        return values.length;
    }

    /** Sensor {@code index}'s current value, 0-based. */
    public double value(int index) {
        return values[index];
    }
}
