package io.convergence.ui.live.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.convergence.api.point.PointInfo;

/** The registry's points, sorted, narrowed to those whose path contains a text (ignoring case). */
public final class PointFilter {

    private final List<PointInfo> points;
    private final String[] lower;

    public PointFilter(List<PointInfo> all) {
        List<PointInfo> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(PointInfo::path));
        this.points = List.copyOf(sorted);
        this.lower = new String[points.size()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = points.get(i).path().toString().toLowerCase(Locale.ROOT);
        }
    }

    /** Every point. */
    public int size() {
        return points.size();
    }

    /** The points whose path contains {@code text}; all of them for blank text. */
    public List<PointInfo> matching(String text) {
        String f = text.strip().toLowerCase(Locale.ROOT);
        if (f.isEmpty()) {
            return points;
        }
        List<PointInfo> out = new ArrayList<>();
        for (int i = 0; i < lower.length; i++) {
            if (lower[i].contains(f)) {
                out.add(points.get(i));
            }
        }
        return out;
    }
}
