package io.convergence.ui.oee.internal.model;

import io.convergence.api.business.LossCategory;

import org.jspecify.annotations.Nullable;

/**
 * One bar of the loss waterfall, in seconds: a bar spans {@code [bottom, top]}. The first bar is
 * the planned production time (from 0), each loss hangs from where the previous bar ended, and the
 * last bar is the fully productive time that is left (from 0).
 *
 * @param label what it is ("Breakdowns")
 * @param bottom its lower end, seconds
 * @param top its upper end, seconds
 * @param kind whether it is the starting total, a loss or the result
 * @param category the OEE factor a loss costs; {@code null} for the total and the result
 * @param share its length as a fraction of the planned time
 */
public record Step(String label, double bottom, double top, Kind kind, @Nullable LossCategory category, double share) {

    /** What a bar stands for. */
    public enum Kind {
        PLANNED, LOSS, PRODUCTIVE
    }

    /** Its length, seconds. */
    public double seconds() {
        return top - bottom;
    }
}
