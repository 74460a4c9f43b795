package io.convergence.api.historian;

import java.io.Serial;

/** A historian operation failed; the message says what and where (for example the data folder). */
public class HistorianException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, and where */
    public HistorianException(String message) {
        super(message);
    }

    /** @param message what is wrong, and where
     *  @param cause the underlying failure */
    public HistorianException(String message, Throwable cause) {
        super(message, cause);
    }
}
