package io.convergence.api.oee;

import java.time.Instant;

import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * The OEE of one line over one period.
 *
 * @param line the line's point path (its figures are published under {@code <line>/oee/…})
 * @param period the kind of period
 * @param from the period's start
 * @param to the period's end; for a period still running, the time the figures were computed at
 * @param complete whether the period is over (figures of a running period change)
 * @param shift the shift's name ({@code "A"}), for a shift and for the shift an hour belongs to; else {@code null}
 * @param order the production order's id, for an order; else {@code null}
 * @param product the product's id made in the period, when one product was; else {@code null}
 * @param definition the definition followed
 * @param plannedSeconds planned production time: the period less breaks and planned stops
 * @param runSeconds the time the line ran within the planned production time
 * @param idealCycleSeconds the ideal cycle time applied (a weighted mean when it changed in the period)
 * @param totalCount units made
 * @param goodCount good units
 * @param availability run time over planned production time (see {@link Definition})
 * @param performance ideal cycle time times total count over run time
 * @param quality good count over total count (1 when nothing was made)
 * @param oee availability times performance times quality
 * @param losses the six big losses
 */
public record OeeFigures(PointPath line, Period period, Instant from, Instant to, boolean complete,
                         @Nullable String shift, @Nullable String order, @Nullable String product,
                         Definition definition, double plannedSeconds, double runSeconds, double idealCycleSeconds,
                         long totalCount, long goodCount, double availability, double performance, double quality,
                         double oee, Losses losses) {

    /** Rejected units: total less good. */
    public long rejectCount() {
        return totalCount - goodCount;
    }
}
