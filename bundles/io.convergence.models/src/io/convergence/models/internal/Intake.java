package io.convergence.models.internal;

import java.util.HashMap;
import java.util.Map;

import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;

/**
 * What of a live batch a run gets. Per row: a point that is not an input (the model's own output) is
 * skipped; a row fed from history while the batch waited is dropped; after its point's watermark it
 * is fed; at the watermark it is a repeat of the last sample consumed (a source resending after a
 * reconnect) and dropped; before it, late. Nothing changes until {@link #commit}: a batch with late
 * rows is put back and taken again after the recompute.
 *
 * @param kept the rows to feed
 * @param moved the watermarks the batch moves
 * @param read rows that were fed from history, with how often
 * @param late the earliest late time; {@link Long#MAX_VALUE} when none is late
 * @param latePoint the point of that row; null when none is late
 */
record Intake(SampleBatch kept, Map<PointPath, Long> moved, Map<Row, Integer> read, long late,
              @Nullable PointPath latePoint) {

    static Intake of(SampleBatch batch, Inputs inputs, Watermarks marks, InputQueue q) {
        SampleBatch.Builder kept = SampleBatch.builder(batch.size());
        Map<PointPath, Long> moved = new HashMap<>();
        Map<Row, Integer> read = new HashMap<>();
        long late = Long.MAX_VALUE;
        @Nullable PointPath latePoint = null;
        for (int i = 0; i < batch.size(); i++) {
            PointPath p = batch.point(i);
            if (!inputs.accepts(p)) {
                continue;
            }
            long t = batch.timeMicros(i);
            Row row = new Row(p, t);
            if (q.readCount(row) > read.getOrDefault(row, 0)) {
                read.merge(row, 1, Integer::sum);
                continue;
            }
            Long w = moved.containsKey(p) ? moved.get(p) : marks.get(p);
            if (w == null || t > w) {
                kept.addRow(batch, i);
                moved.put(p, t);
            } else if (t < w && t < late) {
                late = t;
                latePoint = p;
            }
        }
        return new Intake(kept.build(), moved, read, late, latePoint);
    }

    boolean hasLate() {
        return latePoint != null;
    }

    /** Unmarks the rows dropped as read from history and moves the watermarks. */
    void commit(InputQueue q, Watermarks marks) {
        read.forEach((r, n) -> {
            for (int i = 0; i < n; i++) {
                q.takeRead(r);
            }
        });
        moved.forEach(marks::put);
    }
}
