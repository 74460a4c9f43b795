package io.convergence.models.internal;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.convergence.api.event.Event.Severity;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.model.ModelRun;
import io.convergence.api.model.ModelStatus.State;
import io.convergence.api.point.Micros;
import io.convergence.api.point.SampleBatch;

/**
 * The parts of a model's life that read history, on the model's thread: catching a resumed run up,
 * recomputing after late samples, recomputing a range on request.
 *
 * <p>Each first waits until the historian holds what the bus carried ({@link StoreBarrier}), so that
 * history is complete and no live output of the model is still on its way to storage when its stored
 * outputs are replaced. While history is read the model's live batches wait in its queue; the rows
 * among them that the read fed to the run are dropped when the queue is taken up again.
 */
final class Recomputer {

    private final HostedModel m;

    Recomputer(HostedModel m) {
        this.m = m;
    }

    /**
     * Resumes a live run from its checkpoint: feeds it what history holds after its watermarks up to
     * now, then stores the outputs that produced in place of what the model stored after the
     * checkpoint.
     *
     * @return false when the model refused the checkpoint (it was set aside): start fresh
     */
    boolean resume(InputQueue q, Checkpoint c) throws HistorianException, InterruptedException {
        long started = System.nanoTime();
        m.setState(State.CATCHING_UP, "catching up from history since the checkpoint of " + Micros.toInstant(c.takenAt()));
        q.startTracking();
        try {
            m.awaitStored(q);
            Watermarks marks = new Watermarks(c.watermarks());
            // From the earliest sample not consumed yet; a point the run never consumed counts from there
            // too (or from the model's origin, if later).
            long from = Math.min(c.origin(), marks.min().orElse(c.origin() - 1) + 1);
            OutputCollector collected = new OutputCollector();
            AtomicLong latest = new AtomicLong(c.outputsFrom() - 1);
            RunContext ctx = m.liveContext(Micros.toInstant(from), c.state(), collected);
            ModelRun run;
            try {
                run = ModelFailure.call(m.id, "open", () -> m.model.open(ctx));
            } catch (ModelFailure e) {
                m.unusableCheckpoint("model '" + m.id + "' refused its checkpoint " + m.host.store().file(m.id)
                    + " (" + ModelFailure.describe(e.getCause() == null ? e : e.getCause()) + ")");
                return false;
            }
            Live l = new Live(c.origin(), marks, c.outputsFrom(), latest, ctx, run);
            m.live = l;
            // To the end of what is stored: samples stamped ahead of this clock were recorded too.
            long n = m.host.feed().feed(m.id, run, m.inputs.stored(m.host.historian()), from, HostedModel.END, marks,
                from, q, m::stopping);
            m.samplesIn.addAndGet(n);
            m.noteWatermark(l);
            long cut = Micros.now();
            ModelFailure.run(m.id, "advance", () -> run.advance(cut));
            storeCaughtUp(l, collected.split(c.outputsFrom(), cut), cut);
            ctx.redirect(m.liveSink(latest));
            m.saveCheckpoint(l);
            m.host.events().publish(m.id, ModelEvents.STARTED, Severity.INFO, "model '" + m.id
                + "' resumed from its checkpoint of " + Micros.toInstant(c.takenAt()) + " and caught up " + n
                + " samples from history up to " + Micros.toInstant(cut) + " in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms",
                Map.of("resumed", "true", "samples", Long.toString(n)));
            return true;
        } finally {
            q.stopTracking();
        }
    }

    /**
     * Outputs of a catch-up replace what the model stored after its checkpoint: after a crash those
     * were published by the lost run and are computed again now; stored twice they would count twice.
     */
    private void storeCaughtUp(Live l, OutputCollector.Parts parts, long cut) {
        publish(l, parts.before());
        publish(l, parts.after());
        if (m.outputList.isEmpty() || l.outputsFrom >= cut) {
            publish(l, parts.inside());
            return;
        }
        try {
            m.host.historian().replace(m.outputList, Micros.toInstant(l.outputsFrom), Micros.toInstant(cut),
                parts.inside());
            m.samplesOut.addAndGet(parts.inside().size());
            l.latestOutput.accumulateAndGet(parts.latest(), Math::max);
        } catch (HistorianException e) {
            if (!parts.inside().isEmpty()) {
                m.host.events().publish(m.id, ModelEvents.RECOMPUTE_FAILED, Severity.WARNING, "model '" + m.id
                    + "': the outputs computed while catching up could not replace the stored ones (" + e.getMessage()
                    + "); they were published instead, and may double outputs stored before a crash", Map.of());
            }
            publish(l, parts.inside());
        }
    }

    private void publish(Live l, SampleBatch batch) {
        if (!batch.isEmpty()) {
            m.liveSink(l.latestOutput).accept(batch);
        }
    }

    /**
     * Late samples arrived: recomputes from the start of the period that holds the earliest and goes on
     * live from the recomputed state.
     *
     * @return false when the recompute could not be done; the late samples are then left out
     */
    boolean afterLate(InputQueue q, long late, String reason) throws HistorianException, InterruptedException {
        long from = Periods.start(m.model, m.id, late);
        try {
            continueFrom(q, from, reason);
            return true;
        } catch (HistorianException | IllegalArgumentException e) {
            m.host.events().publish(m.id, ModelEvents.RECOMPUTE_FAILED, Severity.WARNING, "model '" + m.id + "': "
                + reason + ", but recomputing from " + Micros.toInstant(from) + " failed (" + e.getMessage()
                + "); the late samples are left out", Map.of("from", Micros.toInstant(from).toString()));
            m.running();
            return false;
        }
    }

    /**
     * A recompute asked for: the periods the range touches. When the live run has published past
     * them, they are replayed and replaced alone; else the replay goes on to now and the live run
     * continues from it, as after late samples.
     */
    void requested(InputQueue q, long from, long to, String reason) throws HistorianException, InterruptedException {
        long start = Periods.start(m.model, m.id, from);
        OptionalLong end = Periods.endAt(m.model, m.id, to);
        Live l = m.current();
        if (end.isPresent() && l.latestOutput.get() != Long.MIN_VALUE && end.getAsLong() <= l.latestOutput.get() + 1) {
            past(q, start, end.getAsLong(), reason);
        } else {
            continueFrom(q, start, reason);
        }
    }

    /** Replays and replaces periods the live run is done with; the live run is left as it is. */
    private void past(InputQueue q, long from, long to, String reason) throws HistorianException, InterruptedException {
        m.setState(State.RECOMPUTING, "recomputing " + Micros.toInstant(from) + " to " + Micros.toInstant(to) + " ("
            + reason + ")");
        m.awaitStored(q);
        OutputCollector collected = new OutputCollector();
        Replayer.Result r = m.host.replayer().run(m.model, m.id, m.inputs, m.outputs, from, to, collected, e -> { },
            null, m::stopping, false);
        OutputCollector.Parts parts = collected.split(from, to);
        replace(from, to, parts);
        done(from, to, reason, r.samples(), parts);
    }

    /**
     * Replays from {@code from} to now through a fresh run, replaces the stored outputs in between,
     * and continues live from the replayed run's state.
     */
    private void continueFrom(InputQueue q, long from, String reason) throws HistorianException, InterruptedException {
        m.setState(State.RECOMPUTING, "recomputing from " + Micros.toInstant(from) + " (" + reason + ")");
        q.startTracking();
        boolean replaced = false;
        try {
            m.awaitStored(q);
            Live old = m.current();
            long cut = Math.max(Micros.now(), old.marks.max().orElse(Long.MIN_VALUE) + 1);
            if (from >= cut) {
                m.running();
                return;
            }
            OutputCollector collected = new OutputCollector();
            Replayer.Result r = m.host.replayer().run(m.model, m.id, m.inputs, m.outputs, from, cut, collected,
                e -> { }, q, m::stopping, true);
            OutputCollector.Parts parts = collected.split(from, cut);
            replace(from, cut, parts);
            replaced = true;
            AtomicLong latest = new AtomicLong(Math.max(old.latestOutput.get(), parts.latest()));
            RunContext ctx = m.liveContext(Micros.toInstant(from), r.state(), m.liveSink(latest));
            ModelRun run = ModelFailure.call(m.id, "open", () -> m.model.open(ctx));
            Replayer.close(m.id, old.run);
            Live next = new Live(old.origin, old.marks.overriddenBy(r.read()), old.outputsFrom, latest, ctx, run);
            m.live = next;
            m.noteWatermark(next);
            if (!parts.after().isEmpty()) {
                m.liveSink(latest).accept(parts.after());
            }
            m.saveCheckpoint(next);
            done(from, cut, reason, r.samples(), parts);
        } finally {
            q.stopTracking();
            if (!replaced) {
                // The replayed run was discarded: the rows it read are the live run's to take.
                q.forgetRead();
            }
        }
    }

    private void replace(long from, long to, OutputCollector.Parts parts) throws HistorianException {
        if (m.outputList.isEmpty()) {
            return;
        }
        m.host.historian().replace(m.outputList, Micros.toInstant(from), Micros.toInstant(to), parts.inside());
        int outside = parts.before().size() + parts.after().size();
        if (parts.before().size() > 0) {
            m.host.events().publish(m.id, ModelEvents.OUTPUTS_DROPPED, Severity.WARNING, "model '" + m.id + "': "
                + parts.before().size() + " outputs of the recompute from " + Micros.toInstant(from)
                + " lie before it and were dropped; its recomputeFrom should return the start of their period",
                Map.of("dropped", Integer.toString(outside)));
        }
    }

    private void done(long from, long to, String reason, long samples, OutputCollector.Parts parts) {
        m.samplesOut.addAndGet(parts.inside().size());
        m.recomputes.incrementAndGet();
        Instant f = Micros.toInstant(from);
        Instant t = Micros.toInstant(to);
        m.host.events().publish(m.id, ModelEvents.RECOMPUTED, Severity.INFO, "model '" + m.id + "' recomputed " + f
            + " to " + t + " (" + reason + "): " + samples + " samples replayed, " + parts.inside().size()
            + " outputs stored in place of the previous ones", Map.of("from", f.toString(), "to", t.toString(),
            "reason", reason, "outputs", Integer.toString(parts.inside().size())));
        m.running();
    }
}
