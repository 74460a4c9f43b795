package io.convergence.api.bus;

import io.convergence.api.point.SampleBatch;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives batches from the {@link SampleBus}. Implemented by partners. */
@ConsumerType
@FunctionalInterface
public interface SampleListener {

    /**
     * Called with each batch, on the subscription's own thread, never concurrently with itself.
     * An exception is logged and delivery goes on with the next batch.
     */
    void onSamples(SampleBatch batch);
}
