package io.convergence.api.business;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * One occurrence of a shift in the shift calendar, such as shift A on 3 November. A calendar has
 * as many shifts a day as the plant works, of any length; shifts may overlap (a handover, a day
 * crew beside the shift crew), so a time may fall in several shifts.
 *
 * @param id the occurrence's id in the source, unique across days
 * @param name the shift's name, the same every day, such as {@code A}
 * @param workCenterId the {@link WorkCenter#id()} it applies to; {@code null} for every line of
 *     the source
 * @param start when it begins
 * @param end when it ends (exclusive)
 * @param zone the time zone its times are planned in, to show them as people know them
 */
public record Shift(String id, String name, @Nullable String workCenterId, Instant start, Instant end, ZoneId zone) {

    /**
     * @throws IllegalArgumentException if the id is empty or the shift ends before it starts
     */
    public Shift {
        Records.id("shift", id);
        Records.window("shift " + id, start, end);
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
