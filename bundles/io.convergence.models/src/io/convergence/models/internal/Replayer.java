package io.convergence.models.internal;

import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.convergence.api.event.Event;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.model.AnalyticsModel;
import io.convergence.api.model.ModelContext.Mode;
import io.convergence.api.model.ModelRun;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh run of a model over a range of history: opened empty at the range's start, fed every stored
 * sample of its inputs in the range, advanced to its end, closed. Recomputes and
 * {@code ModelHost.replay} go through here.
 */
final class Replayer {

    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);

    private final Historian historian;
    private final HistoryFeed feed;

    Replayer(Historian historian) {
        this.historian = historian;
        this.feed = new HistoryFeed(historian);
    }

    /**
     * What a replay leaves.
     *
     * @param read per input point, the last sample fed
     * @param state the run's checkpoint at the end, when asked for
     * @param samples the samples fed
     */
    record Result(Watermarks read, byte @Nullable [] state, long samples) {
    }

    /**
     * @param queue the live queue of the model, whose rows read from history are marked; or null
     * @param wantState whether to take the run's checkpoint at the end (to continue live from it)
     */
    Result run(AnalyticsModel model, String modelId, Inputs inputs, Set<PointPath> outputs, long from, long to,
               Consumer<SampleBatch> sink, Consumer<Event> events, @Nullable InputQueue queue, BooleanSupplier stop,
               boolean wantState) throws HistorianException {
        RunContext ctx = new RunContext(Mode.REPLAY, modelId, Micros.toInstant(from), Micros.toInstant(to), null,
            outputs, sink, events, null);
        ModelRun run = ModelFailure.call(modelId, "open", () -> model.open(ctx));
        try {
            Watermarks read = new Watermarks();
            long n = feed.feed(modelId, run, inputs.stored(historian), from, to, read, Long.MIN_VALUE, queue, stop);
            ModelFailure.run(modelId, "advance", () -> run.advance(to));
            byte[] state = wantState ? ModelFailure.call(modelId, "checkpoint", run::checkpoint) : null;
            return new Result(read, state, n);
        } finally {
            close(modelId, run);
        }
    }

    /** Closes a run; what it throws there is logged, the run is over anyway. */
    static void close(String modelId, ModelRun run) {
        try {
            run.close();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("model '{}': closing a run failed: {}", modelId, ModelFailure.describe(e));
        }
    }
}
