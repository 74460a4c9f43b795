package io.convergence.api.model;

import io.convergence.api.point.SampleBatch;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One run of a model: its state and logic, fed by the {@link ModelHost}. Called by one thread at a
 * time. Implemented by partners.
 *
 * @since 1.0
 */
@ConsumerType
public interface ModelRun {

    /**
     * Samples of the model's input points. Within a point, times never go back: a sample older than
     * one already given is late data, which the host handles by recomputing (see
     * {@link AnalyticsModel#recomputeFrom}); the run never sees it.
     */
    void onSamples(SampleBatch batch);

    /**
     * Time has reached {@code micros} (microseconds since the epoch, the samples' time base):
     * periods that end at or before it can be closed and published. Live, the host calls it about
     * once a second with the system clock; in a replay, at the end of the range.
     */
    default void advance(long micros) {
    }

    /**
     * The run's state, from which a later live run resumes exactly where this one stands (see
     * {@link ModelContext#checkpoint()}). The host takes one now and then, and at a graceful stop.
     */
    byte[] checkpoint();

    /** Ends the run; the host takes a last {@link #checkpoint()} before. */
    default void close() {
    }
}
