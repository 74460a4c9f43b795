package io.convergence.ui.downtime.internal.model;

import java.time.Duration;

/** The time ranges the view offers. */
public enum Range {
    /** The current shift, from its start; the last 8 hours when no shift runs. */
    SHIFT(Duration.ofHours(8)),
    /** The last 24 hours. */
    DAY(Duration.ofHours(24)),
    /** The last 7 days. */
    WEEK(Duration.ofDays(7));

    private final Duration fallback;

    Range(Duration fallback) {
        this.fallback = fallback;
    }

    /** How far back the range reaches (for {@link #SHIFT}, when no shift runs). */
    public Duration span() {
        return fallback;
    }

    /** The name shown in the range list. */
    public String label() {
        return switch (this) {
            case SHIFT -> Messages.Range_SHIFT;
            case DAY -> Messages.Range_DAY;
            case WEEK -> Messages.Range_WEEK;
        };
    }
}
