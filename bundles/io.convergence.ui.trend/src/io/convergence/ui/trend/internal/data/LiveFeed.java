package io.convergence.ui.trend.internal.data;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;
import io.convergence.ui.common.ServiceBinding;
import io.convergence.ui.trend.internal.model.LiveTail;

import org.jspecify.annotations.Nullable;

/**
 * Feeds the pens' live tails from the sample bus, subscribed to the pens' points only. Subscribes
 * with {@link Delivery#MAY_SKIP}: a busy screen skips batches rather than slow the historian down;
 * what was skipped is still in the historian and comes back at the next read.
 */
public final class LiveFeed implements AutoCloseable {

    private final Map<PointPath, LiveTail> tails = new ConcurrentHashMap<>();
    private final ServiceBinding<SampleBus> bus = new ServiceBinding<>(
        b -> b.subscribe("trend", Delivery.MAY_SKIP, PointFilter.paths(tails.keySet()), this::onSamples));

    /** Takes the bus injected now, {@code null} when there is none: subscribes to it for the pens' points. */
    public void attach(@Nullable SampleBus b) {
        bus.set(b);
    }

    /** Starts keeping the live samples of a point from {@code nowMicros} on. */
    public LiveTail track(PointPath point, long nowMicros) {
        LiveTail[] created = {null};
        LiveTail t = tails.computeIfAbsent(point, p -> created[0] = new LiveTail(nowMicros));
        if (created[0] != null) {
            bus.reopen();
        }
        return t;
    }

    /** Forgets a point's live samples. */
    public void untrack(PointPath point) {
        if (tails.remove(point) != null) {
            bus.reopen();
        }
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

    /** Whether there is a bus to subscribe to. */
    public boolean attached() {
        return bus.get() != null;
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

    /** Closes the bus subscription for good; the tails stay. */
    @Override
    public void close() {
        bus.close();
    }
}
