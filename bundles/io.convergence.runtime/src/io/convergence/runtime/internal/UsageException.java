package io.convergence.runtime.internal;

import java.io.Serial;

/** The command line was not understood; the message says what and how to get help. Exit code 2. */
final class UsageException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
