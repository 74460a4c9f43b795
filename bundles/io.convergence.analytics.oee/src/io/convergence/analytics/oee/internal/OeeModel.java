package io.convergence.analytics.oee.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.convergence.analytics.oee.core.Calendar;
import io.convergence.analytics.oee.core.Corrections;
import io.convergence.analytics.oee.core.OeeRun;
import io.convergence.analytics.oee.core.OeeSettings;
import io.convergence.analytics.oee.core.RunMemory;
import io.convergence.analytics.oee.core.Window;
import io.convergence.api.model.AnalyticsModel;
import io.convergence.api.model.ModelContext;
import io.convergence.api.model.ModelContext.Mode;
import io.convergence.api.model.ModelRun;
import io.convergence.api.oee.Period;
import io.convergence.api.point.DataType;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * The OEE model of one line. Its runs ({@link OeeRun}) do the work; the model keeps what the live
 * run shows, what it remembers for recomputes, and the operator's corrections.
 */
public final class OeeModel implements AnalyticsModel {

    /** The model's type, the service property {@value AnalyticsModel#TYPE_PROPERTY}. */
    public static final String TYPE = "oee";

    private final OeeSettings settings;
    private final Supplier<Calendar> calendar;
    private final List<PointInfo> outputs;
    private volatile Corrections corrections = Corrections.NONE;
    private volatile @Nullable RunMemory liveMemory;
    private volatile LiveFigures live = LiveFigures.NONE;

    public OeeModel(OeeSettings settings, Supplier<Calendar> calendar) {
        this.settings = settings;
        this.calendar = calendar;
        OeeRun.Outputs o = OeeRun.Outputs.of(settings.oeePath());
        String id = settings.id();
        String of = " of " + settings.line();
        this.outputs = List.of(
            new PointInfo(o.shift(), DataType.JSON, "", "OEE per shift" + of + ", stamped at the shift's start", id, null),
            new PointInfo(o.order(), DataType.JSON, "", "OEE per production order" + of, id, null),
            new PointInfo(o.hour(), DataType.JSON, "", "OEE per hour" + of, id, null),
            new PointInfo(o.stops(), DataType.JSON, "", "Stops" + of + ", stamped at their start", id, null),
            new PointInfo(o.availability(), DataType.DOUBLE, "", "Availability of the current shift" + of, id, null),
            new PointInfo(o.performance(), DataType.DOUBLE, "", "Performance of the current shift" + of, id, null),
            new PointInfo(o.quality(), DataType.DOUBLE, "", "Quality of the current shift" + of, id, null),
            new PointInfo(o.oee(), DataType.DOUBLE, "", "OEE of the current shift" + of, id, null));
    }

    public OeeSettings settings() {
        return settings;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public PointFilter inputs() {
        return settings.inputs();
    }

    @Override
    public List<PointInfo> outputs() {
        return outputs;
    }

    @Override
    public ModelRun open(ModelContext context) {
        boolean isLive = context.mode() == Mode.LIVE;
        RunMemory shared = liveMemory;
        RunMemory memory = isLive || shared == null ? new RunMemory() : shared.upTo(Micros.of(context.from()));
        OeeRun run = new OeeRun(settings, new Following(), () -> corrections, memory, context,
            isLive ? this::show : null);
        if (isLive) {
            liveMemory = run.memory();
        }
        return run;
    }

    /**
     * The start of the shift that holds {@code changed}, or earlier the start of an order running
     * then (and of the shift that order started in, and so on): every period whose figures the change
     * can touch starts there or later, so none is cut by the recompute, and the live run left a
     * snapshot there for the recompute to start from.
     */
    @Override
    public Instant recomputeFrom(Instant changed) {
        long t = Micros.of(changed);
        Calendar c = calendar.get();
        RunMemory m = liveMemory;
        long from = t;
        for (int i = 0; i < 1_000; i++) {
            long next = from;
            Window shift = c.shiftAt(next);
            if (shift != null) {
                next = Math.min(next, shift.start());
            }
            Long order = m == null ? null : m.orderStartAt(next);
            if (order != null && order < next) {
                next = order;
            }
            if (next == from) {
                break;
            }
            from = next;
        }
        return Micros.toInstant(from);
    }

    private void show(OeeRun run) {
        Map<Period, io.convergence.api.oee.OeeFigures> current = new EnumMap<>(Period.class);
        for (Period p : Period.values()) {
            run.engine().current(p).ifPresent(f -> current.put(p, f));
        }
        live = new LiveFigures(current, run.engine().runningStop().orElse(null));
    }

    /**
     * The calendar as it stands at each question: a business source that comes up after the run
     * started (the SQL connector connects after the model host opens the run) is used from then on.
     */
    private final class Following implements Calendar {

        @Override
        public @Nullable Window shiftAt(long t) {
            return calendar.get().shiftAt(t);
        }

        @Override
        public long nextShiftStart(long t) {
            return calendar.get().nextShiftStart(t);
        }

        @Override
        public List<Window> plannedStops(long from, long to) {
            return calendar.get().plannedStops(from, to);
        }

        @Override
        public @Nullable ReasonInfo reason(String code) {
            return calendar.get().reason(code);
        }

        @Override
        public @Nullable OrderInfo order(String orderId) {
            return calendar.get().order(orderId);
        }
    }

    LiveFigures live() {
        return live;
    }

    Corrections corrections() {
        return corrections;
    }

    void corrections(Corrections c) {
        this.corrections = c;
    }

    PointPath line() {
        return settings.line();
    }

    @Override
    public String toString() {
        return "OEE of " + settings.line() + " ('" + settings.id() + "')";
    }
}
