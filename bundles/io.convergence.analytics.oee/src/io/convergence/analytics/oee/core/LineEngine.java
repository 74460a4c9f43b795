package io.convergence.analytics.oee.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.convergence.api.business.LossCategory;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.Micros;

import org.jspecify.annotations.Nullable;

/**
 * The OEE state machine of one line. Fed with the line's signals in time order (ties: order, reason,
 * state, counters), it splits time at every shift, hour, planned stop and state change and adds each
 * piece to the shift, the hour and the order it belongs to: running, a stop (a small stop when it
 * ends within the micro-stop limit or has a performance reason, a setup when it is a changeover,
 * else a breakdown), or not planned production time at all (outside shifts, in a break or planned
 * stop, in a planned-stop state or a stop with a planned reason). Counters are read as deltas.
 *
 * <p>Everything it decides depends only on the events and the calendar, never on when it is called,
 * so a replay from a {@link #checkpoint()} gives the same figures to the bit.
 */
public final class LineEngine {

    /** Counter kinds. */
    public static final int TOTAL = 0;
    public static final int GOOD = 1;
    public static final int REJECT = 2;

    /** Machine states. */
    public static final int UNKNOWN = 0;
    public static final int RUNNING = 1;
    public static final int STOPPED = 2;
    public static final int PLANNED = 3;

    private static final int FORMAT = 1;

    private final OeeSettings settings;
    private final Calendar calendar;
    private final EngineListener listener;
    private final int counters;
    private Corrections corrections = Corrections.NONE;

    private long horizon = Long.MIN_VALUE;
    private long boundary = Long.MIN_VALUE;
    private int machine = UNKNOWN;
    private String stateText = "";
    private @Nullable String reason;
    private @Nullable StopTrack stop;
    private @Nullable Tally shift;
    private @Nullable Tally hour;
    private @Nullable Tally order;
    private boolean orderRan;
    private boolean afterSetup;
    private long startupUntil = Long.MIN_VALUE;
    private double ideal;
    private final long[] last = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
    /** Closed periods that wait for the running stop to be classified. */
    private final List<Tally> awaiting = new ArrayList<>();
    /** The planned stops of the current shift, and whether {@link #horizon} is in one. */
    private List<Window> planned = List.of();
    private boolean inPlanned;

    public LineEngine(OeeSettings settings, Calendar calendar, EngineListener listener) {
        this.settings = settings;
        this.calendar = calendar;
        this.listener = listener;
        this.ideal = settings.idealCycleSeconds();
        this.counters = (settings.totalCountPoint() != null ? 1 << TOTAL : 0)
            | (settings.goodCountPoint() != null ? 1 << GOOD : 0) | (settings.rejectCountPoint() != null ? 1 << REJECT : 0);
    }

    /** The operator's corrections that apply to stops starting from now on. */
    public void corrections(Corrections c) {
        this.corrections = c;
    }

    /** Where the engine stands: everything before it is accounted. */
    public long horizon() {
        return horizon;
    }

    /** The running order's id, or {@code null}. */
    public @Nullable String order() {
        return order == null ? null : order.order;
    }

    // ---- events -------------------------------------------------------------------------------

    /** The order running on the line from {@code t}; empty or null for none. */
    public void order(long t, @Nullable String id) {
        advanceTo(t);
        String next = id == null || id.isBlank() ? null : id.strip();
        String now = order == null ? null : order.order;
        if (next == null ? now == null : next.equals(now)) {
            return;
        }
        if (order != null) {
            Tally o = order;
            o.end = t;
            order = null;
            close(o);
            listener.orderEnded(o.start, t, o.order);
        }
        ideal = settings.idealCycleSeconds();
        if (next != null) {
            listener.snapshot(t);
            Calendar.OrderInfo info = calendar.order(next);
            String product = null;
            if (info != null) {
                ideal = info.idealCycleSeconds();
                product = info.product();
            }
            order = new Tally(Period.ORDER, t, Long.MAX_VALUE, null, next, product);
            orderRan = false;
            afterSetup = true;
            noteProduct(shift, product);
            noteProduct(hour, product);
            listener.orderStarted(t, next);
        }
    }

    /** The machine's reason code from {@code t} on (applies to stops that start from then on). */
    public void reason(long t, @Nullable String code) {
        advanceTo(t);
        reason = code == null || code.isBlank() ? null : code;
        // A reason that arrives with the stop it explains, just after it in the feed, is its reason.
        if (stop != null && stop.start == t && !stop.corrected && reason != null && !reason.equals(stop.reason)) {
            StopTrack s = stop;
            stop = null;
            startStop(t, false);
            stop.production = s.production;
            boundary = nextBoundary();
        }
    }

    /** The machine's state from {@code t} on: {@link #RUNNING}, {@link #STOPPED}, {@link #PLANNED} or {@link #UNKNOWN}. */
    public void state(long t, int kind, String text) {
        advanceTo(t);
        stateText = text;
        if (kind == machine) {
            return;
        }
        int was = machine;
        machine = kind;
        if (was == UNKNOWN) {
            // What the counters made while the state was not known belongs to no time that is counted:
            // their first reading from now on is a new starting point (a plant restarted meanwhile
            // reads from zero again, which would otherwise look like a reset and be added whole).
            Arrays.fill(last, Long.MIN_VALUE);
        }
        if (kind == RUNNING || kind == UNKNOWN) {
            if (stop != null) {
                endStop(t);
            }
            if (kind == RUNNING) {
                if (order != null) {
                    orderRan = true;
                }
                if (afterSetup) {
                    startupUntil = t + settings.startupMicros();
                    afterSetup = false;
                }
            }
        } else if (was == RUNNING || was == UNKNOWN) {
            startStop(t, false);
        }
        boundary = nextBoundary();
    }

    /**
     * A counter's reading at {@code t}. Counted are the units between two readings of a known state;
     * a reading while the state is unknown counts nothing (its time is not counted either).
     */
    public void count(long t, int which, double value) {
        advanceTo(t);
        if (Double.isNaN(value) || Double.isInfinite(value) || machine == UNKNOWN) {
            return;
        }
        long v = (long) value;
        long before = last[which];
        last[which] = v;
        if (before == Long.MIN_VALUE) {
            return;
        }
        long delta;
        if (v >= before) {
            delta = v - before;
        } else if (wrapped(before, v)) {
            delta = settings.counterModulus() - before + v;
        } else {
            // A reset: the counter starts again from zero, so what it reads now was made since.
            delta = Math.max(v, 0);
        }
        if (delta == 0) {
            return;
        }
        boolean startup = t < startupUntil;
        if (shift != null) {
            shift.count(which, delta, ideal, startup);
        }
        if (hour != null) {
            hour.count(which, delta, ideal, startup);
        }
        if (order != null) {
            order.count(which, delta, ideal, startup);
        }
    }

    /**
     * Whether a decrease is the counter passing its modulus: from the upper half of its range to the
     * lower half. Any other decrease is a reset (a counter cleared at an order change, say).
     */
    private boolean wrapped(long before, long v) {
        long m = settings.counterModulus();
        return m > 0 && before < m && before >= m / 2 && v >= 0 && v < m / 2;
    }

    /** Time has reached {@code t}: periods ending at or before it close. */
    public void advance(long t) {
        advanceTo(t);
    }

    // ---- figures --------------------------------------------------------------------------------

    /** The running period's figures up to where the engine stands. */
    public Optional<OeeFigures> current(Period period) {
        Tally t = switch (period) {
            case SHIFT -> shift;
            case HOUR -> hour;
            case ORDER -> order;
        };
        return t == null || horizon == Long.MIN_VALUE ? Optional.empty()
            : Optional.of(t.figures(settings.line(), settings.definition(), counters, horizon, false));
    }

    /** The stop running now, if the line is stopped. */
    public Optional<Stop> runningStop() {
        StopTrack s = stop;
        return s == null ? Optional.empty() : Optional.of(record(s, null));
    }

    // ---- time -----------------------------------------------------------------------------------

    private void advanceTo(long t) {
        if (horizon == Long.MIN_VALUE) {
            horizon = t;
            boundary = t;
        }
        if (t < horizon) {
            throw new IllegalArgumentException("event at " + Micros.toInstant(t) + " is before the engine's time "
                + Micros.toInstant(horizon));
        }
        while (boundary <= t) {
            account(horizon, boundary);
            horizon = boundary;
            onBoundary();
            boundary = nextBoundary();
        }
        account(horizon, t);
        horizon = t;
    }

    private void account(long from, long to) {
        long d = to - from;
        if (d <= 0 || machine == UNKNOWN || shift == null) {
            return;
        }
        StopTrack s = stop;
        if (inPlanned || machine == PLANNED || (s != null && s.plannedReason)) {
            return;
        }
        if (machine == RUNNING) {
            shift.run += d;
            if (hour != null) {
                hour.run += d;
            }
            if (order != null) {
                order.run += d;
            }
            return;
        }
        if (s == null) {
            return;
        }
        s.production = true;
        add(shift, s.kind, d);
        add(hour, s.kind, d);
        add(order, s.kind, d);
    }

    private static void add(@Nullable Tally t, int kind, long d) {
        if (t == null) {
            return;
        }
        switch (kind) {
            case StopTrack.UNCLASSIFIED -> t.pending += d;
            case StopTrack.MICRO -> t.micro += d;
            case StopTrack.SETUP -> t.setup += d;
            default -> t.breakdown += d;
        }
    }

    private void onBoundary() {
        long h = horizon;
        StopTrack s = stop;
        if (s != null && s.kind == StopTrack.UNCLASSIFIED && h - s.start >= settings.microStopMicros()) {
            classify(s, s.classify(false, h - s.start, settings.microStopMicros()));
        }
        if (s != null && s.splitAt == h) {
            endStop(h);
            startStop(h, true);
        }
        if (hour != null && h >= hour.end) {
            Tally x = hour;
            hour = null;
            close(x);
        }
        if (shift != null && h >= shift.end) {
            Tally x = shift;
            shift = null;
            planned = List.of();
            close(x);
        }
        if (shift == null) {
            Window w = calendar.shiftAt(h);
            if (w != null) {
                if (w.start() == h) {
                    listener.snapshot(h);
                }
                shift = new Tally(Period.SHIFT, w.start(), w.end(), w.name(), null, productNow());
                planned = calendar.plannedStops(w.start(), w.end());
            }
        }
        if (shift != null && hour == null) {
            long start = Math.max(floorHour(h), shift.start);
            hour = new Tally(Period.HOUR, start, Math.min(nextHour(h), shift.end), shift.shift, null, productNow());
        }
        inPlanned = false;
        for (Window w : planned) {
            if (w.contains(h)) {
                inPlanned = true;
                break;
            }
        }
    }

    private long nextBoundary() {
        long h = horizon;
        long b = Long.MAX_VALUE;
        if (shift != null) {
            b = Math.min(b, shift.end);
            if (hour != null) {
                b = Math.min(b, hour.end);
            }
            for (Window w : planned) {
                if (w.start() > h) {
                    b = Math.min(b, w.start());
                    break;
                }
                if (w.end() > h) {
                    b = Math.min(b, w.end());
                }
            }
        } else {
            b = Math.min(b, calendar.nextShiftStart(h));
        }
        StopTrack s = stop;
        if (s != null) {
            if (s.kind == StopTrack.UNCLASSIFIED) {
                long c = s.start + settings.microStopMicros();
                if (c > h) {
                    b = Math.min(b, c);
                }
            }
            if (s.splitAt > h) {
                b = Math.min(b, s.splitAt);
            }
        }
        return b;
    }

    private long floorHour(long t) {
        ZonedDateTime z = Micros.toInstant(t).atZone(zone()).truncatedTo(ChronoUnit.HOURS);
        return Micros.of(z.toInstant());
    }

    private long nextHour(long t) {
        ZonedDateTime z = Micros.toInstant(t).atZone(zone()).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        return Micros.of(z.toInstant());
    }

    private ZoneId zone() {
        return settings.zone();
    }

    // ---- stops and periods -----------------------------------------------------------------------

    private void startStop(long t, boolean fromSplit) {
        String corrected = corrections.reason(t);
        String code = corrected != null ? corrected : reason;
        Calendar.ReasonInfo info = code == null ? null : calendar.reason(code);
        String text = info != null ? info.text() : code != null && settings.reasonPoint() != null ? code : stateText;
        boolean setup = (code != null && settings.setupReasons().contains(code)) || (info != null && info.setup())
            || (order != null && !orderRan);
        StopTrack s = new StopTrack(t, code, text, fromSplit || corrections.touches(t), setup,
            info != null && info.performance(), info != null && info.planned(), corrections.splitAt(t));
        stop = s;
        if (s.performance || settings.microStopMicros() == 0) {
            s.kind = s.classify(false, 0, settings.microStopMicros());
        }
    }

    private void endStop(long t) {
        StopTrack s = stop;
        if (s == null) {
            return;
        }
        if (s.kind == StopTrack.UNCLASSIFIED) {
            classify(s, s.classify(true, t - s.start, settings.microStopMicros()));
        }
        stop = null;
        if (s.kind == StopTrack.SETUP) {
            afterSetup = true;
        }
        listener.stopEnded(record(s, t));
    }

    private void classify(StopTrack s, int kind) {
        s.kind = kind;
        for (Tally t : new Tally[] {shift, hour, order}) {
            if (t != null) {
                t.classify(kind);
            }
        }
        for (Tally t : awaiting) {
            t.classify(kind);
            listener.closed(t.figures(settings.line(), settings.definition(), counters, t.end, true));
        }
        awaiting.clear();
    }

    private void close(Tally t) {
        if (t.pending > 0) {
            awaiting.add(t);
        } else {
            listener.closed(t.figures(settings.line(), settings.definition(), counters, t.end, true));
        }
    }

    private Stop record(StopTrack s, @Nullable Long end) {
        boolean micro = s.kind == StopTrack.MICRO;
        return new Stop(settings.line(), Micros.toInstant(s.start), end == null ? null : Micros.toInstant(end), s.reason,
            s.text, micro ? LossCategory.PERFORMANCE : LossCategory.AVAILABILITY, !s.production && end != null, micro,
            s.corrected);
    }

    private @Nullable String productNow() {
        return order == null ? null : order.product;
    }

    private static void noteProduct(@Nullable Tally t, @Nullable String product) {
        if (t == null) {
            return;
        }
        if (t.product == null && !t.mixed && t.total + t.good + t.reject == 0) {
            t.product = product;
        } else if (product == null || !product.equals(t.product)) {
            t.mixed = true;
        }
    }

    // ---- checkpoint -----------------------------------------------------------------------------

    /** The engine's whole state. */
    public byte[] checkpoint() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            DataOutputStream o = new DataOutputStream(bytes);
            o.writeInt(FORMAT);
            o.writeUTF(settings.line().toString());
            o.writeLong(horizon);
            o.writeInt(machine);
            o.writeUTF(stateText);
            Codec.writeNullable(o, reason);
            o.writeBoolean(orderRan);
            o.writeBoolean(afterSetup);
            o.writeLong(startupUntil);
            o.writeDouble(ideal);
            for (long v : last) {
                o.writeLong(v);
            }
            o.writeBoolean(stop != null);
            if (stop != null) {
                stop.write(o);
            }
            for (Tally t : new Tally[] {shift, hour, order}) {
                o.writeBoolean(t != null);
                if (t != null) {
                    t.write(o);
                }
            }
            o.writeInt(awaiting.size());
            for (Tally t : awaiting) {
                t.write(o);
            }
            o.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    /**
     * Takes the state of a {@link #checkpoint()}.
     *
     * @throws IllegalStateException if the bytes are not a checkpoint of this line's engine
     */
    public void restore(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("OEE engine state of format " + format + ", this engine reads " + FORMAT);
            }
            String line = in.readUTF();
            if (!line.equals(settings.line().toString())) {
                throw new IllegalStateException("OEE engine state of line " + line + ", not " + settings.line());
            }
            horizon = in.readLong();
            machine = in.readInt();
            stateText = in.readUTF();
            reason = Codec.readNullable(in);
            orderRan = in.readBoolean();
            afterSetup = in.readBoolean();
            startupUntil = in.readLong();
            ideal = in.readDouble();
            for (int i = 0; i < last.length; i++) {
                last[i] = in.readLong();
            }
            stop = in.readBoolean() ? StopTrack.read(in) : null;
            shift = in.readBoolean() ? Tally.read(in) : null;
            hour = in.readBoolean() ? Tally.read(in) : null;
            order = in.readBoolean() ? Tally.read(in) : null;
            int n = in.readInt();
            awaiting.clear();
            for (int i = 0; i < n; i++) {
                awaiting.add(Tally.read(in));
            }
            planned = shift == null ? List.of() : calendar.plannedStops(shift.start, shift.end);
            // The boundary at the horizon is handled again on the next event: every step of it is
            // idempotent, and a snapshot taken at a shift's start opens the shift there.
            boundary = horizon;
        } catch (IOException e) {
            throw new IllegalStateException("OEE engine state cut short or damaged: " + e.getMessage(), e);
        }
    }
}
