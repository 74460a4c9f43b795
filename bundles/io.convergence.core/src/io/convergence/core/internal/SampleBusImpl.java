package io.convergence.core.internal;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.convergence.api.bus.BusStatistics;
import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.bus.SampleListener;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.SampleBatch;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The sample bus: one bounded queue and one delivery thread per subscriber, so that a slow
 * subscriber never holds up another. See {@link io.convergence.api.bus}.
 */
@Component(service = SampleBus.class)
public final class SampleBusImpl implements SampleBus {

    /** Batches a subscriber may have queued before it either holds publishers up or skips. */
    static final int QUEUE_BATCHES = 256;

    private final CopyOnWriteArrayList<BusQueue> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong publishedBatches = new AtomicLong();
    private final AtomicLong publishedSamples = new AtomicLong();
    private final AtomicLong skippedByClosed = new AtomicLong();

    @Override
    public void publish(SampleBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        publishedBatches.incrementAndGet();
        publishedSamples.addAndGet(batch.size());
        for (BusQueue s : subscribers) {
            s.offer(batch);
        }
    }

    @Override
    public BusSubscription subscribe(String name, Delivery delivery, SampleListener listener) {
        return subscribe(name, delivery, PointFilter.all(), listener);
    }

    @Override
    public BusSubscription subscribe(String name, Delivery delivery, PointFilter filter, SampleListener listener) {
        BusQueue q = new BusQueue(name, delivery, filter, listener, QUEUE_BATCHES, this::removed);
        subscribers.add(q);
        q.start();
        return q;
    }

    @Override
    public BusStatistics statistics() {
        long skipped = skippedByClosed.get();
        for (BusQueue s : subscribers) {
            skipped += s.skippedBatches();
        }
        return new BusStatistics(publishedBatches.get(), publishedSamples.get(), skipped, subscribers.size());
    }

    @Deactivate
    void deactivate() {
        for (BusQueue s : subscribers) {
            s.close();
        }
    }

    private void removed(BusQueue q) {
        if (subscribers.remove(q)) {
            skippedByClosed.addAndGet(q.skippedBatches());
        }
    }
}
