package io.convergence.ui.explorer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * A level of the plant tree: the sub-folders and points below a path prefix. Equal to any folder
 * of the same path, so that a tree rebuilt after the points changed keeps what was expanded.
 */
public final class PlantFolder {

    private final String name;
    private final @Nullable PointPath path;
    private final List<Object> children;
    private final int pointCount;

    PlantFolder(String name, @Nullable PointPath path, List<Object> children, int pointCount) {
        this.name = name;
        this.path = path;
        this.children = List.copyOf(children);
        this.pointCount = pointCount;
    }

    /** The last segment, or the root's label. */
    public String name() {
        return name;
    }

    /** The path of the folder; {@code null} for the root. */
    public @Nullable PointPath path() {
        return path;
    }

    /** Sub-folders first, then {@link PointGroup}s or {@link PointInfo}s, each sorted by name. */
    public List<Object> children() {
        return children;
    }

    /** Points anywhere below. */
    public int pointCount() {
        return pointCount;
    }

    /** Every point below, in path order. */
    public List<PointPath> points() {
        List<PointPath> out = new ArrayList<>(pointCount);
        collect(this, out);
        return out;
    }

    private static void collect(Object node, List<PointPath> out) {
        if (node instanceof PlantFolder f) {
            for (Object c : f.children) {
                collect(c, out);
            }
        } else if (node instanceof PointGroup g) {
            g.points().forEach(p -> out.add(p.path()));
        } else if (node instanceof PointInfo p) {
            out.add(p.path());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlantFolder f && Objects.equals(path, f.path);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(path);
    }

    @Override
    public String toString() {
        return path == null ? name : path.toString();
    }
}
