package io.convergence.connector.opcua.internal;

import java.util.Collection;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.point.SampleBatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes gap markers (bad quality, no value) on each point's own time base. A marker sits where
 * what is known of the point ends: after its last value, at the time of the last notification or
 * keep-alive its subscription received (until then the server had reported every change), translated
 * to the point's clock with the offset seen on its last value. Samples from a server whose clock is
 * off from ours, or from devices with clocks of their own, therefore get the marker between the
 * samples it separates, not at the local time of the loss. A point already marked is not marked again
 * until a value arrives.
 */
final class Gaps {

    private static final Logger LOG = LoggerFactory.getLogger(Gaps.class);

    private final SampleBus bus;
    /** Offset of the last value of any point, for points that never had a value. */
    private volatile long anyOffsetMicros;

    Gaps(SampleBus bus) {
        this.bus = bus;
    }

    /** Remembers an offset of the source's clock against ours (called with every delivery). */
    void offset(long micros) {
        anyOffsetMicros = micros;
    }

    /**
     * Marks a gap for each item that has none open.
     *
     * @param knownUntilLocalMicros local time up to which the server had reported every change
     * @return how many points were marked
     */
    int mark(Collection<PointItem> items, long knownUntilLocalMicros) {
        SampleBatch.Builder b = SampleBatch.builder(items.size());
        for (PointItem p : items) {
            if (p.gapOpen) {
                continue;
            }
            p.gapOpen = true;
            b.addGap(p.point, time(p, knownUntilLocalMicros));
        }
        SampleBatch batch = b.build();
        if (!batch.isEmpty()) {
            try {
                bus.publish(batch);
            } catch (RuntimeException e) {
                // the bus is closing with the runtime: nothing records any more
                LOG.debug("gap markers not published: {}", e.toString());
            }
        }
        return batch.size();
    }

    private long time(PointItem p, long knownUntilLocalMicros) {
        long last = p.lastMicros;
        if (last == Long.MIN_VALUE) {
            return knownUntilLocalMicros + anyOffsetMicros;
        }
        return Math.max(last + 1, knownUntilLocalMicros + p.offsetMicros);
    }
}
