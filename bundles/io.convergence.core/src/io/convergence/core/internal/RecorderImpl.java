package io.convergence.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.SampleBatch;
import io.convergence.core.Recorder;
import io.convergence.core.RecorderStatus;

import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the bus for every batch and appends to the historian from a writer thread of its
 * own, merging whatever queued up meanwhile into one append: the slower the disk, the larger the
 * appends, so the historian keeps up. A failed append is retried with backoff; nothing is dropped.
 * Immediate: it records whenever a historian is there, whether or not anyone asks for its status.
 */
@Component(service = Recorder.class, configurationPid = RecorderImpl.PID, immediate = true)
@Designate(ocd = RecorderImpl.Config.class)
public final class RecorderImpl implements Recorder {

    static final String PID = "io.convergence.core.recorder";
    private static final Logger LOG = LoggerFactory.getLogger(RecorderImpl.class);

    @ObjectClassDefinition(name = "Recorder", description = "Stores every sample of the bus in the historian.")
    public @interface Config {
        @AttributeDefinition(name = "Largest append", description = "Most samples written in one append.", min = "1000")
        int maxAppendSamples() default 200_000;

        @AttributeDefinition(name = "Samples queued", description = "Samples waiting for the historian before publishers are held up.", min = "10000")
        int maxQueuedSamples() default 2_000_000;
    }

    private final Historian historian;
    private final LinkedBlockingQueue<SampleBatch> queue = new LinkedBlockingQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Object room = new Object();
    private final int maxAppend;
    private final int maxQueued;
    private final BusSubscription subscription;
    private final Thread writer;
    private volatile @Nullable String lastError;
    private volatile boolean running = true;

    @Activate
    public RecorderImpl(@Reference SampleBus bus, @Reference Historian historian, Config config) {
        this.historian = historian;
        this.maxAppend = config.maxAppendSamples();
        this.maxQueued = config.maxQueuedSamples();
        this.writer = new Thread(this::write, "convergence-recorder");
        this.writer.setDaemon(true);
        this.writer.start();
        this.subscription = bus.subscribe("recorder", Delivery.EVERY_BATCH, this::accept);
    }

    private void accept(SampleBatch batch) {
        synchronized (room) {
            // Hold the bus (and so the publishers) while the historian is far behind.
            while (running && received.get() - stored.get() > maxQueued) {
                try {
                    room.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        received.addAndGet(batch.size());
        queue.add(batch);
    }

    private void write() {
        List<SampleBatch> taken = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                SampleBatch first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                int n = first.size();
                SampleBatch next;
                while (n < maxAppend && (next = queue.peek()) != null && n + next.size() <= maxAppend) {
                    taken.add(queue.poll());
                    n += next.size();
                }
                SampleBatch merged = merge(taken, n);
                appendUntilDone(merged);
                taken.clear();
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            }
        }
    }

    private void appendUntilDone(SampleBatch batch) throws InterruptedException {
        long backoff = 100;
        while (true) {
            try {
                historian.append(batch);
                stored.addAndGet(batch.size());
                synchronized (room) {
                    room.notifyAll();
                }
                return;
            } catch (HistorianException | RuntimeException e) {
                failed.incrementAndGet();
                lastError = e.getMessage();
                LOG.error("historian append of {} samples failed; retrying in {} ms: {}", batch.size(), backoff,
                    e.getMessage());
                if (!running) {
                    throw new InterruptedException("stopping with an append that failed");
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private static SampleBatch merge(List<SampleBatch> batches, int size) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        SampleBatch.Builder b = SampleBatch.builder(size);
        for (SampleBatch s : batches) {
            b.addAll(s);
        }
        return b.build();
    }

    @Override
    public RecorderStatus status() {
        long r = received.get();
        long s = stored.get();
        return new RecorderStatus(r, s, r - s, failed.get(), lastError);
    }

    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = -1;
        while (System.nanoTime() < deadline) {
            // What the bus has handed over so far must be received, then stored.
            long r = received.get();
            if (target < 0 || r > target) {
                target = r;
            }
            if (stored.get() >= target && queue.isEmpty()) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        subscription.close();
        running = false;
        writer.join(30_000);
    }
}
