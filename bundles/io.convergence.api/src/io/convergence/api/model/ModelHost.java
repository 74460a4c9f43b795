package io.convergence.api.model;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.convergence.api.event.Event;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.SampleBatch;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs every {@link AnalyticsModel} service: feeds each a live run from the sample bus (after
 * catching up from history from its checkpoint on), checkpoints it, and recomputes ranges whose
 * input data arrived late. A service of the runtime; partners and the command line call it.
 *
 * @since 1.0
 */
@ProviderType
public interface ModelHost {

    /** Every model the host runs now, sorted by id. */
    List<ModelStatus> models();

    /**
     * Recomputes a range of a running model: replays its input history over
     * {@code [model.recomputeFrom(from), to)} through a new run and replaces its stored outputs in
     * that range.
     *
     * @return completes with the model's status once the range is recomputed; fails with an
     *     {@link IllegalArgumentException} for an unknown model
     */
    CompletableFuture<ModelStatus> recompute(String modelId, Instant from, Instant to);

    /**
     * Runs a model over history without storing anything: a replay run over {@code [from, to)},
     * its outputs and events handed to the consumers given. The command line computes figures
     * this way; the model need not be registered.
     *
     * @throws HistorianException if the history cannot be read
     */
    void replay(AnalyticsModel model, Instant from, Instant to, Consumer<SampleBatch> outputs, Consumer<Event> events)
        throws HistorianException;
}
