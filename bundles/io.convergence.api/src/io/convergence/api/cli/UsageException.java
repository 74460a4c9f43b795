package io.convergence.api.cli;

import java.io.Serial;

/**
 * The command line was not understood: an unknown option, a missing or malformed value, a number
 * out of range. The message is one line that names the option or argument and what was expected;
 * the command line prints it and exits with {@link #EXIT_CODE}.
 *
 * @since 1.0
 */
public class UsageException extends Exception {

    /** The exit code of a command line that was not understood. */
    public static final int EXIT_CODE = 2;

    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message one line: what is wrong, where, and what was expected */
    public UsageException(String message) {
        super(message);
    }
}
