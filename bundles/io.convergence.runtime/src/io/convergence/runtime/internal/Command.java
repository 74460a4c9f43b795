package io.convergence.runtime.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;

/**
 * The command line's former command interface, still used by {@link FeaturesCommand} (run through
 * {@link FeaturesCliCommand}) until it moves to the admin bundle as an
 * {@link io.convergence.api.cli.CliCommand} service.
 */
interface Command {

    /** The name typed after {@code convergence}. */
    String name();

    /** One line for the overview. */
    String summary();

    /** The full help text. */
    String help();

    /**
     * Runs the command.
     *
     * @return the exit code: 0 when all went well
     */
    int run(Context context, List<String> args) throws UsageException, CommandException;

    /**
     * What a command runs with.
     *
     * @param bundles the OSGi framework
     * @param out where results go (standard output)
     * @param home the user's Convergence folder (default data folders live there)
     * @param stopper receives a hook to call on Ctrl-C
     */
    record Context(BundleContext bundles, PrintStream out, Path home, Consumer<Runnable> stopper) {
    }
}
