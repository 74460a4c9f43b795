package io.convergence.ui.explorer.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;

/**
 * The Connections root of the explorer: one {@link ConnectionNode} per connector service, sorted
 * by id. A node outlives state changes, so what was browsed below it stays; a failed browse is
 * retried once the connector is connected again. Thread-safe.
 */
public final class Connections {

    /**
     * A connector as found by the poller.
     *
     * @param id the connector's id
     * @param connector the service
     * @param state its state then
     */
    public record Found(String id, Connector connector, ConnectorState state) {
    }

    private List<ConnectionNode> nodes = List.of();

    /** The connectors, sorted by id. */
    public synchronized List<ConnectionNode> nodes() {
        return nodes;
    }

    /**
     * Takes the connectors found now.
     *
     * @return {@code true} if a connector came or went, or one's state changed
     */
    public synchronized boolean update(List<Found> found) {
        Map<String, ConnectionNode> old = new HashMap<>();
        nodes.forEach(n -> old.put(n.id(), n));
        boolean changed = found.size() != nodes.size();
        List<ConnectionNode> next = new ArrayList<>(found.size());
        for (Found f : found) {
            ConnectionNode n = old.get(f.id());
            if (n == null || n.connector() != f.connector()) {
                n = new ConnectionNode(f.id(), f.connector(), f.state());
                changed = true;
            } else if (!n.state().equals(f.state())) {
                ConnectorState.Status before = n.state().status();
                n.state(f.state());
                if (before != ConnectorState.Status.CONNECTED && f.state().status() == ConnectorState.Status.CONNECTED) {
                    n.children().retryIfFailed();
                }
                changed = true;
            }
            next.add(n);
        }
        next.sort(Comparator.comparing(ConnectionNode::id));
        nodes = List.copyOf(next);
        return changed;
    }
}
