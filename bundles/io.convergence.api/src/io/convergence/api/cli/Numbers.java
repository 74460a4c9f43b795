package io.convergence.api.cli;

import java.math.BigInteger;

/**
 * Whole-number options with a range, and clear messages when they are not, however many digits they
 * have. {@code _} may group digits: {@code 1_000_000}.
 *
 * @since 1.0
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * @param option the option's name without dashes, for messages
     * @param text the value as typed
     * @throws UsageException if it is not a whole number from {@code min} to {@code max}
     */
    public static int parseInt(String option, String text, int min, int max) throws UsageException {
        return (int) parseLong(option, text, min, max);
    }

    /** A whole number that fits in 64 bits; see {@link #parseInt}. */
    public static long parseLong(String option, String text) throws UsageException {
        return parseLong(option, text, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A whole number from {@code min} to {@code max}; see {@link #parseInt}. */
    public static long parseLong(String option, String text, long min, long max) throws UsageException {
        String t = text.trim().replace("_", "");
        if (!t.matches("[+-]?\\d+")) {
            throw new UsageException("--" + option + " " + Args.shown(text) + ": expected a whole number"
                + range(min, max));
        }
        BigInteger v = new BigInteger(t);
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new UsageException("--" + option + " " + Args.shown(text) + ": out of range; expected a whole number"
                + range(min, max));
        }
        return v.longValueExact();
    }

    private static String range(long min, long max) {
        return min == Long.MIN_VALUE && max == Long.MAX_VALUE ? " that fits in 64 bits" : " from " + min + " to " + max;
    }
}
