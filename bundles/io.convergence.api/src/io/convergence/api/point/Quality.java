package io.convergence.api.point;

/**
 * How far a sample can be trusted. A {@link #BAD} sample with no value also marks a gap: a span in
 * which the source could not deliver (for example while a connection was down).
 */
public enum Quality {
    /** The value is valid. */
    GOOD,
    /** The value may be inaccurate (sensor out of range, last known value, ...). */
    UNCERTAIN,
    /** The value is not usable, or there is no value. */
    BAD;

    private static final Quality[] VALUES = values();

    /** The quality with the given {@link #ordinal()}. */
    public static Quality ofCode(int code) {
        return VALUES[code];
    }
}
