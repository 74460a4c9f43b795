package io.convergence.api.connector;

import java.io.Serial;

/** A failure in a connector operation, with a message that says what is wrong and what to do. */
public class ConnectorException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, and where */
    public ConnectorException(String message) {
        super(message);
    }

    /** @param message what is wrong, and where
     *  @param cause the underlying failure */
    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
