package io.convergence.api.bus;

import io.convergence.api.point.PointFilter;
import io.convergence.api.point.SampleBatch;

import org.osgi.annotation.versioning.ProviderType;

/** The runtime's sample bus, a service. Partners call it; the runtime implements it. */
@ProviderType
public interface SampleBus {

    /**
     * Hands a batch to every subscriber. Returns once the batch is queued for each; waits while an
     * {@link Delivery#EVERY_BATCH} subscriber's queue is full.
     */
    void publish(SampleBatch batch);

    /**
     * Subscribes a listener. Batches published after this call are delivered, in publishing order,
     * on a thread of the subscription's own.
     *
     * @param name a short name for diagnostics, such as {@code historian} or {@code live-values}
     * @param delivery whether the listener must see every batch
     * @param listener what to call
     * @return the subscription; close it to stop delivery
     */
    BusSubscription subscribe(String name, Delivery delivery, SampleListener listener);

    /**
     * Subscribes a listener to the samples of some points only: each batch is cut down to the rows
     * whose point the filter matches before it is queued, and batches with no such row are not
     * delivered at all. A view showing three points of ten thousand thus queues and handles three.
     *
     * @param name a short name for diagnostics
     * @param delivery whether the listener must see every batch
     * @param filter the points wanted
     * @param listener what to call
     * @return the subscription; close it to stop delivery
     * @since 1.1
     */
    BusSubscription subscribe(String name, Delivery delivery, PointFilter filter, SampleListener listener);

    /** Totals since the bus started. */
    BusStatistics statistics();
}
