package io.convergence.ui.live.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;
import io.convergence.ui.common.QualityStyle;

import org.jspecify.annotations.Nullable;

/**
 * What the Live Values view shows, without any SWT.
 *
 * <p>Two threads meet here. The sample bus thread calls {@link #onSamples} and only puts the latest
 * sample of each chosen point into a concurrent map: however fast data comes, it costs one map write
 * per sample and never waits for the screen. The UI thread calls {@link #refresh} at screen pace:
 * it turns the latest samples into {@link LiveRow}s and answers with the rows whose text or style
 * changed since the last call, so the view redraws those only. Everything else (which points, in
 * which order, their descriptions) belongs to the UI thread.
 */
public final class LiveValuesModel {

    /** A value not updated for this long is stale. */
    public static final long STALE_AFTER_MS = 10_000;

    /** The latest sample of a point, and when it arrived (local clock, immune to source clock skew). */
    private record Latest(long micros, @Nullable Object value, Quality quality, long arrived) {
    }

    private final LongSupplier clock;
    private final ValueFormat format;
    private final Set<PointPath> watched = ConcurrentHashMap.newKeySet();
    private final Map<PointPath, Latest> latest = new ConcurrentHashMap<>();
    private final List<PointPath> order = new ArrayList<>();
    private final Map<PointPath, PointInfo> info = new HashMap<>();
    private final Map<PointPath, LiveRow> shown = new HashMap<>();

    /**
     * @param clock milliseconds since the epoch, for ages and staleness
     * @param format how to write values and times
     */
    public LiveValuesModel(LongSupplier clock, ValueFormat format) {
        this.clock = clock;
        this.format = format;
    }

    // --- any thread -------------------------------------------------------------------------

    /** Keeps the latest sample of every chosen point in the batch. Called on the bus thread. */
    public void onSamples(SampleBatch batch) {
        long now = clock.getAsLong();
        for (int i = 0, n = batch.size(); i < n; i++) {
            PointPath p = batch.point(i);
            if (watched.contains(p)) {
                latest.put(p, new Latest(batch.timeMicros(i), batch.value(i), batch.quality(i), now));
            }
        }
    }

    /** Takes a sample read from the source, unless a newer one already arrived. */
    public void offer(Sample s) {
        if (!watched.contains(s.point())) {
            return;
        }
        long micros = s.time().getEpochSecond() * 1_000_000L + s.time().getNano() / 1_000;
        Latest l = new Latest(micros, s.value(), s.quality(), clock.getAsLong());
        latest.merge(s.point(), l, (old, read) -> read.micros > old.micros ? read : old);
    }

    // --- UI thread --------------------------------------------------------------------------

    /** Adds a point at the end; {@code false} if it was there already. */
    public boolean add(PointPath point, @Nullable PointInfo description) {
        if (watched.contains(point)) {
            return false;
        }
        order.add(point);
        if (description != null) {
            info.put(point, description);
        }
        latest.remove(point);
        watched.add(point);
        return true;
    }

    /** Removes points and forgets their values. */
    public void remove(Collection<PointPath> points) {
        for (PointPath p : points) {
            watched.remove(p);
            latest.remove(p);
            shown.remove(p);
            info.remove(p);
        }
        order.removeAll(Set.copyOf(points));
    }

    /** The chosen points, in the order they were added. */
    public List<PointPath> points() {
        return List.copyOf(order);
    }

    /** Whether no point is chosen. */
    public boolean isEmpty() {
        return order.isEmpty();
    }

    /** Points whose unit and type are not known yet (not announced when they were added). */
    public List<PointPath> undescribed() {
        return order.stream().filter(p -> !info.containsKey(p)).toList();
    }

    /** Gives the unit and type of a point found later in the registry. */
    public void describe(PointInfo description) {
        if (watched.contains(description.path())) {
            info.put(description.path(), description);
        }
    }

    /**
     * Recomputes every row from the latest samples and the clock.
     *
     * @return the points whose row changed since the last call, in table order
     */
    public List<PointPath> refresh() {
        long now = clock.getAsLong();
        List<PointPath> changed = new ArrayList<>();
        for (PointPath p : order) {
            LiveRow row = compute(p, now);
            if (!row.equals(shown.put(p, row))) {
                changed.add(p);
            }
        }
        return changed;
    }

    /** The row of a point as of the last {@link #refresh}, or as it would be now if never refreshed. */
    public LiveRow row(PointPath point) {
        LiveRow r = shown.get(point);
        return r != null ? r : compute(point, clock.getAsLong());
    }

    /** How many rows have each style, as of the last {@link #refresh}. */
    public Map<LiveRow.Style, Integer> styles() {
        Map<LiveRow.Style, Integer> out = new EnumMap<>(LiveRow.Style.class);
        for (PointPath p : order) {
            out.merge(row(p).style(), 1, Integer::sum);
        }
        return out;
    }

    private LiveRow compute(PointPath p, long now) {
        PointInfo i = info.get(p);
        String unit = i == null ? "" : i.unit();
        DataType type = i == null ? null : i.type();
        Latest l = latest.get(p);
        if (l == null) {
            return new LiveRow(p.toString(), Messages.Live_noValue, unit, QualityStyle.waitingLabel(), "", "",
                LiveRow.Style.WAITING);
        }
        long age = Math.max(0, now - l.arrived);
        boolean stale = age >= STALE_AFTER_MS;
        LiveRow.Style style = l.quality == Quality.BAD ? LiveRow.Style.BAD
            : stale ? LiveRow.Style.STALE
            : l.quality == Quality.UNCERTAIN ? LiveRow.Style.UNCERTAIN
            : LiveRow.Style.GOOD;
        String quality = stale ? QualityStyle.staleLabel(l.quality) : QualityStyle.label(l.quality);
        return new LiveRow(p.toString(), format.value(l.value, type), unit, quality, format.time(l.micros, now),
            format.age(age), style);
    }

    // --- persistence ------------------------------------------------------------------------

    /** The chosen points as text, one path per line, for the part's persisted state. */
    public static String persist(List<PointPath> points) {
        return String.join("\n", points.stream().map(PointPath::toString).toList());
    }

    /** The points in persisted text, without duplicates; lines that are not paths are skipped. */
    public static List<PointPath> restore(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(io.convergence.ui.workbench.points.PointHandoff.fromText(text)));
    }
}
