package io.convergence.ui.connections.internal;

import java.time.Instant;

import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;

import org.jspecify.annotations.Nullable;

/**
 * One line of the Connections view.
 *
 * @param id the connector id
 * @param type the connector type, such as {@code opcua}
 * @param endpoint where it connects to, from its configuration; may be empty
 * @param status its state now
 * @param detail the state's sentence: what it is connected to, or what went wrong and what to do
 * @param since when it entered this state
 * @param running whether a connector service runs for it
 * @param config its configuration; {@code null} for a connector that no configuration describes
 * @param problem what the connector reports standing in its way, in terms a program can act on
 */
public record ConnectionRow(String id, String type, String endpoint, ConnectorState.Status status, String detail,
                            Instant since, boolean running, @Nullable ConnectionConfig config,
                            @Nullable ConnectorProblem problem) {

    /** A row without a structured problem. */
    public ConnectionRow(String id, String type, String endpoint, ConnectorState.Status status, String detail,
                         Instant since, boolean running, @Nullable ConnectionConfig config) {
        this(id, type, endpoint, status, detail, since, running, config, null);
    }

    /** Whether it can be edited and deleted here: it has a configuration of a known type. */
    public boolean configurable() {
        return config != null;
    }

    /** The configured value of a property as text, or empty. */
    public String property(String key) {
        return config == null ? "" : config.text(key);
    }
}
