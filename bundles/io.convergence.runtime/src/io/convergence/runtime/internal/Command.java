package io.convergence.runtime.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;

/** One sub-command of the command line. */
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
    record Context(BundleContext bundles, PrintStream out, Path home, java.util.function.Consumer<Runnable> stopper) {
    }
}
