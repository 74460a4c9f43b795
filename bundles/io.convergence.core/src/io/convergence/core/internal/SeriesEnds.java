package io.convergence.core.internal;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;

/**
 * Where each point's recorded series ends: the time of the last sample stored, in the order they
 * came, and whether it marks a gap. A graceful stop writes a gap marker just after each end that is
 * not one already, in the time base of the point's own samples (its source's clock), so the marker
 * sits next to them even when that clock is off from this machine's. The last sample that came, not
 * the latest time: one value stamped in the year 12000 by a clock that then recovered must not carry
 * the end of the series there. Thread-safe.
 */
final class SeriesEnds {

    private static final class End {
        long micros;
        boolean gap;

        End(long micros, boolean gap) {
            this.micros = micros;
            this.gap = gap;
        }
    }

    private final Map<PointPath, End> ends = new HashMap<>();

    /** Takes note of a stored batch. */
    synchronized void stored(SampleBatch b) {
        // Producers reuse their PointPath objects: look each one up once per batch.
        Map<PointPath, End> seen = new IdentityHashMap<>();
        @Nullable PointPath last = null;
        @Nullable End end = null;
        for (int i = 0; i < b.size(); i++) {
            PointPath p = b.point(i);
            if (p != last) {
                end = seen.get(p);
                if (end == null) {
                    end = ends.computeIfAbsent(p, k -> new End(Long.MIN_VALUE, true));
                    seen.put(p, end);
                }
                last = p;
            }
            end.micros = b.timeMicros(i);
            end.gap = b.isGap(i);
        }
    }

    /** A gap marker one microsecond after every series end that is not a gap marker already. */
    synchronized SampleBatch openEnds() {
        SampleBatch.Builder b = SampleBatch.builder(Math.max(4, ends.size()));
        for (Map.Entry<PointPath, End> e : ends.entrySet()) {
            End end = e.getValue();
            if (!end.gap && end.micros < Long.MAX_VALUE) {
                b.addGap(e.getKey(), end.micros + 1);
            }
        }
        return b.build();
    }

    synchronized int points() {
        return ends.size();
    }
}
