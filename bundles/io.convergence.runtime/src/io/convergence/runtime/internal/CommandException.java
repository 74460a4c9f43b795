package io.convergence.runtime.internal;

import java.io.Serial;

/** A command could not do its work; the message is one clear line. Exit code 1. */
final class CommandException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }

    CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
