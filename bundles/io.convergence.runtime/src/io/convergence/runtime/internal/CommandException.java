package io.convergence.runtime.internal;

import java.io.Serial;

/**
 * {@link io.convergence.api.cli.CommandException} under the name {@link FeaturesCommand} and
 * {@link Services} use until features moves to admin.
 */
final class CommandException extends io.convergence.api.cli.CommandException {

    @Serial
    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }

    CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
