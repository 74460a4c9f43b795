package io.convergence.api.connector;

import java.time.Instant;

/**
 * Where a connector stands with its source.
 *
 * @param status the state
 * @param detail a human sentence: the endpoint connected to, or what went wrong and what to do
 * @param since when the connector entered this state
 */
public record ConnectorState(Status status, String detail, Instant since) {

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
