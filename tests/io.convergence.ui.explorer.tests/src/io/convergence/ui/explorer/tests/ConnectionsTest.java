package io.convergence.ui.explorer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.point.PointInfo;
import io.convergence.ui.explorer.internal.ConnectionNode;
import io.convergence.ui.explorer.internal.Connections;
import io.convergence.ui.explorer.internal.LazyChildren;

import org.junit.jupiter.api.Test;

/** The Connections root and lazily browsed children, without a display. */
class ConnectionsTest {

    private static Connector connector(String id) {
        return new Connector() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public ConnectorState state() {
                return ConnectionsTest.state(Status.CONNECTED);
            }

            @Override
            public List<PointInfo> points() {
                return List.of();
            }
        };
    }

    private static ConnectorState state(Status s) {
        return new ConnectorState(s, s.name(), Instant.EPOCH);
    }

    @Test
    void childrenAreAskedForOnceShowAPlaceholderThenTheResultOrTheFailure() {
        Object owner = new Object();
        LazyChildren c = new LazyChildren(owner);
        assertEquals(LazyChildren.State.NOT_LOADED, c.state());
        assertTrue(c.startLoading(), "the first expansion loads");
        assertFalse(c.startLoading(), "a second expansion while loading does not load again");
        assertEquals(List.of(new LazyChildren.Loading(owner)), c.shown());

        c.failed("Could not browse: Bad_Timeout");
        assertInstanceOf(LazyChildren.Message.class, c.shown().get(0));
        assertFalse(c.startLoading(), "a failure stays until retried");
        assertTrue(c.retryIfFailed());
        assertTrue(c.startLoading());
        c.loaded(List.of("a", "b"));
        assertEquals(List.of("a", "b"), c.shown());
        assertFalse(c.retryIfFailed());
        c.reset();
        assertTrue(c.startLoading(), "Refresh browses again");
    }

    @Test
    void connectorsAreSortedAndKeepWhatWasBrowsedAcrossStateChanges() {
        Connector plant = connector("plant");
        Connector mes = connector("mes");
        Connections cs = new Connections();
        assertTrue(cs.update(List.of(new Connections.Found("plant", plant, state(Status.CONNECTING)),
            new Connections.Found("mes", mes, state(Status.CONNECTED)))));
        assertEquals(List.of("mes", "plant"), cs.nodes().stream().map(ConnectionNode::id).toList());
        ConnectionNode node = cs.nodes().get(1);
        node.children().startLoading();
        node.children().failed("not connected");

        assertFalse(cs.update(List.of(new Connections.Found("plant", plant, state(Status.CONNECTING)),
            new Connections.Found("mes", mes, state(Status.CONNECTED)))), "nothing changed");
        assertTrue(cs.update(List.of(new Connections.Found("plant", plant, state(Status.CONNECTED)),
            new Connections.Found("mes", mes, state(Status.CONNECTED)))));
        assertSame(node, cs.nodes().get(1), "the node outlives a state change");
        assertEquals(Status.CONNECTED, node.state().status());
        assertEquals(LazyChildren.State.NOT_LOADED, node.children().state(), "a failed browse is retried once connected");

        assertTrue(cs.update(List.of(new Connections.Found("plant", plant, state(Status.CONNECTED)))));
        assertEquals(List.of("plant"), cs.nodes().stream().map(ConnectionNode::id).toList());
    }
}
