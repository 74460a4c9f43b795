package io.convergence.ui.explorer.internal;

import java.util.List;
import java.util.Objects;

import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;

/**
 * A slice of a folder that holds too many points to show at once (a bank of 10,000 sensors):
 * at most {@link ExplorerModel#GROUP_SIZE} consecutive points. Equal to the same slice of the
 * same folder.
 *
 * @param folder the folder the points are in
 * @param index the slice number, from 0
 * @param points the points of the slice, sorted
 */
public record PointGroup(PointPath folder, int index, List<PointInfo> points) {

    /** First and last name: {@code s00001 … s00500}. */
    public String label() {
        return points.get(0).path().name() + " \u2026 " + points.get(points.size() - 1).path().name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointGroup g && g.index == index && g.folder.equals(folder);
    }

    @Override
    public int hashCode() {
        return Objects.hash(folder, index);
    }
}
