package io.convergence.analytics.oee.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.convergence.analytics.oee.core.OeeRun;
import io.convergence.api.event.Event;
import io.convergence.api.model.ModelContext;
import io.convergence.api.oee.Period;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

/** The context of a run whose outputs are kept in memory: the command's computation. */
final class Collected implements ModelContext {

    private final Mode mode;
    private final Instant from;
    private final Instant to;
    private final List<SampleBatch> outputs = new ArrayList<>();

    Collected(Mode mode, Instant from, Instant to) {
        this.mode = mode;
        this.from = from;
        this.to = to;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public String modelId() {
        return "oee-command";
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
        return Optional.empty();
    }

    @Override
    public void publish(SampleBatch derived) {
        outputs.add(derived);
    }

    @Override
    public void publish(Event event) {
    }

    @Override
    public void requestRecompute(Instant f, Instant t) {
    }

    /** The JSON published for one kind of period, in publishing order. */
    List<String> json(OeeRun.Outputs out, Period period) {
        PointPath p = switch (period) {
            case SHIFT -> out.shift();
            case ORDER -> out.order();
            case HOUR -> out.hour();
        };
        List<String> l = new ArrayList<>();
        for (SampleBatch b : outputs) {
            for (int i = 0; i < b.size(); i++) {
                if (b.point(i).equals(p) && b.text(i) != null) {
                    l.add(b.text(i));
                }
            }
        }
        return l;
    }
}
