package io.convergence.models.internal;

import java.util.concurrent.atomic.AtomicLong;

import io.convergence.api.model.ModelRun;

/**
 * The live run of a model and the host's bookkeeping for it. Used on the model's thread only, but
 * {@link #latestOutput} also by whatever thread the run publishes from.
 */
final class Live {

    /** When the live runs of the model began; kept across checkpoints. */
    final long origin;
    /** Per input point, the last sample consumed. */
    Watermarks marks;
    /** See {@link Checkpoint#outputsFrom()}. */
    long outputsFrom;
    /** The latest time of an output published by this run or the runs it continues; MIN_VALUE when none. */
    final AtomicLong latestOutput;
    final RunContext context;
    final ModelRun run;

    Live(long origin, Watermarks marks, long outputsFrom, AtomicLong latestOutput, RunContext context, ModelRun run) {
        this.origin = origin;
        this.marks = marks;
        this.outputsFrom = outputsFrom;
        this.latestOutput = latestOutput;
        this.context = context;
        this.run = run;
    }

    /** The output bound a checkpoint taken now records: after every output published so far. */
    long outputsFromNow() {
        long latest = latestOutput.get();
        return latest == Long.MIN_VALUE ? outputsFrom : Math.max(outputsFrom, latest + 1);
    }
}
