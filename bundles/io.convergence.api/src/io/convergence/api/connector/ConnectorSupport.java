package io.convergence.api.connector;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointRegistry;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * What every connector does besides talking to its source, done once: it holds the connector's
 * {@link ConnectorState} and reports each change as a {@link Event#CONNECTION} event, announces and
 * withdraws its points, registers the {@link Connector} service with the properties the runtime
 * looks for, and builds the gap markers for its points. A connector creates one when it is
 * activated and {@linkplain #close() closes} it when it is deactivated:
 *
 * <pre>{@code
 * support = new ConnectorSupport(id, "example", events, registry);
 * support.announce(points);
 * support.register(context, this);
 * support.state(Status.CONNECTED, "publishing 2 points");
 * ...
 * support.close();   // unregisters, withdraws the points, DISCONNECTED
 * }</pre>
 *
 * Thread-safe.
 *
 * @since 1.1
 */
public final class ConnectorSupport implements AutoCloseable {

    private final String id;
    private final String type;
    private final EventBus events;
    private final PointRegistry registry;
    private final Map<String, String> eventAttributes;
    private volatile ConnectorState state;
    private volatile List<PointInfo> points = List.of();
    private @Nullable ServiceRegistration<Connector> registration;

    /**
     * @param id the connector's id, from its configuration
     * @param type the connector's type, such as {@code opcua}; the value of {@link Connector#TYPE_PROPERTY}
     * @param events where state changes are reported
     * @param registry where the points are announced
     */
    public ConnectorSupport(String id, String type, EventBus events, PointRegistry registry) {
        this(id, type, events, registry, Map.of());
    }

    /**
     * @param attributes added to every state event, such as the {@code endpoint}
     */
    public ConnectorSupport(String id, String type, EventBus events, PointRegistry registry,
                            Map<String, String> attributes) {
        this.id = id;
        this.type = type;
        this.events = events;
        this.registry = registry;
        this.eventAttributes = Map.copyOf(attributes);
        this.state = new ConnectorState(Status.DISCONNECTED, "not started", Instant.now());
    }

    /** The connector's id. */
    public String id() {
        return id;
    }

    /** The state now. */
    public ConnectorState state() {
        return state;
    }

    /** Moves to a state with no structured problem. */
    public void state(Status status, String detail) {
        state(status, detail, null);
    }

    /** Fails with a problem; its message is the state's detail. */
    public void fail(ConnectorProblem problem) {
        state(Status.FAILED, problem.message(), problem);
    }

    /**
     * Moves to a state. A change of status, detail or problem is reported as a
     * {@link Event#CONNECTION} event (attributes {@code state}, {@code connectorType}, the
     * problem's {@code problem} type, and the ones given at construction); repeating the state
     * is not. {@link ConnectorState#since()} changes only with the status.
     */
    public void state(Status status, String detail, @Nullable ConnectorProblem problem) {
        ConnectorState next;
        synchronized (this) {
            ConnectorState now = state;
            if (now.status() == status && now.detail().equals(detail) && Objects.equals(now.problem(), problem)) {
                return;
            }
            next = new ConnectorState(status, detail, now.status() == status ? now.since() : Instant.now(), problem);
            state = next;
        }
        Map<String, String> attrs = new HashMap<>(eventAttributes);
        attrs.put("state", status.name());
        attrs.put("connectorType", type);
        if (problem != null) {
            attrs.put("problem", problem.type());
        }
        try {
            events.publish(new Event(Instant.now(), id, Event.CONNECTION, severity(status), detail, attrs));
        } catch (RuntimeException e) {
            // the event bus is going away (shutdown); the state itself is still right
        }
    }

    /** Announces the connector's points, replacing those announced before. */
    public void announce(Collection<PointInfo> announced) {
        points = List.copyOf(announced);
        registry.announce(id, points);
    }

    /** The points announced last. */
    public List<PointInfo> points() {
        return points;
    }

    /**
     * A batch with a gap marker (bad quality, no value) for every announced point at one time, for
     * when the source stops delivering: a lost connection, a stop.
     *
     * @param micros when the gap begins, on the same time base as the points' samples
     */
    public SampleBatch gaps(long micros) {
        List<PointInfo> p = points;
        SampleBatch.Builder b = SampleBatch.builder(p.size());
        for (PointInfo info : p) {
            b.addGap(info.path(), micros);
        }
        return b.build();
    }

    /** {@link #gaps(long)} at the system clock's time now. */
    public SampleBatch gapsNow() {
        return gaps(Micros.now());
    }

    /**
     * Registers the connector as a {@link Connector} service with {@link Connector#ID_PROPERTY},
     * {@link Connector#TYPE_PROPERTY} and a description.
     *
     * @throws IllegalStateException if it is registered already
     */
    public synchronized void register(BundleContext context, Connector connector) {
        if (registration != null) {
            throw new IllegalStateException("connector '" + id + "' is registered already");
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Connector.ID_PROPERTY, id);
        props.put(Connector.TYPE_PROPERTY, type);
        props.put(Constants.SERVICE_DESCRIPTION, type + " connector " + id);
        registration = context.registerService(Connector.class, connector, props);
    }

    /** Unregisters the service, withdraws the points and reports {@link Status#DISCONNECTED}. */
    @Override
    public void close() {
        ServiceRegistration<Connector> r;
        synchronized (this) {
            r = registration;
            registration = null;
        }
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registry.withdraw(id);
        points = List.of();
        state(Status.DISCONNECTED, "stopped");
    }

    private static Event.Severity severity(Status s) {
        return switch (s) {
            case CONNECTED, CONNECTING, DISCONNECTED -> Event.Severity.INFO;
            case RECONNECTING -> Event.Severity.WARNING;
            case FAILED -> Event.Severity.ERROR;
        };
    }
}
