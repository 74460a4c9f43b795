package io.convergence.runtime.internal;

/** Whole-number options with a range, and clear messages when they are not. */
final class Numbers {

    private Numbers() {
    }

    static int parseInt(String option, String text, int min, int max) throws UsageException {
        long v = parseLong(option, text);
        if (v < min || v > max) {
            throw new UsageException("--" + option + " " + text + ": expected a whole number from " + min + " to " + max);
        }
        return (int) v;
    }

    static long parseLong(String option, String text) throws UsageException {
        try {
            return Long.parseLong(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " " + text + ": expected a whole number");
        }
    }
}
