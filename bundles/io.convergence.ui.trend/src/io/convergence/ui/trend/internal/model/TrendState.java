package io.convergence.ui.trend.internal.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.point.PointPath;

/**
 * The trend as kept in the part's persisted state between sessions: the pens (path and unit), the
 * range preset or the fixed window, and whether it follows now. Plain strings, as
 * {@code MPart.getPersistedState()} wants.
 */
public final class TrendState {

    /** Pens: one per line, the path, a tab, the unit. */
    public static final String PENS = "trend.pens";
    /** The preset's name, or {@code custom}. */
    public static final String RANGE = "trend.range";
    /** Window start, microseconds since the epoch, for a fixed window. */
    public static final String FROM = "trend.from";
    /** Window end, microseconds since the epoch, for a fixed window. */
    public static final String TO = "trend.to";
    /** Window duration, microseconds, for a window that follows now (so it is not rewritten every tick). */
    public static final String SPAN = "trend.span";
    /** {@code true} when the window follows now. */
    public static final String FOLLOW = "trend.follow";

    private static final String CUSTOM = "custom";

    private TrendState() {
    }

    /** The model's state as strings. */
    public static Map<String, String> save(TrendModel m) {
        Map<String, String> out = new HashMap<>();
        StringBuilder pens = new StringBuilder();
        for (Pen p : m.pens()) {
            pens.append(p.path()).append('\t').append(p.unit()).append('\n');
        }
        out.put(PENS, pens.toString());
        RangePreset preset = m.preset();
        out.put(RANGE, preset == null ? CUSTOM : preset.name());
        if (m.follow()) {
            out.put(SPAN, Long.toString(m.window().span()));
        } else {
            out.put(FROM, Long.toString(m.window().from()));
            out.put(TO, Long.toString(m.window().to()));
        }
        out.put(FOLLOW, Boolean.toString(m.follow()));
        return out;
    }

    /** A saved pen: the point and the unit it had. */
    public record SavedPen(PointPath path, String unit) {
    }

    /** The pens in saved state; lines that do not parse are skipped. */
    public static List<SavedPen> pens(Map<String, String> state) {
        List<SavedPen> out = new ArrayList<>();
        for (String line : state.getOrDefault(PENS, "").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            String path = tab < 0 ? line : line.substring(0, tab);
            String unit = tab < 0 ? "" : line.substring(tab + 1);
            try {
                out.add(new SavedPen(PointPath.parse(path.strip()), unit.strip()));
            } catch (IllegalArgumentException e) {
                // a path that no longer parses is dropped
            }
        }
        return out;
    }

    /**
     * Restores the time range onto a model: the preset ending now, or the fixed window. Missing or
     * damaged values leave the model as it is.
     */
    public static void restoreRange(Map<String, String> state, TrendModel m, long nowMicros) {
        String range = state.get(RANGE);
        if (range == null) {
            return;
        }
        try {
            if (!range.equals(CUSTOM)) {
                m.showLast(RangePreset.valueOf(range), nowMicros);
                return;
            }
            if (Boolean.parseBoolean(state.get(FOLLOW))) {
                m.show(TimeWindow.ending(nowMicros, Long.parseLong(state.getOrDefault(SPAN, ""))));
                m.setFollow(true, nowMicros);
            } else {
                m.show(new TimeWindow(Long.parseLong(state.getOrDefault(FROM, "")),
                    Long.parseLong(state.getOrDefault(TO, ""))));
            }
        } catch (IllegalArgumentException e) {
            // damaged state: keep the default range
        }
    }
}
