package io.convergence.analytics.oee.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.convergence.api.model.ModelContext;
import io.convergence.api.model.ModelContext.Mode;
import io.convergence.api.model.ModelRun;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;

/**
 * One run of the OEE model: puts the line's samples in time order and feeds them to a
 * {@link LineEngine}, publishes what it closes, and remembers snapshots for recomputes.
 *
 * <p>Samples of different points do not arrive in time order (the order of a line comes from the ERP
 * every few seconds, the machine states over OPC UA), and the engine needs them so. A live run holds
 * them for {@link OeeSettings#graceMicros()} and then takes them in the order of their times (ties:
 * order, reason, state, counters); a replay, which gets history in time order, takes them as soon as
 * a later time is seen. Either way the engine sees the same sequence, so live and replayed figures
 * are the same. A sample later than the grace is late for the live run: it asks for a recompute.
 */
public final class OeeRun implements ModelRun {

    /** How often a live run publishes the current shift's figures. */
    public static final long CURRENT_EVERY = 5 * Micros.PER_SECOND;

    private static final int FORMAT = 1;
    private static final int ORDER = 0;
    private static final int REASON = 1;
    private static final int STATE = 2;
    private static final int COUNT = 3;

    /** An input sample waiting for its turn. */
    private record Ev(long time, int rank, long seq, @Nullable String text, double number, boolean bad) {
    }

    private final OeeSettings settings;
    private final ModelContext context;
    private final Supplier<Corrections> corrections;
    private final LineEngine engine;
    private final RunMemory memory;
    private final Outputs out;
    private final PriorityQueue<Ev> queue = new PriorityQueue<>((a, b) -> a.time != b.time
        ? Long.compare(a.time, b.time) : a.rank != b.rank ? Integer.compare(a.rank, b.rank) : Long.compare(a.seq, b.seq));
    private long seq;
    private long seen = Long.MIN_VALUE;
    private long lastCurrent = Long.MIN_VALUE;
    private long lateFrom = Long.MAX_VALUE;
    private final SampleBatch.Builder pending = SampleBatch.builder(16);
    private final @Nullable Consumer<OeeRun> liveView;

    /** The output points. */
    public record Outputs(PointPath shift, PointPath order, PointPath hour, PointPath stops, PointPath availability,
                          PointPath performance, PointPath quality, PointPath oee) {

        public static Outputs of(PointPath oee) {
            PointPath c = oee.child("current");
            return new Outputs(oee.child("shift"), oee.child("order"), oee.child("hour"), oee.child("stops"),
                c.child("availability"), c.child("performance"), c.child("quality"), c.child("oee"));
        }
    }

    /**
     * @param memory what the run remembers; a replay gets the live run's memory up to its start
     * @param liveView told after each step of a live run, to show its current figures
     * @throws IllegalStateException if the checkpoint to resume from is not this model's
     */
    public OeeRun(OeeSettings settings, Calendar calendar, Supplier<Corrections> corrections, RunMemory memory,
                  ModelContext context, @Nullable Consumer<OeeRun> liveView) {
        this.settings = settings;
        this.context = context;
        this.corrections = corrections;
        this.memory = memory;
        this.liveView = liveView;
        this.out = Outputs.of(settings.oeePath());
        this.engine = new LineEngine(settings, calendar, new Listener());
        engine.corrections(corrections.get());
        byte[] checkpoint = context.checkpoint().orElse(null);
        if (checkpoint != null) {
            restore(checkpoint);
        } else if (context.mode() == Mode.REPLAY) {
            byte[] snap = memory.snapshotAt(Micros.of(context.from()));
            if (snap != null) {
                engine.restore(snap);
            }
        }
    }

    public LineEngine engine() {
        return engine;
    }

    public RunMemory memory() {
        return memory;
    }

    @Override
    public void onSamples(SampleBatch batch) {
        boolean live = context.mode() == Mode.LIVE;
        long processed = engine.horizon();
        for (int i = 0; i < batch.size(); i++) {
            PointPath p = batch.point(i);
            int rank = rank(p);
            if (rank < 0) {
                continue;
            }
            long t = batch.timeMicros(i);
            if (t < processed && processed != Long.MIN_VALUE) {
                if (live) {
                    lateFrom = Math.min(lateFrom, t);
                }
                continue;
            }
            int kind = rank == COUNT ? counter(p) : -1;
            boolean bad = batch.quality(i) == Quality.BAD || batch.isGap(i);
            queue.add(new Ev(t, rank == COUNT ? COUNT + kind : rank, seq++, text(batch, i), batch.number(i), bad));
            seen = Math.max(seen, t);
        }
        if (!live) {
            // History comes in time order: what lies before the latest time seen is complete.
            drain(seen - 1);
            flush();
        } else {
            // To what the run accounted: every period published since then is computed again.
            requestLate(processed);
        }
    }

    /**
     * Asks for the recompute of late samples at once, from the batch that brought them: the host then
     * takes no checkpoint before the recompute, which would mark them consumed while the run left
     * them out.
     */
    private void requestLate(long now) {
        if (lateFrom != Long.MAX_VALUE) {
            context.requestRecompute(Micros.toInstant(lateFrom), Micros.toInstant(Math.max(now, lateFrom + 1)));
            lateFrom = Long.MAX_VALUE;
        }
    }

    @Override
    public void advance(long micros) {
        boolean live = context.mode() == Mode.LIVE;
        long limit = live ? micros - settings.graceMicros() : micros;
        engine.corrections(corrections.get());
        drain(limit);
        // Before its first event the engine knows nothing to account; it starts at that event.
        if (engine.horizon() != Long.MIN_VALUE && limit > engine.horizon()) {
            engine.advance(limit);
        }
        if (live) {
            long h = engine.horizon();
            if (h != Long.MIN_VALUE && (lastCurrent == Long.MIN_VALUE || h - lastCurrent >= CURRENT_EVERY)) {
                lastCurrent = h;
                engine.current(Period.SHIFT).ifPresent(f -> pending.add(out.availability, h, f.availability(), Quality.GOOD)
                    .add(out.performance, h, f.performance(), Quality.GOOD).add(out.quality, h, f.quality(), Quality.GOOD)
                    .add(out.oee, h, f.oee(), Quality.GOOD));
            }
            requestLate(micros);
            if (liveView != null) {
                liveView.accept(this);
            }
        }
        flush();
    }

    private void drain(long limit) {
        while (!queue.isEmpty() && queue.peek().time <= limit) {
            Ev e = queue.poll();
            feed(e);
        }
    }

    private void feed(Ev e) {
        switch (e.rank) {
            case ORDER -> engine.order(e.time, e.bad ? null : e.text);
            case REASON -> engine.reason(e.time, e.bad ? null : e.text);
            case STATE -> {
                String v = e.text == null ? "" : e.text;
                int kind = e.bad ? LineEngine.UNKNOWN : settings.runningStates().contains(v) ? LineEngine.RUNNING
                    : settings.plannedStopStates().contains(v) ? LineEngine.PLANNED : LineEngine.STOPPED;
                engine.state(e.time, kind, v);
            }
            default -> {
                if (!e.bad) {
                    engine.count(e.time, e.rank - COUNT, e.number);
                }
            }
        }
    }

    private int rank(PointPath p) {
        if (p.equals(settings.statePoint())) {
            return STATE;
        }
        if (p.equals(settings.reasonPoint())) {
            return REASON;
        }
        if (p.equals(settings.orderPoint())) {
            return ORDER;
        }
        if (p.equals(settings.totalCountPoint()) || p.equals(settings.goodCountPoint())
            || p.equals(settings.rejectCountPoint())) {
            return COUNT;
        }
        return -1;
    }

    private int counter(PointPath p) {
        return p.equals(settings.totalCountPoint()) ? LineEngine.TOTAL : p.equals(settings.goodCountPoint())
            ? LineEngine.GOOD : LineEngine.REJECT;
    }

    /** A value as text: texts as they are, whole numbers without a decimal point (reason codes, states). */
    private static @Nullable String text(SampleBatch b, int i) {
        String t = b.text(i);
        if (t != null) {
            return t;
        }
        double d = b.number(i);
        if (Double.isNaN(d)) {
            return null;
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private void flush() {
        if (pending.size() > 0) {
            context.publish(pending.build());
        }
    }

    @Override
    public byte[] checkpoint() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream o = new DataOutputStream(bytes);
            o.writeInt(FORMAT);
            byte[] e = engine.checkpoint();
            o.writeInt(e.length);
            o.write(e);
            o.writeLong(seen);
            o.writeLong(lastCurrent);
            o.writeInt(queue.size());
            for (Ev ev : queue.stream().sorted(queue.comparator()).toList()) {
                o.writeLong(ev.time);
                o.writeInt(ev.rank);
                Codec.writeNullable(o, ev.text);
                o.writeDouble(ev.number);
                o.writeBoolean(ev.bad);
            }
            memory.write(o);
            o.flush();
            return bytes.toByteArray();
        } catch (IOException x) {
            throw new IllegalStateException("writing to memory failed", x);
        }
    }

    private void restore(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("OEE checkpoint of format " + format + ", this model reads " + FORMAT);
            }
            int n = in.readInt();
            if (n < 0 || n > 1 << 24) {
                throw new IOException("an engine state of " + n + " bytes");
            }
            byte[] e = new byte[n];
            in.readFully(e);
            engine.restore(e);
            seen = in.readLong();
            lastCurrent = in.readLong();
            int q = in.readInt();
            for (int i = 0; i < q; i++) {
                queue.add(new Ev(in.readLong(), in.readInt(), seq++, Codec.readNullable(in), in.readDouble(),
                    in.readBoolean()));
            }
            memory.read(in);
        } catch (IOException x) {
            throw new IllegalStateException("OEE checkpoint cut short or damaged: " + x.getMessage(), x);
        }
    }

    /** The time of a figure's period start, as it is stamped. */
    private static long stamp(Instant i) {
        return Micros.of(i);
    }

    private final class Listener implements EngineListener {

        @Override
        public void closed(OeeFigures f) {
            PointPath p = switch (f.period()) {
                case SHIFT -> out.shift;
                case ORDER -> out.order;
                case HOUR -> out.hour;
            };
            pending.addJson(p, stamp(f.from()), OeeJson.write(f), Quality.GOOD);
        }

        @Override
        public void stopEnded(Stop s) {
            pending.addJson(out.stops, stamp(s.start()), OeeJson.write(s), Quality.GOOD);
        }

        @Override
        public void snapshot(long t) {
            memory.snapshot(t, engine.checkpoint());
        }

        @Override
        public void orderStarted(long t, String order) {
            memory.orderStarted(t);
        }

        @Override
        public void orderEnded(long start, long end, String order) {
            memory.orderEnded(start, end);
        }
    }
}
