package io.convergence.models.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.model.ModelRun;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;

/**
 * Feeds a run from history, through the same {@code onSamples} as live: the samples of its input
 * points in a range, in time order, in batches, skipping per point what the run has consumed.
 */
final class HistoryFeed {

    static final int BATCH = 10_000;

    private final Historian historian;

    HistoryFeed(Historian historian) {
        this.historian = historian;
    }

    /**
     * Feeds the stored samples of {@code points} in {@code [from, to)}. A sample of a point at or before
     * the point's watermark is skipped (it was counted before), as is one of a point without watermark
     * before {@code floor}; the watermarks follow what is fed.
     *
     * @param queue the model's live queue, told about each row fed; null when nothing is queued
     * @param stop checked between batches: a stop unwinds the read with {@link ModelFailure.StopRequested}
     * @return the samples fed
     */
    long feed(String modelId, ModelRun run, List<PointPath> points, long from, long to, Watermarks marks, long floor,
              @Nullable InputQueue queue, BooleanSupplier stop) throws HistorianException {
        if (points.isEmpty() || from >= to) {
            return 0;
        }
        AtomicLong fed = new AtomicLong();
        historian.read(points, Micros.toInstant(from), Micros.toInstant(to), BATCH, batch -> {
            if (stop.getAsBoolean()) {
                throw new ModelFailure.StopRequested();
            }
            SampleBatch.Builder kept = SampleBatch.builder(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                PointPath p = batch.point(i);
                long t = batch.timeMicros(i);
                Long w = marks.get(p);
                if (w == null ? t >= floor : t > w) {
                    kept.addRow(batch, i);
                    marks.put(p, t);
                    if (queue != null) {
                        queue.markRead(p, t);
                    }
                }
            }
            SampleBatch b = kept.build();
            if (!b.isEmpty()) {
                ModelFailure.run(modelId, "onSamples", () -> run.onSamples(b));
                fed.addAndGet(b.size());
            }
        });
        return fed.get();
    }
}
