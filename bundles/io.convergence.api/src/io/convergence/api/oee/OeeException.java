package io.convergence.api.oee;

import java.io.Serial;

/** A request the OEE service refuses: an unknown line or stop, a time outside a stop, an unknown reason. */
public class OeeException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public OeeException(String message) {
        super(message);
    }

    public OeeException(String message, Throwable cause) {
        super(message, cause);
    }
}
