package io.convergence.ui.trend.internal.model;

import java.time.Duration;

/** The time ranges the picker offers, each ending now. */
public enum RangePreset {
    /** The last five minutes. */
    LAST_5_MIN(Duration.ofMinutes(5)),
    /** The last fifteen minutes. */
    LAST_15_MIN(Duration.ofMinutes(15)),
    /** The last hour. */
    LAST_1_H(Duration.ofHours(1)),
    /** The last eight hours, a shift. */
    LAST_8_H(Duration.ofHours(8)),
    /** The last day. */
    LAST_24_H(Duration.ofHours(24)),
    /** The last week. */
    LAST_7_D(Duration.ofDays(7));

    private final Duration span;

    RangePreset(Duration span) {
        this.span = span;
    }

    /** The span shown. */
    public Duration span() {
        return span;
    }

    /** The span in microseconds. */
    public long micros() {
        return span.toNanos() / 1_000;
    }
}
