package io.convergence.connector.opcua.internal;

import java.time.Instant;
import java.util.Map;

import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds the connector's state and reports every change as a CONNECTION event and a log line. */
final class StateTracker {

    private static final Logger LOG = LoggerFactory.getLogger(StateTracker.class);

    private final String id;
    private final String endpoint;
    private final EventBus events;
    private volatile ConnectorState state;

    StateTracker(String id, String endpoint, EventBus events) {
        this.id = id;
        this.endpoint = endpoint;
        this.events = events;
        this.state = new ConnectorState(Status.DISCONNECTED, "not started", Instant.now());
    }

    ConnectorState get() {
        return state;
    }

    Status status() {
        return state.status();
    }

    /** Moves to a state; an unchanged status and detail is not reported again. */
    void set(Status status, String detail) {
        ConnectorState next;
        synchronized (this) {
            ConnectorState now = state;
            if (now.status() == status && now.detail().equals(detail)) {
                return;
            }
            next = new ConnectorState(status, detail, now.status() == status ? now.since() : Instant.now());
            state = next;
        }
        switch (status) {
            case FAILED -> LOG.error("OPC UA connector '{}': {} - {}", id, status, detail);
            case RECONNECTING -> LOG.warn("OPC UA connector '{}': {} - {}", id, status, detail);
            default -> LOG.info("OPC UA connector '{}': {} - {}", id, status, detail);
        }
        try {
            events.publish(new Event(Instant.now(), id, Event.Kind.CONNECTION, severity(status), detail,
                Map.of("state", status.name(), "endpoint", endpoint, "connectorType", "opcua")));
        } catch (RuntimeException e) {
            LOG.warn("OPC UA connector '{}': could not publish the state event: {}", id, e.toString());
        }
    }

    private static Event.Severity severity(Status s) {
        return switch (s) {
            case CONNECTED, CONNECTING, DISCONNECTED -> Event.Severity.INFO;
            case RECONNECTING -> Event.Severity.WARNING;
            case FAILED -> Event.Severity.ERROR;
        };
    }
}
