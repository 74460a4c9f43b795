package io.convergence.models.internal;

import java.time.Duration;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.historian.Historian;
import io.convergence.api.point.PointRegistry;

/**
 * What every hosted model works with.
 *
 * @param advance how often a live run's time advances
 * @param checkpointPeriod how often a live run is checkpointed
 * @param maxQueued input samples a model may have waiting before its bus subscription waits
 * @param retry the first wait before a failed model is started again (it doubles up to ten minutes)
 * @param stopTimeout how long stopping a model may take
 */
record HostServices(SampleBus bus, PointRegistry registry, ModelEvents events, Historian historian,
                    CheckpointStore store, StoreBarrier barrier, Replayer replayer, HistoryFeed feed,
                    Duration advance, Duration checkpointPeriod, long maxQueued, Duration retry, Duration stopTimeout) {
}
