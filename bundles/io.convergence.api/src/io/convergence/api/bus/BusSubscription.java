package io.convergence.api.bus;

import org.osgi.annotation.versioning.ProviderType;

/** A subscription to the {@link SampleBus}. */
@ProviderType
public interface BusSubscription extends AutoCloseable {

    /** Batches skipped because this subscriber fell behind (always 0 for {@link Delivery#EVERY_BATCH}). */
    long skippedBatches();

    /** Samples delivered so far. */
    long deliveredSamples();

    /** Stops delivery after the batch in hand, if any; queued batches are dropped. */
    @Override
    void close();
}
