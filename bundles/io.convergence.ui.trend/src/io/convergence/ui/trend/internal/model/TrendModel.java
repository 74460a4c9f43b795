package io.convergence.ui.trend.internal.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * What the trend shows, without SWT: the pens, one Y axis per engineering unit, the time window,
 * and whether the window follows now. Used on the UI thread only; {@link #version()} changes with
 * every change so the view redraws only then.
 */
public final class TrendModel {

    /** The most pens one trend holds. */
    public static final int MAX_PENS = 12;

    private final List<Pen> pens = new ArrayList<>();
    private final Map<String, YScale> scales = new HashMap<>();
    private TimeWindow window;
    private @Nullable RangePreset preset;
    private boolean follow;
    private long version;

    /** A trend of the last 15 minutes, following now. */
    public TrendModel(long nowMicros) {
        preset = RangePreset.LAST_15_MIN;
        follow = true;
        window = TimeWindow.ending(nowMicros, preset.micros());
    }

    /** The pens in the order they were added. */
    public List<Pen> pens() {
        return List.copyOf(pens);
    }

    /** The pen of a point, if it is in the trend. */
    public Optional<Pen> pen(PointPath path) {
        return pens.stream().filter(p -> p.path().equals(path)).findFirst();
    }

    /**
     * Adds a pen with the next free colour. Its unit's axis goes back to following the data, so the
     * new line is in view.
     *
     * @return the pen, or {@code null} if the point is already in the trend or the trend is full
     */
    public @Nullable Pen add(PointPath path, String unit, String description) {
        if (pen(path).isPresent() || pens.size() >= MAX_PENS) {
            return null;
        }
        Pen p = new Pen(path, unit.strip(), description, Palette.next(pens));
        pens.add(p);
        scales.remove(p.unit());
        version++;
        return p;
    }

    /** Removes a point's pen; its axis goes when no pen is left on it. */
    public boolean remove(PointPath path) {
        boolean removed = pens.removeIf(p -> p.path().equals(path));
        if (removed) {
            scales.keySet().retainAll(units());
            version++;
        }
        return removed;
    }

    /** The units, one per Y axis, in the order of their first pen. */
    public List<String> units() {
        LinkedHashSet<String> units = new LinkedHashSet<>();
        pens.forEach(p -> units.add(p.unit()));
        return List.copyOf(units);
    }

    /** The pens drawn against one unit's axis. */
    public List<Pen> pensOn(String unit) {
        return pens.stream().filter(p -> p.unit().equals(unit)).toList();
    }

    /** The visible time range. */
    public TimeWindow window() {
        return window;
    }

    /** The preset shown, or {@code null} once the user zoomed, panned or picked a custom range. */
    public @Nullable RangePreset preset() {
        return preset;
    }

    /** Whether the window slides with now. */
    public boolean follow() {
        return follow;
    }

    /** Shows a preset range ending now, and follows. */
    public void showLast(RangePreset p, long nowMicros) {
        preset = p;
        follow = true;
        window = TimeWindow.ending(nowMicros, p.micros());
        version++;
    }

    /** Shows a fixed range; stops following. */
    public void show(TimeWindow w) {
        preset = null;
        follow = false;
        window = w;
        version++;
    }

    /** Starts or stops following; starting moves the window's right edge to now. */
    public void setFollow(boolean on, long nowMicros) {
        if (on == follow) {
            return;
        }
        follow = on;
        if (on) {
            window = TimeWindow.ending(nowMicros, window.span());
        }
        version++;
    }

    /** Slides the window to end now, if following. */
    public boolean tick(long nowMicros) {
        if (!follow || window.to() == nowMicros) {
            return false;
        }
        window = TimeWindow.ending(nowMicros, window.span());
        version++;
        return true;
    }

    /**
     * Zooms the time axis around {@code anchor} (0 = left edge, 1 = right edge); while following the
     * right edge stays at now.
     */
    public void zoomTime(double factor, double anchor, long nowMicros) {
        window = follow ? TimeWindow.ending(nowMicros, window.zoom(factor, 1).span()) : window.zoom(factor, anchor);
        preset = null;
        version++;
    }

    /** Pans the time axis by a fraction of its span; stops following. */
    public void panTime(double fraction) {
        window = window.pan(fraction);
        follow = false;
        preset = null;
        version++;
    }

    /** One unit's Y range setting. */
    public YScale scale(String unit) {
        return scales.getOrDefault(unit, YScale.AUTO);
    }

    /** Sets one unit's Y range. */
    public void setScale(String unit, YScale s) {
        scales.put(unit, s);
        version++;
    }

    /**
     * Zooms every Y axis around {@code anchor} (0 = bottom, 1 = top) of the ranges shown now;
     * factor under 1 zooms in. The axes then stop following the data.
     */
    public void zoomY(Map<String, double[]> shown, double factor, double anchor) {
        shown.forEach((unit, r) -> {
            double pivot = r[0] + (r[1] - r[0]) * anchor;
            scales.put(unit, YScale.of(pivot - (pivot - r[0]) * factor, pivot + (r[1] - pivot) * factor));
        });
        version++;
    }

    /** Moves every Y axis by a fraction of its range shown now; positive moves up. */
    public void panY(Map<String, double[]> shown, double fraction) {
        shown.forEach((unit, r) -> {
            double d = (r[1] - r[0]) * fraction;
            scales.put(unit, YScale.of(r[0] + d, r[1] + d));
        });
        version++;
    }

    /** Every Y axis follows its data again. */
    public void autoY() {
        scales.clear();
        version++;
    }

    /** Changes with every change of what is shown. */
    public long version() {
        return version;
    }
}
