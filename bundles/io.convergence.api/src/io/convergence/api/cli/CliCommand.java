package io.convergence.api.cli;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One command of the {@code convergence} command line, such as {@code history} or {@code features}.
 * Implemented by any bundle and registered as an OSGi service with the property
 * {@link #NAME_PROPERTY} equal to {@link #name()}; usually a DS component:
 *
 * <pre>
 * &#64;Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=report")
 * public final class ReportCommand implements CliCommand { ... }
 * </pre>
 *
 * <p>The command line waits briefly for the named command at start, so a command registered by a
 * bundle that starts late is still found. A command should be cheap to create (DS creates it when
 * it runs, not at start); its work starts in {@link #run}.
 *
 * @since 1.0
 */
@ConsumerType
public interface CliCommand {

    /** The service property holding the command's name. */
    String NAME_PROPERTY = "convergence.command";

    /** The exit code of a command that did its work. */
    int OK = 0;

    /** The name typed after {@code convergence}: lower case letters, digits and dashes. */
    String name();

    /** One line for the overview of {@code convergence --help}. */
    String summary();

    /** The full help text, shown by {@code convergence NAME --help}; starts with a usage line. */
    String help();

    /**
     * Runs the command with the arguments that follow its name.
     *
     * @return the exit code: {@link #OK} when all went well, {@link CommandException#EXIT_CODE} when
     *     the work failed in a way the command has already reported on the context's error stream
     * @throws UsageException if the command line is not understood; the message is one line
     * @throws CommandException if the work could not be done; the message says what and why
     */
    int run(CliContext context, List<String> args) throws UsageException, CommandException;
}
