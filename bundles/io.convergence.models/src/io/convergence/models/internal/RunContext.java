package io.convergence.models.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.convergence.api.event.Event;
import io.convergence.api.model.ModelContext;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;

/**
 * The context of one run. Where its outputs go is the host's business and changes during a live
 * run's life: gathered for a replace while it catches up from history, to the bus afterwards.
 */
final class RunContext implements ModelContext {

    /** Where a live run's recompute requests go. */
    @FunctionalInterface
    interface Requests {
        void recompute(Instant from, Instant to, String reason);
    }

    private final Mode mode;
    private final String modelId;
    private final Instant from;
    private final Instant to;
    private final byte @Nullable [] checkpoint;
    private final Set<PointPath> outputs;
    private final Consumer<Event> events;
    private final @Nullable Requests requests;
    private volatile Consumer<SampleBatch> sink;

    RunContext(Mode mode, String modelId, Instant from, Instant to, byte @Nullable [] checkpoint,
               Set<PointPath> outputs, Consumer<SampleBatch> sink, Consumer<Event> events, @Nullable Requests requests) {
        this.mode = mode;
        this.modelId = modelId;
        this.from = from;
        this.to = to;
        this.checkpoint = checkpoint;
        this.outputs = outputs;
        this.sink = sink;
        this.events = events;
        this.requests = requests;
    }

    /** Sends the run's outputs elsewhere from now on. */
    void redirect(Consumer<SampleBatch> to) {
        sink = to;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public Instant from() {
        return from;
    }

    @Override
    public Instant to() {
        return to;
    }

    @Override
    public Optional<byte[]> checkpoint() {
        return checkpoint == null ? Optional.empty() : Optional.of(checkpoint.clone());
    }

    /**
     * @throws IllegalArgumentException if a row is of a point the model did not declare as an output
     */
    @Override
    public void publish(SampleBatch derived) {
        if (derived.isEmpty()) {
            return;
        }
        @Nullable PointPath last = null;
        for (int i = 0; i < derived.size(); i++) {
            PointPath p = derived.point(i);
            if (p != last && !outputs.contains(p)) {
                throw new IllegalArgumentException("model '" + modelId + "' published a sample of " + p
                    + ", which is not one of its outputs " + outputs);
            }
            last = p;
        }
        sink.accept(derived);
    }

    @Override
    public void publish(Event event) {
        events.accept(event);
    }

    /** Live: the host recomputes later, on the model's thread. A replay ignores requests. */
    @Override
    public void requestRecompute(Instant from, Instant to) {
        Requests r = requests;
        if (mode == Mode.LIVE && r != null) {
            r.recompute(from, to, "requested by the model");
        }
    }
}
