package io.convergence.api.point;

import java.time.Instant;

/**
 * Time as the product carries it: microseconds since the epoch (1970-01-01T00:00:00Z), the unit of
 * {@link SampleBatch#timeMicros(int)}. One place for the conversions, so that every bundle rounds the
 * same way (towards the past) and fails the same way on times a {@code long} cannot hold.
 *
 * @since 1.1
 */
public final class Micros {

    /** Microseconds in a second. */
    public static final long PER_SECOND = 1_000_000L;

    /** Microseconds in a millisecond. */
    public static final long PER_MILLI = 1_000L;

    private Micros() {
    }

    /**
     * An instant in microseconds since the epoch; nanoseconds below a microsecond are dropped
     * (rounding towards the past, also before 1970).
     *
     * @throws ArithmeticException if the instant is too far from 1970 for a {@code long}
     *     (about 292,000 years)
     */
    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano() / 1_000);
    }

    /** Milliseconds since the epoch in microseconds. */
    public static long ofMillis(long epochMillis) {
        return Math.multiplyExact(epochMillis, PER_MILLI);
    }

    /** The instant of microseconds since the epoch. */
    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1_000L);
    }

    /** Microseconds since the epoch, truncated to milliseconds. */
    public static long toMillis(long micros) {
        return Math.floorDiv(micros, PER_MILLI);
    }

    /** The system clock now, in microseconds since the epoch. */
    public static long now() {
        return of(Instant.now());
    }
}
