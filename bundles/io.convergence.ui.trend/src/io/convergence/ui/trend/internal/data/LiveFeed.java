package io.convergence.ui.trend.internal.data;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;
import io.convergence.ui.trend.internal.model.LiveTail;

import org.jspecify.annotations.Nullable;

/**
 * Feeds the pens' live tails from the sample bus. Subscribes with {@link Delivery#MAY_SKIP}: a
 * busy screen skips batches rather than slow the historian down; what was skipped is still in the
 * historian and comes back at the next read.
 */
public final class LiveFeed implements AutoCloseable {

    private final Map<PointPath, LiveTail> tails = new ConcurrentHashMap<>();
    private @Nullable BusSubscription subscription;

    /** Subscribes to a bus; a previous subscription is closed. */
    public synchronized void attach(SampleBus bus) {
        close();
        subscription = bus.subscribe("trend", Delivery.MAY_SKIP, this::onSamples);
    }

    /** Starts keeping the live samples of a point from {@code nowMicros} on. */
    public LiveTail track(PointPath point, long nowMicros) {
        return tails.computeIfAbsent(point, p -> new LiveTail(nowMicros));
    }

    /** Forgets a point's live samples. */
    public void untrack(PointPath point) {
        tails.remove(point);
    }

    /** A point's tail, or {@code null} if it is not tracked. */
    public @Nullable LiveTail tail(PointPath point) {
        return tails.get(point);
    }

    /** Sum of the tails' versions: changes whenever a tracked point got a sample. */
    public long version() {
        long v = 0;
        for (LiveTail t : tails.values()) {
            v += t.version();
        }
        return v;
    }

    /** Whether a bus subscription is open. */
    public synchronized boolean attached() {
        return subscription != null;
    }

    void onSamples(SampleBatch batch) {
        if (tails.isEmpty()) {
            return;
        }
        PointPath lastPoint = null;
        LiveTail last = null;
        for (int i = 0; i < batch.size(); i++) {
            PointPath p = batch.point(i);
            if (p != lastPoint) {
                lastPoint = p;
                last = tails.get(p);
            }
            if (last != null && batch.text(i) == null) {
                last.add(batch.timeMicros(i), batch.number(i), batch.quality(i));
            }
        }
    }

    /** Closes the bus subscription; the tails stay. */
    @Override
    public synchronized void close() {
        BusSubscription s = subscription;
        subscription = null;
        if (s != null) {
            s.close();
        }
    }
}
