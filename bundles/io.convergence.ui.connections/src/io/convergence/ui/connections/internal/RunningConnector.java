package io.convergence.ui.connections.internal;

import io.convergence.api.connector.ConnectorState;

/**
 * A connector service as seen at one moment.
 *
 * @param id its {@link io.convergence.api.connector.Connector#ID_PROPERTY}
 * @param type its {@link io.convergence.api.connector.Connector#TYPE_PROPERTY}; may be empty
 * @param state its state then
 */
public record RunningConnector(String id, String type, ConnectorState state) {
}
