package io.convergence.models.internal;

import java.util.function.Consumer;

import io.convergence.api.point.SampleBatch;

/**
 * Gathers the outputs of a run fed from history, to store them in one {@code Historian.replace}: the
 * stored outputs of the range change all at once, or not at all. Holds them in memory (about fifty
 * bytes a row): a recompute over a long range of a model with frequent outputs costs memory in
 * proportion.
 */
final class OutputCollector implements Consumer<SampleBatch> {

    private final SampleBatch.Builder rows = SampleBatch.builder(256);

    @Override
    public synchronized void accept(SampleBatch batch) {
        rows.addAll(batch);
    }

    /** What was gathered, cut at two times: before {@code from}, in {@code [from, to)}, and from {@code to} on. */
    synchronized Parts split(long from, long to) {
        SampleBatch all = rows.build();
        SampleBatch.Builder before = SampleBatch.builder(16);
        SampleBatch.Builder inside = SampleBatch.builder(Math.max(16, all.size()));
        SampleBatch.Builder after = SampleBatch.builder(16);
        long max = Long.MIN_VALUE;
        for (int i = 0; i < all.size(); i++) {
            long t = all.timeMicros(i);
            if (t < from) {
                before.addRow(all, i);
            } else if (t >= to) {
                after.addRow(all, i);
            } else {
                inside.addRow(all, i);
                max = Math.max(max, t);
            }
        }
        return new Parts(before.build(), inside.build(), after.build(), max);
    }

    /**
     * Outputs cut at a range.
     *
     * @param latest the latest time in {@code inside}; {@link Long#MIN_VALUE} when it is empty
     */
    record Parts(SampleBatch before, SampleBatch inside, SampleBatch after, long latest) {
    }
}
