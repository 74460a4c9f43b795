package io.convergence.api.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a command runs with: its output streams, the user's Convergence folder, the user's request to
 * stop, the terminal for secrets, and the services it configures for its run. Provided by the command line; commands only call it.
 *
 * @since 1.0
 */
@ProviderType
public interface CliContext {

    /** Where results go: standard output. */
    PrintStream out();

    /** Where warnings go: standard error. Errors are reported by throwing, not printed here. */
    PrintStream err();

    /** The user's Convergence folder ({@code ~/.convergence} unless configured): default data folders live there. */
    Path home();

    /**
     * Registers what to do when the user asks the command to stop (Ctrl-C, SIGTERM): typically end a
     * run early so that it can flush and print its summary. The hook runs once, on another thread;
     * the process waits a while for {@link CliCommand#run} to return. A hook registered after the
     * request runs at once.
     */
    void onStop(Runnable hook);

    /** Whether the user asked to stop; a command checks it before it starts long work. */
    boolean stopRequested();

    /**
     * Asks the user for a secret on the terminal, without echo.
     *
     * @param prompt what is asked, such as {@code "password for operator"}
     * @return the characters typed (the caller clears the array when done)
     * @throws CommandException if there is no terminal to ask on; the message says so and what to
     *     use instead
     */
    char[] readSecret(String prompt) throws CommandException;

    /**
     * The configurations this run applies and the services they bring up, taken down by the command
     * line when the command returns.
     *
     * @throws UnsupportedOperationException where the command runs without a command line that
     *     offers them (a test's own context, for example)
     * @since 1.1
     */
    default RunConfigurations configurations() {
        throw new UnsupportedOperationException("this command line configures no services for a command's run");
    }
}
