package io.convergence.ui.trend.internal.model;

/**
 * One Y axis's range: fitted to the visible data, or set by the user through zoom and pan.
 *
 * @param auto whether the range follows the data
 * @param lower the lower end when not automatic
 * @param upper the upper end when not automatic
 */
public record YScale(boolean auto, double lower, double upper) {

    /** A range that follows the data. */
    public static final YScale AUTO = new YScale(true, 0, 1);

    /** A fixed range. */
    public static YScale of(double lower, double upper) {
        return new YScale(false, Math.min(lower, upper), Math.max(lower, upper));
    }

    /**
     * The range to show for data spanning {@code [min, max]}: 5 % of margin on each side, at least
     * a small span around a flat line.
     */
    public static double[] fit(double min, double max) {
        double span = max - min;
        if (span <= 0 || Double.isNaN(span)) {
            double m = Math.abs(min) * 0.05;
            double pad = m > 0 ? m : 1;
            return new double[] {min - pad, max + pad};
        }
        return new double[] {min - span * 0.05, max + span * 0.05};
    }
}
