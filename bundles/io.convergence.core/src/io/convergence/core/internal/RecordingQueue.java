package io.convergence.core.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.event.Event;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the recorder took from the bus and has not stored yet, bounded in bytes, with the counts of
 * everything it took. It outlives the {@link RecorderImpl} that writes it out: when the historian or
 * the recorder's configuration changes, the old writer {@linkplain #release() releases} the queue with
 * its bus subscription still open, and the next writer {@linkplain #claim claims} it, so nothing
 * published in between is missed. A queue nobody claims within {@link #UNCLAIMED_SECONDS} is closed
 * and what it held counted as dropped.
 *
 * <p>While a writer is attached and the historian stores, a full queue holds the publishers up, as
 * the bus promises an {@link Delivery#EVERY_BATCH every-batch} subscriber. While the historian cannot
 * store (a full disk), or no writer is attached, holding publishers would freeze every connector and
 * every live view for as long as that lasts: the queue then drops what does not fit, counts it, and
 * remembers per point the earliest time dropped, where a gap marker is written once the historian
 * stores again.
 */
final class RecordingQueue {

    static final int UNCLAIMED_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(RecordingQueue.class);

    private static @Nullable RecordingQueue released;

    /** A queued batch and the bytes it was counted with. */
    record Entry(SampleBatch batch, long bytes) {
    }

    private final SampleBus bus;
    private final BusSubscription subscription;
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final SeriesEnds ends = new SeriesEnds();
    private final Map<PointPath, Long> firstDropped = new HashMap<>();
    private long maxBytes;
    /** Bytes of the queued batches and of those taken and not yet stored. */
    private long heldBytes;
    private long queuedSamples;
    private long received;
    private long stored;
    private long rejected;
    private long dropped;
    private long failedAppends;
    private @Nullable String lastError;
    private boolean attached;
    private boolean historianFailing;
    private boolean diskFull;
    private boolean closed;
    private volatile Consumer<Event> events = e -> { };
    private final long publishedBefore;

    private RecordingQueue(SampleBus bus, long maxBytes) {
        this.bus = bus;
        this.maxBytes = maxBytes;
        this.subscription = bus.subscribe("recorder", Delivery.EVERY_BATCH, this::accept);
        // After subscribing: what is published meanwhile is both counted here and delivered.
        this.publishedBefore = bus.statistics().publishedSamples();
    }

    /** Samples published on the bus since this queue subscribed. */
    long publishedSince() {
        return bus.statistics().publishedSamples() - publishedBefore;
    }

    /** Samples the bus has delivered to this queue. */
    long delivered() {
        return subscription.deliveredSamples();
    }

    /** The released queue of this bus, if any, else a new one subscribed to the bus. */
    static synchronized RecordingQueue claim(SampleBus bus, long maxBytes) {
        RecordingQueue q = released;
        released = null;
        if (q != null) {
            if (q.bus == bus && !q.isClosed()) {
                q.resize(maxBytes);
                return q;
            }
            q.close();
        }
        return new RecordingQueue(bus, maxBytes);
    }

    /** Leaves the queue, subscription open, for the next writer; closed if none claims it in time. */
    void release() {
        detach();
        synchronized (RecordingQueue.class) {
            released = this;
        }
        CompletableFuture.delayedExecutor(UNCLAIMED_SECONDS, TimeUnit.SECONDS).execute(() -> {
            synchronized (RecordingQueue.class) {
                if (released != this) {
                    return;
                }
                released = null;
            }
            LOG.warn("no recorder took over the recording queue within {} s; closing it", UNCLAIMED_SECONDS);
            close();
        });
    }

    synchronized void attach(Consumer<Event> sink) {
        attached = true;
        events = sink;
        notifyAll();
    }

    synchronized void detach() {
        attached = false;
        notifyAll();
    }

    private synchronized void resize(long bytes) {
        maxBytes = bytes;
        notifyAll();
    }

    /** From the bus: queue the batch, hold the publisher while the historian is merely behind, or drop. */
    private void accept(SampleBatch batch) {
        long bytes = BatchBytes.of(batch);
        synchronized (this) {
            received += batch.size();
            while (!closed && heldBytes > 0 && heldBytes + bytes > maxBytes) {
                if (!attached || historianFailing) {
                    drop(batch);
                    return;
                }
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    drop(batch);
                    return;
                }
            }
            if (closed) {
                drop(batch);
                return;
            }
            queue.addLast(new Entry(batch, bytes));
            heldBytes += bytes;
            queuedSamples += batch.size();
            notifyAll();
        }
    }

    private void drop(SampleBatch batch) {
        boolean first = firstDropped.isEmpty();
        dropped += batch.size();
        for (int i = 0; i < batch.size(); i++) {
            firstDropped.merge(batch.point(i), batch.timeMicros(i), Math::min);
        }
        if (first) {
            String why = closed ? "the recorder stopped" : !attached ? "no historian is attached"
                : diskFull ? "the historian's disk is full" : "the historian cannot store";
            LOG.warn("recording queue full ({} MB) and {}: dropping new samples; each point gets a gap marker",
                maxBytes >> 20, why);
            events.accept(new Event(Instant.now(), "recorder", "recorder.dropped", Event.Severity.ERROR,
                "recording queue full (" + (maxBytes >> 20) + " MB) and " + why + ": new samples are dropped until"
                    + " it stores again; each point gets a gap marker where its samples were dropped",
                Map.of("dropped", Long.toString(dropped), "reason", why)));
        }
    }

    /**
     * Takes queued batches of up to {@code maxSamples} in all (at least one batch), waiting up to
     * {@code timeoutMs} for one. They stay counted against the bound until {@link #stored} or
     * {@link #putBack}.
     */
    synchronized List<Entry> take(int maxSamples, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (queue.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        List<Entry> out = new ArrayList<>();
        int n = 0;
        while (!queue.isEmpty() && (out.isEmpty() || n + queue.peekFirst().batch().size() <= maxSamples)) {
            Entry e = queue.pollFirst();
            out.add(e);
            n += e.batch().size();
            queuedSamples -= e.batch().size();
        }
        return out;
    }

    /** Puts taken batches back at the head, in their order, for the next writer. */
    synchronized void putBack(List<Entry> taken) {
        for (int i = taken.size() - 1; i >= 0; i--) {
            queue.addFirst(taken.get(i));
            queuedSamples += taken.get(i).batch().size();
        }
        notifyAll();
    }

    /** Puts the unstored rest of a taken batch back at the head, counted again against the bound. */
    synchronized void requeue(SampleBatch rest) {
        long bytes = BatchBytes.of(rest);
        queue.addFirst(new Entry(rest, bytes));
        heldBytes += bytes;
        queuedSamples += rest.size();
        notifyAll();
    }

    /** The historian acknowledged a batch; {@code bytes} of the taken batches are free again. */
    void stored(SampleBatch batch, long bytes) {
        ends.stored(batch);
        synchronized (this) {
            stored += batch.size();
            heldBytes -= bytes;
            notifyAll();
        }
    }

    /** Samples the historian refused alone, for a reason of the data, and that are set aside. */
    synchronized void rejected(int samples) {
        rejected += samples;
    }

    /** Frees the bytes of taken batches stored piecewise (see {@link #stored}, with 0 bytes). */
    synchronized void freed(long bytes) {
        heldBytes -= bytes;
        notifyAll();
    }

    /** An append failed; {@code storage} when the storage failed (then new samples may be dropped). */
    synchronized void failed(String error, boolean storage, boolean full) {
        failedAppends++;
        lastError = error;
        if (storage) {
            historianFailing = true;
            diskFull = full;
        }
        notifyAll();
    }

    /** The historian stores again. */
    synchronized void healthy() {
        historianFailing = false;
        diskFull = false;
        notifyAll();
    }

    synchronized boolean failing() {
        return historianFailing;
    }

    /** Gap markers where samples were dropped, at the earliest time dropped of each point; then forgotten. */
    synchronized SampleBatch dropGaps() {
        SampleBatch.Builder b = SampleBatch.builder(Math.max(4, firstDropped.size()));
        firstDropped.forEach(b::addGap);
        firstDropped.clear();
        return b.build();
    }

    synchronized boolean hasDrops() {
        return !firstDropped.isEmpty();
    }

    SeriesEnds ends() {
        return ends;
    }

    synchronized boolean isEmpty() {
        return queue.isEmpty();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Stops taking from the bus; what the bus still had queued for us arrives before this returns. */
    void closeSubscription() {
        subscription.close();
    }

    /** Closes the subscription and counts what is still queued as dropped (marked as gaps if written later). */
    void close() {
        subscription.close();
        synchronized (this) {
            closed = true;
            for (Entry e : queue) {
                drop(e.batch());
                heldBytes -= e.bytes();
            }
            queue.clear();
            queuedSamples = 0;
            notifyAll();
        }
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(received, stored, rejected, dropped, failedAppends, lastError, heldBytes, queuedSamples,
            historianFailing ? (diskFull ? "disk-full" : "failing") : "ok");
    }

    /** The counters at one moment. */
    record Snapshot(long received, long stored, long rejected, long dropped, long failedAppends,
                    @Nullable String lastError, long heldBytes, long queuedSamples, String historian) {
    }
}
