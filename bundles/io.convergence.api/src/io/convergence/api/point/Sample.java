package io.convergence.api.point;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One value of a point at one time.
 *
 * @param point the point
 * @param time the source timestamp
 * @param value a {@link Double} for numeric points, a {@link String} for text points, a
 *     {@link JsonValue} for arrays and structures (since 1.1), {@code null} when there is no value
 *     (a gap, which always has {@link Quality#BAD})
 * @param quality how far the value can be trusted
 */
public record Sample(PointPath point, Instant time, @Nullable Object value, Quality quality) {

    /** The value as a number; {@link Double#NaN} if it is missing or not numeric. */
    public double number() {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
