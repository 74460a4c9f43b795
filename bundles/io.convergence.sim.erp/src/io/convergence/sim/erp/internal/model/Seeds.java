package io.convergence.sim.erp.internal.model;

import java.util.SplittableRandom;

/** Random streams derived from the seed, one per thing, so that each depends on nothing else. */
final class Seeds {

    private Seeds() {
    }

    /** A stream for one thing, such as a calendar day or an order number. */
    static SplittableRandom stream(long seed, String what, long index) {
        long h = seed * 0x9E37_79B9_7F4A_7C15L + index;
        for (int i = 0; i < what.length(); i++) {
            h = (h ^ what.charAt(i)) * 0x100_0000_01B3L;
        }
        return new SplittableRandom(h);
    }

    /** {@code value} moved by up to ± {@code fraction} of itself, rounded to {@code step}. */
    static double vary(SplittableRandom r, double value, double fraction, double step) {
        double v = value * (1 + (r.nextDouble() * 2 - 1) * fraction);
        return Math.round(v / step) * step;
    }
}
