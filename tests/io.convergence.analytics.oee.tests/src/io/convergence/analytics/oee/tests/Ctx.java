package io.convergence.analytics.oee.tests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.convergence.api.event.Event;
import io.convergence.api.model.ModelContext;
import io.convergence.api.point.SampleBatch;

/** A model context that keeps what a run publishes and asks for. */
final class Ctx implements ModelContext {

    final Mode mode;
    final Instant from;
    final Instant to;
    final byte[] checkpoint;
    final List<SampleBatch> published = new ArrayList<>();
    final List<Instant[]> recomputes = new ArrayList<>();

    Ctx(Mode mode, Instant from, Instant to, byte[] checkpoint) {
        this.mode = mode;
        this.from = from;
        this.to = to;
        this.checkpoint = checkpoint;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public String modelId() {
        return "t";
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
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public void publish(SampleBatch derived) {
        published.add(derived);
    }

    @Override
    public void publish(Event event) {
    }

    @Override
    public void requestRecompute(Instant f, Instant t) {
        recomputes.add(new Instant[] {f, t});
    }

    /** The JSON rows published, as "point@time json" lines, in publishing order. */
    List<String> json() {
        List<String> out = new ArrayList<>();
        for (SampleBatch b : published) {
            for (int i = 0; i < b.size(); i++) {
                if (b.isJson(i)) {
                    out.add(b.point(i) + "@" + b.time(i) + " " + b.json(i));
                }
            }
        }
        return out;
    }
}
