package io.convergence.api.point;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which points a subscriber or a model wants: every point, or the points at some paths and below
 * some prefixes. Matching a path costs one hash lookup per segment of the path, whatever the number
 * of paths and prefixes. Immutable.
 *
 * @since 1.1
 */
public final class PointFilter {

    private static final PointFilter ALL = new PointFilter(true, Set.of(), Set.of());
    private static final PointFilter NONE = new PointFilter(false, Set.of(), Set.of());

    private final boolean all;
    private final Set<PointPath> paths;
    private final Set<PointPath> prefixes;
    /** The prefixes' segment lists, which compare equal to the leading segments of a path. */
    private final Set<List<String>> prefixSegments;

    private PointFilter(boolean all, Set<PointPath> paths, Set<PointPath> prefixes) {
        this.all = all;
        this.paths = Set.copyOf(paths);
        this.prefixes = Set.copyOf(prefixes);
        Set<List<String>> segs = new HashSet<>();
        for (PointPath p : prefixes) {
            segs.add(p.segments());
        }
        this.prefixSegments = Set.copyOf(segs);
    }

    /** Every point. */
    public static PointFilter all() {
        return ALL;
    }

    /** No point. */
    public static PointFilter none() {
        return NONE;
    }

    /** Exactly these points. */
    public static PointFilter paths(Collection<PointPath> paths) {
        return new PointFilter(false, Set.copyOf(paths), Set.of());
    }

    /** Exactly these points. */
    public static PointFilter paths(PointPath... paths) {
        return paths(List.of(paths));
    }

    /** These points and every point below them. */
    public static PointFilter prefixes(Collection<PointPath> prefixes) {
        return new PointFilter(false, Set.of(), Set.copyOf(prefixes));
    }

    /** These points and every point below them. */
    public static PointFilter prefixes(PointPath... prefixes) {
        return prefixes(List.of(prefixes));
    }

    /** A filter matching what this one or {@code other} matches. */
    public PointFilter or(PointFilter other) {
        if (all || other.all) {
            return ALL;
        }
        Set<PointPath> p = new HashSet<>(paths);
        p.addAll(other.paths);
        Set<PointPath> x = new HashSet<>(prefixes);
        x.addAll(other.prefixes);
        return new PointFilter(false, p, x);
    }

    /** Whether this filter matches every point. */
    public boolean isAll() {
        return all;
    }

    /** Whether this filter matches no point at all. */
    public boolean isEmpty() {
        return !all && paths.isEmpty() && prefixes.isEmpty();
    }

    /** The exact paths; empty for {@link #all()}. */
    public Set<PointPath> paths() {
        return paths;
    }

    /** The prefixes; empty for {@link #all()}. */
    public Set<PointPath> prefixes() {
        return prefixes;
    }

    /** Whether a point matches. */
    public boolean matches(PointPath point) {
        if (all || paths.contains(point)) {
            return true;
        }
        if (prefixSegments.isEmpty()) {
            return false;
        }
        List<String> s = point.segments();
        for (int n = 1; n <= s.size(); n++) {
            if (prefixSegments.contains(s.subList(0, n))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointFilter f && f.all == all && f.paths.equals(paths) && f.prefixes.equals(prefixes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(all, paths, prefixes);
    }

    /** The paths, and the prefixes followed by {@code /**}; or "all points". */
    @Override
    public String toString() {
        if (all) {
            return "all points";
        }
        List<String> parts = new ArrayList<>();
        paths.stream().sorted().forEach(p -> parts.add(p.toString()));
        prefixes.stream().sorted().forEach(p -> parts.add(p + "/**"));
        return parts.isEmpty() ? "no points" : String.join(", ", parts);
    }
}
