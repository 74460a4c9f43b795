package io.convergence.core.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleListener;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.SampleBatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One subscriber of the bus: its queue, its delivery thread and its counters. */
final class BusQueue implements BusSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(BusQueue.class);
    /** How long closing an every-batch subscription waits for the batches queued before it to be delivered. */
    static final long DRAIN_MILLIS = 30_000;

    private final String name;
    private final Delivery delivery;
    private final PointFilter filter;
    private final SampleListener listener;
    private final ArrayBlockingQueue<SampleBatch> queue;
    private final Consumer<BusQueue> onClose;
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    BusQueue(String name, Delivery delivery, PointFilter filter, SampleListener listener, int capacity,
             Consumer<BusQueue> onClose) {
        this.name = name;
        this.delivery = delivery;
        this.filter = filter;
        this.listener = listener;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onClose = onClose;
        this.thread = new Thread(this::run, "convergence-bus-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void offer(SampleBatch published) {
        if (closed) {
            return;
        }
        // Cut on the publisher's thread: a subscriber to a few points queues only their rows.
        SampleBatch batch = published.select(filter);
        if (batch.isEmpty()) {
            return;
        }
        if (delivery == Delivery.EVERY_BATCH) {
            try {
                // Wait for room, but never forever on a subscriber that was closed meanwhile.
                while (!closed && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    // retry
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            while (!queue.offer(batch)) {
                if (queue.poll() != null) {
                    skipped.incrementAndGet();
                }
            }
        }
    }

    private void run() {
        while (true) {
            SampleBatch batch;
            try {
                batch = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (batch == null) {
                if (closed) {
                    break;
                }
                continue;
            }
            try {
                listener.onSamples(batch);
                delivered.addAndGet(batch.size());
            } catch (RuntimeException | Error e) {
                LOG.error("bus subscriber '{}' failed on a batch of {} samples", name, batch.size(), e);
            }
        }
    }

    /** Batches queued and not yet delivered. */
    int pending() {
        return queue.size();
    }

    @Override
    public long skippedBatches() {
        return skipped.get();
    }

    @Override
    public long deliveredSamples() {
        return delivered.get();
    }

    /**
     * Stops taking batches. An every-batch subscriber (a recorder, a model) still gets what was queued
     * for it before: this waits, up to {@link #DRAIN_MILLIS}, until the delivery thread has handed it
     * over. Called from the listener itself, delivery stops after the batch in hand.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (delivery == Delivery.EVERY_BATCH && Thread.currentThread() != thread) {
            try {
                thread.join(DRAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("bus subscriber '{}' did not take its last {} batches within {} ms; they are dropped", name,
                    queue.size(), DRAIN_MILLIS);
            }
        }
        thread.interrupt();
        queue.clear();
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "bus subscription '" + name + "' (" + delivery + ")";
    }
}
