package io.convergence.ui.connections.internal;

import java.util.List;

import io.convergence.api.config.ConfigProblem;
import io.convergence.api.connector.ConnectorState;

import org.jspecify.annotations.Nullable;

/**
 * What a connection test found.
 *
 * @param outcome how it ended
 * @param detail a sentence for the user: the connector's state detail, or why there was none
 * @param state the connector's last state; {@code null} if no connector ran
 * @param problems for {@link Outcome#INVALID}: what the configuration files refused
 */
public record TestResult(Outcome outcome, String detail, @Nullable ConnectorState state, List<ConfigProblem> problems) {

    /** How a test ended. */
    public enum Outcome {
        /** The connector reached CONNECTED. */
        CONNECTED,
        /** The connector reached FAILED: it cannot connect until the user acts. */
        FAILED,
        /** Neither within the time given; the detail is the last state's. */
        TIMED_OUT,
        /** The configuration was refused before any connector ran. */
        INVALID,
        /** The user cancelled. */
        CANCELLED
    }

    public TestResult {
        problems = List.copyOf(problems);
    }
}
