package io.convergence.api.business;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A time the calendar keeps a line from producing on purpose: a break, a planned maintenance
 * window, a meeting or cleaning. Planned stops are not planned production time, whatever the
 * machines do meanwhile.
 *
 * @param id the stop's id in the source
 * @param workCenterId the {@link WorkCenter#id()} it applies to; {@code null} for every line of
 *     the source
 * @param kind what kind of stop
 * @param reasonCode the {@link ReasonCode#code()} it is booked under
 * @param start when it begins
 * @param end when it ends (exclusive)
 * @param description a human description; may be empty
 */
public record PlannedStop(String id, @Nullable String workCenterId, Kind kind, String reasonCode, Instant start,
                          Instant end, String description) {

    /** Kinds of planned stop. */
    public enum Kind {
        /** A break of the crew. */
        BREAK,
        /** Planned (preventive) maintenance. */
        MAINTENANCE,
        /** Anything else planned: a meeting, cleaning, a trial. */
        OTHER
    }

    /**
     * @throws IllegalArgumentException if the id is empty or the stop ends before it starts
     */
    public PlannedStop {
        Records.id("planned stop", id);
        Records.window("planned stop " + id, start, end);
    }

    /** How long it lasts. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Whether {@code time} falls in it. */
    public boolean contains(Instant time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    /** Whether it overlaps {@code [from, to)}. */
    public boolean overlaps(Instant from, Instant to) {
        return Records.overlaps(start, end, from, to);
    }

    /** Whether it applies to the work centre: it names it, or names none. */
    public boolean appliesTo(String workCenter) {
        return workCenterId == null || workCenterId.equals(workCenter);
    }
}
