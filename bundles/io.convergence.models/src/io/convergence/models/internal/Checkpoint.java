package io.convergence.models.internal;

import java.util.Map;

import io.convergence.api.point.PointPath;

/**
 * What a live run resumes from: the run's own bytes and the host's bookkeeping around them.
 *
 * @param takenAt when it was taken, wall clock, microseconds
 * @param origin when the live runs of this model began (their first start); samples of a point the
 *     run has never consumed count from here on
 * @param outputsFrom the time from which stored outputs may come from after this checkpoint: every
 *     output the run published before it lies earlier. A catch-up replaces the model's stored outputs
 *     from here on, so that outputs published after the checkpoint and computed again are not doubled.
 * @param watermarks per input point, the time of the last sample consumed
 * @param state what {@code ModelRun.checkpoint()} returned
 */
record Checkpoint(long takenAt, long origin, long outputsFrom, Map<PointPath, Long> watermarks, byte[] state) {

    Checkpoint {
        watermarks = Map.copyOf(watermarks);
    }
}
