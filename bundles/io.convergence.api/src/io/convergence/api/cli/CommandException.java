package io.convergence.api.cli;

import java.io.Serial;

/**
 * A command could not do its work: a server that cannot be reached, a folder that does not hold what
 * it should, a service that failed. The message says what and why, on one line where possible; the
 * command line prints it and exits with {@link #EXIT_CODE}.
 *
 * @since 1.0
 */
public class CommandException extends Exception {

    /** The exit code of a command that failed. */
    public static final int EXIT_CODE = 1;

    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message what failed and why */
    public CommandException(String message) {
        super(message);
    }

    /**
     * @param message what failed and why
     * @param cause the underlying failure, for the log
     */
    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
