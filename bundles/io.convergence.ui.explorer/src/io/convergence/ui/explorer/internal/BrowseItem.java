package io.convergence.ui.explorer.internal;

import io.convergence.api.connector.BrowseNode;

import org.jspecify.annotations.Nullable;

/** A node of a connection's address space, with its own children browsed on demand. */
public final class BrowseItem {

    private final ConnectionNode connection;
    private final BrowseNode node;
    private final @Nullable LazyChildren children;

    public BrowseItem(ConnectionNode connection, BrowseNode node) {
        this.connection = connection;
        this.node = node;
        this.children = node.kind() == BrowseNode.Kind.FOLDER || node.kind() == BrowseNode.Kind.OBJECT
            ? new LazyChildren(this) : null;
    }

    public ConnectionNode connection() {
        return connection;
    }

    public BrowseNode node() {
        return node;
    }

    /** The children of folders and objects; {@code null} for variables and methods. */
    public @Nullable LazyChildren children() {
        return children;
    }

    @Override
    public String toString() {
        return node.name();
    }
}
