package io.convergence.ui.oee.internal.model;

/**
 * How a figure compares with the usual world-class marks (availability 90 %, performance 95 %,
 * quality 99 %, OEE 85 %). The view shows it as a coloured hint beside the number, never as the
 * only way to read it: the number is always there.
 */
public enum Grade {
    /** At or above the mark. */
    GOOD,
    /** Less than 15 points below it. */
    FAIR,
    /** Further below. */
    POOR,
    /** No figure. */
    NONE;

    /** The figures a tile shows, with their marks. */
    public enum Factor {
        AVAILABILITY(0.90), PERFORMANCE(0.95), QUALITY(0.99), OEE(0.85);

        private final double mark;

        Factor(double mark) {
            this.mark = mark;
        }

        /** The world-class mark, a fraction. */
        public double mark() {
            return mark;
        }
    }

    /** The grade of a fraction against a factor's mark. */
    public static Grade of(Factor factor, double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return NONE;
        }
        if (fraction >= factor.mark()) {
            return GOOD;
        }
        return fraction >= factor.mark() - 0.15 ? FAIR : POOR;
    }
}
