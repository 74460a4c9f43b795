package io.convergence.api.connector;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a connector stands with its source.
 *
 * @param status the state
 * @param detail a human sentence: the endpoint connected to, or what went wrong and what to do
 * @param since when the connector entered this state
 * @param problem what stands in the way, in terms a program can act on (since 1.1): an untrusted
 *     certificate with its details and the action that trusts it, rejected credentials, ...;
 *     {@code null} when nothing does or the connector does not say
 */
public record ConnectorState(Status status, String detail, Instant since, @Nullable ConnectorProblem problem) {

    /** A state with no structured problem, as in 1.0. */
    public ConnectorState(Status status, String detail, Instant since) {
        this(status, detail, since, null);
    }

    /** The states of a connection. */
    public enum Status {
        /** Connecting for the first time. */
        CONNECTING,
        /** Connected; samples flow. */
        CONNECTED,
        /** The connection was lost; retrying with backoff. */
        RECONNECTING,
        /** Not connected and not trying (stopped). */
        DISCONNECTED,
        /** Cannot connect until the user acts (bad configuration, untrusted certificate, ...). */
        FAILED
    }
}
