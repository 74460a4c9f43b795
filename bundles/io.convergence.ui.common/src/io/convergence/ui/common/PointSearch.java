package io.convergence.ui.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.convergence.api.point.PointInfo;

/**
 * The one way every view finds points by typing: each word typed must appear, ignoring case,
 * somewhere in the point's path, unit or description ("filler temp" finds
 * {@code …/filler/temperature} and {@code …/filler/bearing_temperature}; "°C" finds every point in
 * degrees). The points are kept sorted by path with their text prepared once, so that searching
 * 100,000 points stays well under a frame's time. Immutable.
 */
public final class PointSearch {

    private static final PointSearch EMPTY = new PointSearch(List.of());

    private final List<PointInfo> points;
    private final String[] text;

    private PointSearch(List<PointInfo> sorted) {
        this.points = sorted;
        this.text = new String[sorted.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = haystack(sorted.get(i));
        }
    }

    /** A search over these points, in any order; of two points at one path the first is kept. */
    public static PointSearch of(Collection<PointInfo> points) {
        if (points.isEmpty()) {
            return EMPTY;
        }
        Map<String, PointInfo> byPath = new LinkedHashMap<>();
        for (PointInfo p : points) {
            byPath.putIfAbsent(p.path().toString(), p);
        }
        List<PointInfo> sorted = new ArrayList<>(byPath.values());
        sorted.sort((a, b) -> a.path().compareTo(b.path()));
        return new PointSearch(List.copyOf(sorted));
    }

    /** A search over no point. */
    public static PointSearch empty() {
        return EMPTY;
    }

    /** Every point, sorted by path. */
    public List<PointInfo> points() {
        return points;
    }

    /** The number of points. */
    public int size() {
        return points.size();
    }

    /** The points matching {@code typed}, sorted by path; all of them when nothing is typed. */
    public List<PointInfo> matching(String typed) {
        String[] words = words(typed);
        if (words.length == 0) {
            return points;
        }
        List<PointInfo> out = new ArrayList<>();
        for (int i = 0; i < text.length; i++) {
            if (all(text[i], words)) {
                out.add(points.get(i));
            }
        }
        return out;
    }

    /** The indices (into {@link #points()}) of the points matching {@code typed}. */
    public int[] indicesMatching(String typed) {
        String[] words = words(typed);
        int[] out = new int[text.length];
        int n = 0;
        for (int i = 0; i < text.length; i++) {
            if (words.length == 0 || all(text[i], words)) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Whether one point matches {@code typed}. */
    public static boolean matches(PointInfo point, String typed) {
        return all(haystack(point), words(typed));
    }

    /** The words of a typed text, lower case; none for blank text. */
    static String[] words(String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private static String haystack(PointInfo p) {
        return (p.path() + "\n" + p.unit() + "\n" + p.description()).toLowerCase(Locale.ROOT);
    }

    private static boolean all(String hay, String[] words) {
        for (String w : words) {
            if (!hay.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
