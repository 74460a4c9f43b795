package io.convergence.api.oee;

import java.time.Instant;

import io.convergence.api.business.LossCategory;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * A time the line did not run: from the state point leaving a running state to it entering one.
 *
 * @param line the line's point path
 * @param start when it stopped; the stop's identity on its line
 * @param end when it ran again; {@code null} while it is still stopped
 * @param reasonCode the reason code (an operator's correction, else the machine's, else {@code null})
 * @param reasonText the reason's text from the reason codes, else the machine state's value
 * @param category the OEE factor it costs: availability, or performance for a micro-stop
 * @param planned whether it lies in a break or a planned stop (it then costs no OEE)
 * @param micro whether it was shorter than the model's micro-stop limit
 * @param corrected whether an operator set its reason or split it
 */
public record Stop(PointPath line, Instant start, @Nullable Instant end, @Nullable String reasonCode,
                   String reasonText, LossCategory category, boolean planned, boolean micro, boolean corrected) {

    /** Its length up to {@code now} when it is still running, else up to its end, in seconds. */
    public double seconds(Instant now) {
        Instant e = end == null ? now : end;
        return Math.max(0, (e.toEpochMilli() - start.toEpochMilli()) / 1000.0);
    }
}
