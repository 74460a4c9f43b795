package io.convergence.sim.plant.internal.model;

import org.jspecify.annotations.Nullable;

/**
 * A time the line's counting machine did not run: what the simulation knows it did, for checking
 * the figures computed from recorded data.
 *
 * @param startMillis when the machine stopped: the time of the first sample that shows the stop
 * @param endMillis when it ran again (or the reason changed): the time of the first sample that no
 *     longer shows this stop
 * @param reason the {@link DownReason} code, {@link DownReason#NONE} for a short idle
 * @param orderId the order the line was on, null if none
 */
public record LineStop(long startMillis, long endMillis, int reason, @Nullable String orderId) {

    /** How long the stop lasted. */
    public long millis() {
        return endMillis - startMillis;
    }
}
