package io.convergence.api.model;

import java.time.Instant;
import java.util.Optional;

import io.convergence.api.event.Event;
import io.convergence.api.point.SampleBatch;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link ModelRun} runs with, given by the {@link ModelHost}.
 *
 * @since 1.0
 */
@ProviderType
public interface ModelContext {

    /** How a run is fed. */
    enum Mode {
        /** From the sample bus as samples arrive, after catching up from history. */
        LIVE,
        /** From history, over {@link #from()} to {@link #to()}, to compute or recompute that range. */
        REPLAY
    }

    /** How this run is fed. */
    Mode mode();

    /** The model's id. */
    String modelId();

    /** Where a replay begins; for a live run, where its checkpoint left off (or when it started). */
    Instant from();

    /** Where a replay ends (exclusive); {@link Instant#MAX} for a live run. */
    Instant to();

    /**
     * The state a live run resumes from: what the previous run's {@link ModelRun#checkpoint()}
     * returned. Empty at a model's first start and in replays.
     */
    Optional<byte[]> checkpoint();

    /**
     * Publishes derived samples of the model's output points. Live, they go to the sample bus (and
     * so to the historian and the views); in a replay, they replace the outputs stored for the
     * replayed range.
     */
    void publish(SampleBatch derived);

    /** Publishes an event, with the model's id as its source in most cases. Replays publish none. */
    void publish(Event event);

    /**
     * Asks the host to recompute a range, because something the model knows changed the past (an
     * operator reassigned a stop's reason, say). The host does it on its own thread, later.
     */
    void requestRecompute(Instant from, Instant to);
}
