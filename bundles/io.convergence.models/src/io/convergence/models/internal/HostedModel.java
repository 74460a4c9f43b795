package io.convergence.models.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.event.Event.Severity;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.model.AnalyticsModel;
import io.convergence.api.model.ModelContext.Mode;
import io.convergence.api.model.ModelRun;
import io.convergence.api.model.ModelStatus;
import io.convergence.api.model.ModelStatus.State;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model in the host, on a thread of its own: everything its run does happens there, one call at a
 * time, so a model that is slow, stuck or failing touches no other.
 *
 * <p>Its life: subscribe to the bus for its inputs; resume from its checkpoint by catching up from
 * history (or start fresh); then take live batches, advance time about once a second, checkpoint now
 * and then, and recompute when late samples arrive or a recompute is asked for (see
 * {@link Recomputer}). When the run throws, the model is failed, and started again from its last
 * checkpoint after a wait. Stopping takes a last checkpoint.
 */
final class HostedModel {

    private static final Logger LOG = LoggerFactory.getLogger(HostedModel.class);
    private static final long MAX_RETRY_MILLIS = TimeUnit.MINUTES.toMillis(10);
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");
    /** The end of everything a historian stores (the years 1 to 9999), in microseconds. */
    static final long END = Micros.of(LAST);

    final AnalyticsModel model;
    final String id;
    final String type;
    final Inputs inputs;
    final Set<PointPath> outputs;
    final List<PointPath> outputList;
    final HostServices host;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Recomputer recomputer;
    private volatile boolean stopping;
    private volatile State state = State.CATCHING_UP;
    private volatile String detail = "starting";
    final AtomicLong samplesIn = new AtomicLong();
    final AtomicLong samplesOut = new AtomicLong();
    final AtomicLong recomputes = new AtomicLong();
    private volatile long watermark = Long.MIN_VALUE;
    private volatile @Nullable InputQueue queue;
    /** The live run: touched by the model's thread only. */
    @Nullable Live live;
    private boolean checkpointFailing;

    HostedModel(AnalyticsModel model, String id, String type, Inputs inputs, List<PointPath> outputs, HostServices host) {
        this.model = model;
        this.id = id;
        this.type = type;
        this.inputs = inputs;
        this.outputList = List.copyOf(outputs);
        this.outputs = Set.copyOf(outputs);
        this.host = host;
        this.recomputer = new Recomputer(this);
        this.thread = new Thread(this::work, "convergence-model-" + id);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops the model: a last checkpoint, the run closed. Waits for it, up to the stop timeout. */
    void stop() {
        stopping = true;
        InputQueue q = queue;
        if (q != null) {
            q.wake();
        }
        try {
            thread.join(host.stopTimeout().toMillis());
            if (thread.isAlive()) {
                // Stuck in the model's code or a wait: an interrupt is the last thing to try.
                thread.interrupt();
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.error("model '{}' did not stop within {} s; its thread is left behind ({})", id,
                host.stopTimeout().toSeconds(), detail);
        }
    }

    boolean stopping() {
        return stopping;
    }

    ModelStatus status() {
        long w = watermark;
        return new ModelStatus(id, type, state, detail, w == Long.MIN_VALUE ? Instant.EPOCH : Micros.toInstant(w),
            samplesIn.get(), samplesOut.get(), recomputes.get());
    }

    void setState(State s, String d) {
        state = s;
        detail = d;
    }

    /** Asks for a recompute, done on the model's thread after what it is doing now. */
    CompletableFuture<ModelStatus> recompute(Instant from, Instant to, String reason) {
        if (!from.isBefore(to)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("model '" + id + "': recompute from "
                + from + " to " + to + " is an empty range"));
        }
        if (state == State.FAILED) {
            return CompletableFuture.failedFuture(new IllegalStateException("model '" + id + "' has failed ("
                + detail + "); it cannot recompute until it runs again"));
        }
        CompletableFuture<ModelStatus> done = new CompletableFuture<>();
        request(new Request(from, to, reason, done));
        return done;
    }

    private void request(Request r) {
        requests.add(r);
        InputQueue q = queue;
        if (q != null) {
            q.wake();
        }
    }

    // ---- the model's thread ------------------------------------------------------------------

    private void work() {
        long retry = host.retry().toMillis();
        while (!stopping) {
            InputQueue q = new InputQueue(host.maxQueued());
            queue = q;
            try (BusSubscription sub = host.bus().subscribe("model-" + id, Delivery.EVERY_BATCH, inputs.filter(), q)) {
                startRun(q);
                retry = host.retry().toMillis();
                loop(q);
                Live l = live;
                if (l != null) {
                    // A recompute still waiting (late samples, or asked for by the model) is not in the
                    // run's state: a checkpoint now would mark its samples consumed and lose it. The
                    // last checkpoint stays; resuming from it takes those samples in again.
                    if (requests.isEmpty()) {
                        saveCheckpoint(l);
                    } else {
                        abandonRequests();
                    }
                    Replayer.close(id, l.run);
                    live = null;
                }
                return;
            } catch (ModelFailure.StopRequested | InterruptedException e) {
                abandonRun();
                return;
            } catch (ModelFailure e) {
                failed(e.getMessage(), e.getCause(), retry);
            } catch (HistorianException e) {
                failed("model '" + id + "': history cannot be read: " + e.getMessage(), e, retry);
            } catch (RuntimeException e) {
                failed("model '" + id + "': the host failed running it: " + ModelFailure.describe(e), e, retry);
            } finally {
                q.close();
            }
            if (!pause(retry)) {
                return;
            }
            retry = Math.min(retry * 2, MAX_RETRY_MILLIS);
        }
    }

    private void failed(@Nullable String message, @Nullable Throwable cause, long retryMillis) {
        String m = message == null ? "model '" + id + "' failed" : message;
        LOG.debug("model '{}' failed", id, cause);
        abandonRun();
        setState(State.FAILED, m + "; started again in " + TimeUnit.MILLISECONDS.toSeconds(retryMillis) + " s");
        host.events().publish(id, ModelEvents.FAILED, Severity.ERROR, m, Map.of("retryInSeconds",
            Long.toString(TimeUnit.MILLISECONDS.toSeconds(retryMillis))));
        Request r;
        while ((r = requests.poll()) != null) {
            r.complete(null, new IllegalStateException(m));
        }
    }

    /** Drops the live run without a checkpoint: the last one on disk is what the model resumes from. */
    private void abandonRun() {
        Live l = live;
        live = null;
        if (l != null) {
            Replayer.close(id, l.run);
        }
    }

    /** Fails the recomputes still waiting at a stop: the model takes their samples in again when it resumes. */
    private void abandonRequests() {
        Request r;
        while ((r = requests.poll()) != null) {
            r.complete(null, new IllegalStateException("model '" + id + "' stopped before recomputing from " + r.from()
                + "; it resumes from its last checkpoint before that"));
        }
    }

    /** Waits before a retry; false when the model is stopped meanwhile. */
    private boolean pause(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            while (!stopping && System.nanoTime() < end) {
                Thread.sleep(Math.min(100, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
            }
        } catch (InterruptedException e) {
            return false;
        }
        return !stopping;
    }

    /** Opens the live run: resumed from the checkpoint and caught up from history, or fresh. */
    private void startRun(InputQueue q) throws HistorianException, InterruptedException {
        Optional<Checkpoint> saved = loadCheckpoint();
        if (saved.isPresent() && recomputer.resume(q, saved.get())) {
            recomputeImportedHistory(saved.get());
            return;
        }
        long now = Micros.now();
        AtomicLong latest = new AtomicLong(Long.MIN_VALUE);
        RunContext ctx = liveContext(Micros.toInstant(now), null, liveSink(latest));
        ModelRun run = ModelFailure.call(id, "open", () -> model.open(ctx));
        Live l = new Live(now, new Watermarks(), Periods.start(model, id, now), latest, ctx, run);
        live = l;
        // At once: a crash before the first periodic checkpoint then catches up from this start.
        saveCheckpoint(l);
        host.events().publish(id, ModelEvents.STARTED, Severity.INFO, "model '" + id + "' started live from now"
            + (saved.isPresent() ? "" : " (no checkpoint)"), Map.of("resumed", "false"));
    }

    /**
     * History imported into the folder while no host ran (noted by {@code history import}) after the
     * checkpoint was taken: the ranges it touches are recomputed, after the catch-up.
     */
    private void recomputeImportedHistory(Checkpoint from) {
        for (LateHistory.Note n : LateHistory.after(host.store().folder(), from.takenAt(), inputs.filter())) {
            request(new Request(Micros.toInstant(n.fromMicros()), Micros.toInstant(n.toMicros()),
                "history imported at " + Micros.toInstant(n.writtenMicros()), null));
        }
    }

    private Optional<Checkpoint> loadCheckpoint() {
        try {
            return host.store().load(id);
        } catch (CheckpointException e) {
            unusableCheckpoint(e.getMessage());
            return Optional.empty();
        }
    }

    /** Sets an unusable checkpoint aside and says so; the model then starts from now, counting nothing twice. */
    void unusableCheckpoint(@Nullable String why) {
        String kept;
        try {
            kept = "it was kept as " + host.store().setAside(id).getFileName();
        } catch (IOException e) {
            kept = "it could not be set aside (" + e.getMessage() + ")";
        }
        host.events().publish(id, ModelEvents.CHECKPOINT_UNREADABLE, Severity.WARNING, why + "; " + kept
            + "; the model starts from scratch, from now on", Map.of("file", host.store().file(id).toString()));
    }

    RunContext liveContext(Instant from, byte @Nullable [] checkpoint, Consumer<SampleBatch> sink) {
        return new RunContext(Mode.LIVE, id, from, Instant.MAX, checkpoint, outputs, sink,
            host.events()::forward,
            (f, t, why) -> request(new Request(f, t, why, null)));
    }

    /** Where a live run's outputs go: the bus, and so the historian and the views. */
    Consumer<SampleBatch> liveSink(AtomicLong latest) {
        return batch -> {
            host.bus().publish(batch);
            samplesOut.addAndGet(batch.size());
            latest.accumulateAndGet(latestTime(batch), Math::max);
        };
    }

    static long latestTime(SampleBatch batch) {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < batch.size(); i++) {
            max = Math.max(max, batch.timeMicros(i));
        }
        return max;
    }

    private void loop(InputQueue q) throws InterruptedException, HistorianException {
        long advanceNanos = host.advance().toNanos();
        long checkpointNanos = host.checkpointPeriod().toNanos();
        long nextTick = System.nanoTime() + advanceNanos;
        long nextCheckpoint = System.nanoTime() + checkpointNanos;
        running();
        while (!stopping) {
            if (!requests.isEmpty()) {
                handleRequests(q);
                running();
                continue;
            }
            long wait = Math.min(nextTick, nextCheckpoint) - System.nanoTime();
            SampleBatch b = q.poll(Math.max(0, TimeUnit.NANOSECONDS.toMillis(wait)));
            if (b != null) {
                onLive(q, b, false);
            }
            long now = System.nanoTime();
            Live l = current();
            if (now - nextTick >= 0) {
                long micros = Micros.now();
                ModelFailure.run(id, "advance", () -> l.run.advance(micros));
                nextTick = now + advanceNanos;
            }
            if (now - nextCheckpoint >= 0 && requests.isEmpty()) {
                saveCheckpoint(l);
                nextCheckpoint = now + checkpointNanos;
            }
        }
    }

    void running() {
        setState(State.RUNNING, "running live on " + inputs.filter() + "; " + outputs.size() + " outputs");
    }

    Live current() {
        Live l = live;
        if (l == null) {
            throw new IllegalStateException("model '" + id + "' has no live run");
        }
        return l;
    }

    /**
     * Takes a live batch: drops what was consumed already (from history, or a repeat of the last sample
     * of a point), feeds the rest; a sample older than what its point consumed is late and starts a
     * recompute instead, unless {@code dropLate} (the recompute for it failed).
     */
    void onLive(InputQueue q, SampleBatch batch, boolean dropLate) throws InterruptedException, HistorianException {
        Live l = current();
        Intake in = Intake.of(batch, inputs, l.marks, q);
        if (in.hasLate() && !dropLate) {
            q.pushFront(batch);
            if (!recomputer.afterLate(q, in.late(), "late sample of " + in.latePoint() + " at "
                + Micros.toInstant(in.late()))) {
                SampleBatch again = q.takeFront();
                if (again != null) {
                    onLive(q, again, true);
                }
            }
            return;
        }
        in.commit(q, l.marks);
        SampleBatch k = in.kept();
        if (!k.isEmpty()) {
            ModelFailure.run(id, "onSamples", () -> l.run.onSamples(k));
            samplesIn.addAndGet(k.size());
            noteWatermark(l);
        }
    }

    void noteWatermark(Live l) {
        watermark = l.marks.max().orElse(Long.MIN_VALUE);
    }

    /** Every request waiting, as one recompute over the range they cover together. */
    private void handleRequests(InputQueue q) throws InterruptedException, HistorianException {
        List<Request> batch = new ArrayList<>();
        Request r;
        while ((r = requests.poll()) != null) {
            batch.add(r);
        }
        Request all = Request.merge(batch);
        try {
            recomputer.requested(q, micros(all.from()), micros(all.to()), all.reason());
            ModelStatus s = status();
            batch.forEach(x -> x.complete(s, null));
        } catch (ModelFailure | ModelFailure.StopRequested e) {
            batch.forEach(x -> x.complete(null, e));
            throw e;
        } catch (HistorianException | RuntimeException e) {
            host.events().publish(id, ModelEvents.RECOMPUTE_FAILED, Severity.WARNING, "model '" + id
                + "': recompute from " + all.from() + " to " + all.to() + " failed: " + e.getMessage()
                + "; the stored outputs are as they were", Map.of("from", all.from().toString(),
                "to", all.to().toString()));
            batch.forEach(x -> x.complete(null, e));
        }
    }

    /**
     * An instant in microseconds, held to the years 1 to 9999 that historians store: so
     * {@code Instant.MIN} and {@code Instant.MAX} stand for "from the beginning" and "up to now".
     */
    static long micros(Instant t) {
        return Micros.of(t.isBefore(FIRST) ? FIRST : t.isAfter(LAST) ? LAST : t);
    }

    /** Takes the run's checkpoint and stores it; a store that fails is reported once and tried again next time. */
    void saveCheckpoint(Live l) {
        byte[] state = ModelFailure.call(id, "checkpoint", l.run::checkpoint);
        l.outputsFrom = l.outputsFromNow();
        Checkpoint c = new Checkpoint(Micros.now(), l.origin, l.outputsFrom, l.marks.snapshot(), state);
        try {
            host.store().save(id, c);
            checkpointFailing = false;
        } catch (IOException | RuntimeException e) {
            if (!checkpointFailing) {
                host.events().publish(id, ModelEvents.CHECKPOINT_FAILED, Severity.WARNING, "model '" + id
                    + "': checkpoint " + host.store().file(id) + " could not be written (" + e.getMessage()
                    + "); the previous one stays, a restart would catch up from there",
                    Map.of("file", host.store().file(id).toString()));
            }
            checkpointFailing = true;
        }
    }

    /** Waits until the historian holds what the bus carried; says so when it does not in time. */
    void awaitStored(InputQueue q) throws InterruptedException, HistorianException {
        if (!host.barrier().await(q.lastDelivered(), this::stopping)) {
            host.events().publish(id, ModelEvents.HISTORY_BEHIND, Severity.WARNING, "model '" + id
                + "': the historian has not stored the latest samples of the bus in time; reading history anyway,"
                + " the latest samples may be missed", Map.of());
        }
    }
}
