package io.convergence.ui.explorer.internal;

import java.util.List;
import java.util.function.Consumer;

import io.convergence.api.point.PointInfo;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.jspecify.annotations.Nullable;

/**
 * The explorer's two roots and what is below them. Asking for the children of a connection or a
 * browsed folder the first time starts loading them and answers with a placeholder.
 */
final class ExplorerContent implements ITreeContentProvider {

    private final Connections connections;
    private final Consumer<Object> load;
    private volatile PlantFolder plant;

    /**
     * @param connections the Connections root
     * @param load called on the UI thread with a {@link ConnectionNode} or {@link BrowseItem} whose
     *     children must be browsed now
     */
    ExplorerContent(PlantFolder plant, Connections connections, Consumer<Object> load) {
        this.plant = plant;
        this.connections = connections;
        this.load = load;
    }

    PlantFolder plant() {
        return plant;
    }

    void plant(PlantFolder root) {
        plant = root;
    }

    @Override
    public Object[] getElements(@Nullable Object input) {
        return new Object[] {plant, connections};
    }

    @Override
    public Object[] getChildren(Object parent) {
        return switch (parent) {
            case PlantFolder f -> f.children().toArray();
            case PointGroup g -> g.points().toArray();
            case Connections c -> c.nodes().toArray();
            case ConnectionNode n -> lazy(n.children(), n);
            case BrowseItem b -> b.children() == null ? new Object[0] : lazy(b.children(), b);
            default -> new Object[0];
        };
    }

    private Object[] lazy(LazyChildren children, Object owner) {
        if (children.startLoading()) {
            load.accept(owner);
        }
        List<?> shown = children.shown();
        return shown.toArray();
    }

    @Override
    public @Nullable Object getParent(Object element) {
        return null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return switch (element) {
            case PlantFolder f -> !f.children().isEmpty();
            case PointGroup g -> true;
            case Connections c -> !c.nodes().isEmpty();
            case ConnectionNode n -> true;
            case BrowseItem b -> b.children() != null;
            case PointInfo p -> false;
            default -> false;
        };
    }
}
