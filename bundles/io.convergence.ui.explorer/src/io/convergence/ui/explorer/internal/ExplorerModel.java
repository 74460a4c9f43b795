package io.convergence.ui.explorer.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.ui.common.PointSearch;

import org.jspecify.annotations.Nullable;

/**
 * The plant tree of the explorer, without any SWT: every known point, filed by the segments of its
 * path (enterprise, site, area, line, cell, ...), and the same tree narrowed to the points a typed
 * text finds ({@link PointSearch}, as every view searches points). Immutable; built on a background
 * thread whenever the registry changes, then handed to the view.
 */
public final class ExplorerModel {

    /** Folders with more points than this show them in groups of this many. */
    public static final int GROUP_SIZE = 500;

    /** A filter with at most this many matches expands every folder down to them. */
    public static final int EXPAND_ALL_LIMIT = 200;

    private static final ExplorerModel EMPTY = new ExplorerModel(List.of());

    private final List<PointInfo> points;
    private final PointSearch search;
    private final long fingerprint;

    private ExplorerModel(List<PointInfo> sorted) {
        this.points = sorted;
        this.search = PointSearch.of(sorted);
        this.fingerprint = fingerprint(sorted);
    }

    /** A model holding no point. */
    public static ExplorerModel empty() {
        return EMPTY;
    }

    /** A model of these points, in any order. */
    public static ExplorerModel of(List<PointInfo> points) {
        List<PointInfo> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(PointInfo::path));
        return sorted.isEmpty() ? EMPTY : new ExplorerModel(List.copyOf(sorted));
    }

    /**
     * A cheap summary of a list of points: equal lists give equal values, and any change to a
     * path, unit, type or description almost surely changes it. Lets the poller skip rebuilding.
     */
    public static long fingerprint(List<PointInfo> points) {
        long h = points.size();
        for (PointInfo p : points) {
            h = 31 * h + p.hashCode();
        }
        return h;
    }

    /** {@link #fingerprint(List)} of the points this model was built from. */
    public long fingerprint() {
        return fingerprint;
    }

    /** The number of points. */
    public int size() {
        return points.size();
    }

    /**
     * What the view shows for a filter text.
     *
     * @param root the tree: every point, or those the filter finds
     * @param expanded folders to expand, outermost first
     * @param matches the points in the tree
     * @param filtered whether a filter was applied
     */
    public record View(PlantFolder root, List<PlantFolder> expanded, int matches, boolean filtered) {
    }

    /**
     * The tree for a filter text. Without a filter the single-child chain from the root (acme,
     * lyon, packaging, line1) is expanded; with one, every folder leading to a match when there
     * are few matches, otherwise only that chain.
     *
     * @param rootLabel the label of the root folder
     * @param filter the words typed; blank for every point
     */
    public View view(String rootLabel, String filter) {
        String f = filter.strip();
        List<PointInfo> shown = f.isEmpty() ? points : search.matching(f);
        PlantFolder root = build(rootLabel, shown);
        List<PlantFolder> expanded = new ArrayList<>();
        if (!f.isEmpty() && shown.size() <= EXPAND_ALL_LIMIT) {
            addFolders(root, expanded);
        } else {
            PlantFolder at = root;
            expanded.add(at);
            while (at.children().size() == 1 && at.children().get(0) instanceof PlantFolder only) {
                at = only;
                expanded.add(at);
            }
        }
        return new View(root, List.copyOf(expanded), shown.size(), !f.isEmpty());
    }

    /** Every point under the selected tree nodes, each once, in selection order. */
    public static List<PointPath> pointsOf(Iterable<?> selection) {
        Set<PointPath> out = new LinkedHashSet<>();
        for (Object o : selection) {
            if (o instanceof PlantFolder f) {
                out.addAll(f.points());
            } else if (o instanceof PointGroup g) {
                g.points().forEach(p -> out.add(p.path()));
            } else if (o instanceof PointInfo p) {
                out.add(p.path());
            } else if (o instanceof BrowseItem b && b.node().point() != null) {
                out.add(b.node().point());
            }
        }
        return List.copyOf(out);
    }

    private static void addFolders(PlantFolder f, List<PlantFolder> out) {
        out.add(f);
        for (Object c : f.children()) {
            if (c instanceof PlantFolder sub) {
                addFolders(sub, out);
            }
        }
    }

    /** Files sorted points into folders; the points of one folder are consecutive when sorted. */
    private static PlantFolder build(String rootLabel, List<PointInfo> sorted) {
        List<Builder> stack = new ArrayList<>();
        stack.add(new Builder(rootLabel, null));
        for (PointInfo p : sorted) {
            List<String> segments = p.path().segments();
            int folderDepth = segments.size() - 1;
            int keep = 1;
            while (keep < stack.size() && keep - 1 < folderDepth && stack.get(keep).name.equals(segments.get(keep - 1))) {
                keep++;
            }
            while (stack.size() > keep) {
                stack.remove(stack.size() - 1).finishInto(stack.get(stack.size() - 1));
            }
            while (stack.size() - 1 < folderDepth) {
                Builder parent = stack.get(stack.size() - 1);
                String name = segments.get(stack.size() - 1);
                stack.add(new Builder(name, parent.path == null ? PointPath.of(name) : parent.path.child(name)));
            }
            stack.get(stack.size() - 1).points.add(p);
        }
        while (stack.size() > 1) {
            stack.remove(stack.size() - 1).finishInto(stack.get(stack.size() - 1));
        }
        return stack.get(0).finish();
    }

    private static final class Builder {
        final String name;
        final @Nullable PointPath path;
        final List<PlantFolder> folders = new ArrayList<>();
        final List<PointInfo> points = new ArrayList<>();

        Builder(String name, @Nullable PointPath path) {
            this.name = name;
            this.path = path;
        }

        void finishInto(Builder parent) {
            parent.folders.add(finish());
        }

        PlantFolder finish() {
            List<Object> children = new ArrayList<>(folders.size() + Math.min(points.size(), GROUP_SIZE));
            int count = points.size();
            for (PlantFolder f : folders) {
                children.add(f);
                count += f.pointCount();
            }
            if (points.size() > GROUP_SIZE && path != null) {
                for (int from = 0, i = 0; from < points.size(); from += GROUP_SIZE, i++) {
                    children.add(new PointGroup(path, i, List.copyOf(points.subList(from, Math.min(points.size(), from + GROUP_SIZE)))));
                }
            } else {
                children.addAll(points);
            }
            return new PlantFolder(name, path, children, count);
        }
    }
}
