/**
 * Commands of the {@code convergence} command line, contributed by any bundle.
 *
 * <p>A command is a {@link io.convergence.api.cli.CliCommand} service with the property
 * {@link io.convergence.api.cli.CliCommand#NAME_PROPERTY}; the runtime's command line finds it,
 * lists it in {@code convergence --help} and runs it with a
 * {@link io.convergence.api.cli.CliContext}. {@link io.convergence.api.cli.Args},
 * {@link io.convergence.api.cli.Durations} and {@link io.convergence.api.cli.Numbers} read options
 * the way every command of the product does, with the same messages: a bad value is one line that
 * names the option, and a number too large for what it describes is a usage error like any other.
 *
 * <p>A command that needs services for its run only (a historian on a data folder, a connector to
 * an ERP) applies their configurations through {@link io.convergence.api.cli.CliContext#configurations()};
 * the command line takes them down when the command returns.
 *
 * <p>Exit codes: 0 success, 1 the command could not do its work ({@link
 * io.convergence.api.cli.CommandException}), 2 the command line was not understood ({@link
 * io.convergence.api.cli.UsageException}).
 *
 * @since 1.0 ({@link io.convergence.api.cli.RunConfigurations} since 1.1)
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.jspecify.annotations.NullMarked
package io.convergence.api.cli;
