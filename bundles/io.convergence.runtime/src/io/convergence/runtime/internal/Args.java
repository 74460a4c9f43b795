package io.convergence.runtime.internal;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * {@link io.convergence.api.cli.Args} for {@link FeaturesCommand}, which still runs on the command
 * line's former interface ({@link Command}) until it moves to the admin bundle as a command service.
 */
final class Args {

    private final io.convergence.api.cli.Args args;

    Args(String command, List<String> argv, Set<String> withValue, Set<String> flags) throws UsageException {
        try {
            args = new io.convergence.api.cli.Args(command, argv, withValue, flags);
        } catch (io.convergence.api.cli.UsageException e) {
            throw new UsageException(e.getMessage());
        }
    }

    boolean help() {
        return args.help();
    }

    boolean flag(String name) {
        return args.flag(name);
    }

    @Nullable String value(String name) {
        return args.value(name);
    }

    String value(String name, String fallback) {
        return args.value(name, fallback);
    }

    List<String> operands() {
        return args.operands();
    }

    String hint() {
        return args.hint();
    }
}
