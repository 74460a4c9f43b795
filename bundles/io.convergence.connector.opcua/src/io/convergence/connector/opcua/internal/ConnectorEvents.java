package io.convergence.connector.opcua.internal;

import java.util.Map;

import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's own events besides state changes: points that got another path than their
 * names suggest, and data the server could not deliver. Each is also logged.
 */
final class ConnectorEvents {

    /** Variables mapped to a path other than their browse path (collision, length). */
    static final String POINTS_RENAMED = "opcua.points-renamed";
    /** Values between two delivered ones are missing: marked with a gap in the points' history. */
    static final String DATA_LOST = "opcua.data-lost";

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorEvents.class);

    private final String id;
    private final EventBus events;

    ConnectorEvents(String id, EventBus events) {
        this.id = id;
        this.events = events;
    }

    String id() {
        return id;
    }

    void publish(String type, Event.Severity severity, String message, Map<String, String> attributes) {
        if (severity == Event.Severity.INFO) {
            LOG.info("OPC UA connector '{}': {}", id, message);
        } else {
            LOG.warn("OPC UA connector '{}': {}", id, message);
        }
        try {
            events.publish(Event.now(id, type, severity, message, attributes));
        } catch (RuntimeException e) {
            // the event bus is going away (shutdown); the log line stands
        }
    }
}
