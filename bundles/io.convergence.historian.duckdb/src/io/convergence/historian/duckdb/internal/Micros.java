package io.convergence.historian.duckdb.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Times as microseconds since the epoch, the unit of {@code SampleBatch} and of DuckDB's
 * {@code TIMESTAMP}. Stored times are kept to the years 1 to 9999: DuckDB reads the largest
 * values as {@code infinity}, and nothing a plant records lies outside.
 */
public final class Micros {

    /** 0001-01-01T00:00:00Z. */
    public static final long MIN = -62_135_596_800_000_000L;
    /** 9999-12-31T23:59:59.999999Z. */
    public static final long MAX = 253_402_300_799_999_999L;

    private static final Instant MIN_INSTANT = instant(MIN);
    private static final Instant MAX_INSTANT = instant(MAX);

    private Micros() {
    }

    /** Whether a time can be stored. */
    public static boolean storable(long micros) {
        return micros >= MIN && micros <= MAX;
    }

    /** A query bound: the instant in microseconds, clamped to [{@link #MIN}, {@link #MAX} + 1]. */
    public static long bound(Instant t) {
        if (t.isBefore(MIN_INSTANT)) {
            return MIN;
        }
        if (t.isAfter(MAX_INSTANT)) {
            return MAX + 1;
        }
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** The instant of a time in microseconds. */
    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /**
     * A bucket width in microseconds.
     *
     * @throws IllegalArgumentException if it is under one microsecond or longer than the years 1 to 9999
     *     (bucket numbers would overflow)
     */
    public static long width(Duration d) {
        try {
            long w = Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1_000);
            if (w < 1) {
                throw new IllegalArgumentException("bucket of " + d + ": at least one microsecond needed");
            }
            if (w > MAX - MIN) {
                throw new IllegalArgumentException("bucket of " + d + " is longer than the years 1 to 9999");
            }
            return w;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("bucket of " + d + " is too long", e);
        }
    }
}
