package io.convergence.ui.trend.internal.model;

import java.util.List;
import java.util.Locale;

import io.convergence.api.point.PointInfo;

/**
 * The Add point dialog's filter: every word typed must appear, ignoring case, in the point's path,
 * unit or description. Text points are left out: they cannot be drawn.
 */
public final class PointFilter {

    private PointFilter() {
    }

    /** The numeric points matching {@code text}, in the order given. */
    public static List<PointInfo> apply(List<PointInfo> points, String text) {
        String[] words = text.toLowerCase(Locale.ROOT).strip().split("\\s+");
        return points.stream().filter(p -> p.type().isNumeric()).filter(p -> {
            String hay = (p.path() + " " + p.unit() + " " + p.description()).toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!w.isEmpty() && !hay.contains(w)) {
                    return false;
                }
            }
            return true;
        }).toList();
    }
}
