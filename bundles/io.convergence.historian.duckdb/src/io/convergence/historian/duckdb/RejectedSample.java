package io.convergence.historian.duckdb;

import java.time.Instant;

import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;

import org.jspecify.annotations.Nullable;

/**
 * A sample the historian could not store as a sample, kept among its rejects instead.
 *
 * @param point the sample's point
 * @param timeMicros its source timestamp as sent, in microseconds since the epoch (possibly outside
 *     the years a sample may have)
 * @param value its value: a {@link Double}, a text (cut to {@value #MAX_KEPT_TEXT} characters), or
 *     {@code null}
 * @param quality its quality
 * @param reason why it was not stored, for a person
 * @param received when the historian received it, by this machine's clock
 */
public record RejectedSample(PointPath point, long timeMicros, @Nullable Object value, Quality quality, String reason,
                             Instant received) {

    /** The longest text kept of a rejected sample's value: rejects are for diagnosis, and bounded. */
    public static final int MAX_KEPT_TEXT = 1_000;

    /** The source timestamp as an instant (any {@code long} of microseconds is one). */
    public Instant time() {
        return Instant.ofEpochSecond(Math.floorDiv(timeMicros, 1_000_000L), Math.floorMod(timeMicros, 1_000_000L) * 1_000L);
    }
}
