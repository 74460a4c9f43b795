package io.convergence.runtime.internal;

import java.io.Serial;

/** {@link io.convergence.api.cli.UsageException} under the name {@link FeaturesCommand} uses until it moves to admin. */
final class UsageException extends io.convergence.api.cli.UsageException {

    @Serial
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
