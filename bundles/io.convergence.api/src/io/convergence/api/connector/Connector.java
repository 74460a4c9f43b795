package io.convergence.api.connector;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Sample;

import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A running connection to one source. Implemented by partners; registered as an OSGi service with
 * the property {@link #ID_PROPERTY}.
 *
 * <p>Only {@link #id()}, {@link #state()} and {@link #points()} are required. The other operations
 * answer with a future failed by {@link UnsupportedOperationException} unless the connector
 * overrides them. Futures never complete on the caller's thread while it waits; failures carry a
 * {@link ConnectorException} that says what went wrong in the source's terms.
 */
@ConsumerType
public interface Connector {

    /** Service property holding the connector's id. */
    String ID_PROPERTY = "convergence.connector.id";

    /** Service property holding the connector's type, such as {@code opcua}. */
    String TYPE_PROPERTY = "convergence.connector.type";

    /** The id given in the configuration; unique in a runtime. */
    String id();

    /** The connection state now. */
    ConnectorState state();

    /** The points this connector publishes now. */
    List<PointInfo> points();

    /**
     * The children of a node of the source's address space.
     *
     * @param nodeId the node, as given by an earlier {@link BrowseNode#nodeId()}; {@code null} for the root
     */
    default CompletableFuture<List<BrowseNode>> browse(@Nullable String nodeId) {
        return unsupported("browse");
    }

    /** Reads the current value of a point from the source. */
    default CompletableFuture<Sample> read(PointPath point) {
        return unsupported("read");
    }

    /** Writes a value to a point of the source. */
    default CompletableFuture<Void> write(PointPath point, Object value) {
        return unsupported("write");
    }

    /**
     * Calls a method of the source.
     *
     * @param objectId the node that owns the method, as in {@link BrowseNode#nodeId()}
     * @param methodId the method node
     * @param arguments input arguments
     * @return the output arguments
     */
    default CompletableFuture<List<Object>> call(String objectId, String methodId, List<Object> arguments) {
        return unsupported("call");
    }

    /**
     * Does what an action of the current {@link ConnectorState#problem() problem} offers, such as
     * {@link ConnectorProblem#TRUST_CERTIFICATE}; the connector then tries again.
     *
     * @param actionId the {@link ConnectorProblem.Action#id()} chosen
     * @return completes when the action is done (not when the connection is back); fails with a
     *     {@link ConnectorException} if the current problem offers no such action
     * @since 1.1
     */
    default CompletableFuture<Void> act(String actionId) {
        return unsupported("the action '" + actionId + "'");
    }

    private <T> CompletableFuture<T> unsupported(String what) {
        return CompletableFuture.failedFuture(
            new UnsupportedOperationException("connector '" + id() + "' does not support " + what));
    }
}
