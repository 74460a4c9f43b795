package io.convergence.ui.explorer.internal;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;

/**
 * A connector under Connections: its id, its last known state, and the top of its address space,
 * browsed when first expanded.
 */
public final class ConnectionNode {

    private final String id;
    private final Connector connector;
    private final LazyChildren children = new LazyChildren(this);
    private volatile ConnectorState state;

    ConnectionNode(String id, Connector connector, ConnectorState state) {
        this.id = id;
        this.connector = connector;
        this.state = state;
    }

    public String id() {
        return id;
    }

    public Connector connector() {
        return connector;
    }

    public ConnectorState state() {
        return state;
    }

    void state(ConnectorState s) {
        state = s;
    }

    public LazyChildren children() {
        return children;
    }

    @Override
    public String toString() {
        return id + " " + state.status();
    }
}
