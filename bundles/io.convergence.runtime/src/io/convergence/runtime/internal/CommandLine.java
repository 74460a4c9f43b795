package io.convergence.runtime.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.convergence.api.cli.Args;
import io.convergence.api.cli.CliCommand;
import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.UsageException;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code convergence} command line: finds its commands as {@link CliCommand} services, runs the
 * one named first with the rest of the arguments, and turns its outcome into an exit code and at
 * most a few lines on standard error. Exit codes: 0 success, 1 the command failed, 2 the command line
 * was not understood.
 *
 * <p>Commands are tracked by reference and fetched only when used, so DS creates only the command
 * that runs (and every command for the overview).
 */
final class CommandLine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandLine.class);

    private static final Set<String> HELP = Set.of("--help", "-h", "help");

    /** What a command's name looks like. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    /** How long the overview waits for more commands once the first is there. */
    private static final long SETTLE_MS = 100;

    private final BundleContext bundles;
    private final Duration wait;
    private final ServiceTracker<CliCommand, ServiceReference<CliCommand>> tracker;

    /**
     * @param bundles where the commands are registered
     * @param wait how long to wait for a command that is not (yet) registered
     */
    CommandLine(BundleContext bundles, Duration wait) {
        this.bundles = bundles;
        this.wait = wait;
        this.tracker = new ServiceTracker<>(bundles, CliCommand.class, null) {
            @Override
            public ServiceReference<CliCommand> addingService(ServiceReference<CliCommand> reference) {
                return reference;
            }

            @Override
            public void removedService(ServiceReference<CliCommand> reference, ServiceReference<CliCommand> service) {
                // nothing was fetched by the tracker
            }
        };
        tracker.open();
    }

    /** Runs a command line and returns its exit code; never throws. */
    int run(List<String> argv, CliContext context) {
        List<String> args = new ArrayList<>(argv);
        if (args.isEmpty()) {
            context.err().println("convergence: no command given; commands: "
                + String.join(", ", settledCommands().keySet()) + "; see 'convergence --help'");
            return UsageException.EXIT_CODE;
        }
        if (HELP.contains(args.get(0))) {
            if (args.size() == 1) {
                context.out().print(overview());
                return CliCommand.OK;
            }
            // "help demo" and "--help demo" are "demo --help"
            args.remove(0);
            args.add(1, "--help");
        }
        String name = args.remove(0);
        ServiceReference<CliCommand> ref = await(name);
        if (ref == null) {
            context.err().println("convergence: unknown command '" + Args.shown(name) + "'; commands: "
                + String.join(", ", commands().keySet()) + "; see 'convergence --help'");
            return UsageException.EXIT_CODE;
        }
        CliCommand command = bundles.getService(ref);
        if (command == null) {
            context.err().println("convergence " + name + ": error: the command went away before it could run");
            return CommandException.EXIT_CODE;
        }
        CommandRun run = new CommandRun(bundles);
        try {
            return command.run(new RunContext(context, run), List.copyOf(args));
        } catch (UsageException e) {
            context.err().println("convergence " + name + ": " + e.getMessage());
            return UsageException.EXIT_CODE;
        } catch (CommandException e) {
            context.err().println("convergence " + name + ": error: " + e.getMessage());
            return CommandException.EXIT_CODE;
        } catch (RuntimeException e) {
            // A defect, not the user's doing: still one line and a failing exit code (the platform
            // would print the stack trace and exit with 0); the trace goes to the log.
            LOG.debug("'{}' failed", name, e);
            context.err().println("convergence " + name + ": internal error: " + e
                + " (CONVERGENCE_LOG_LEVEL=debug shows where)");
            return CommandException.EXIT_CODE;
        } finally {
            run.close();
            ungetQuietly(ref);
        }
    }

    /** The overview of {@code convergence --help}: every command, sorted by name. */
    String overview() {
        StringBuilder b = new StringBuilder("""
            usage: convergence COMMAND [options]      (convergence COMMAND --help for details)

            Convergence Workbench: plant data (OPC UA) and business data in one place.

            commands:
            """);
        Map<String, ServiceReference<CliCommand>> all = settledCommands();
        int width = Math.max(9, all.keySet().stream().mapToInt(String::length).max().orElse(0));
        for (Map.Entry<String, ServiceReference<CliCommand>> e : all.entrySet()) {
            CliCommand c = bundles.getService(e.getValue());
            if (c == null) {
                continue;
            }
            try {
                b.append(String.format("  %-" + width + "s %s%n", e.getKey(), c.summary()));
            } catch (RuntimeException ex) {
                LOG.debug("summary of '{}' failed", e.getKey(), ex);
            } finally {
                ungetQuietly(e.getValue());
            }
        }
        return b.toString();
    }

    /** The commands registered now, by name (the best ranked one of a name). */
    Map<String, ServiceReference<CliCommand>> commands() {
        Map<String, ServiceReference<CliCommand>> byName = new TreeMap<>();
        ServiceReference<CliCommand>[] refs = tracker.getServiceReferences();
        if (refs != null) {
            for (ServiceReference<CliCommand> r : refs) {
                if (r.getProperty(CliCommand.NAME_PROPERTY) instanceof String n && !n.isBlank()) {
                    byName.merge(n, r, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
        }
        return byName;
    }

    /**
     * Waits up to {@link #wait} for a command of this name, in case its bundle registers it late; a
     * name no command can have is not waited for.
     */
    private @Nullable ServiceReference<CliCommand> await(String name) {
        long deadline = System.nanoTime() + (NAME.matcher(name).matches() ? wait.toNanos() : 0);
        while (true) {
            ServiceReference<CliCommand> r = commands().get(name);
            if (r != null || System.nanoTime() >= deadline || !sleep(20)) {
                return r;
            }
        }
    }

    /**
     * The commands once registration has settled: commands are registered as their bundles start, so
     * the overview waits for the first (up to {@link #wait}) and then until no new one came for a moment.
     */
    private Map<String, ServiceReference<CliCommand>> settledCommands() {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, ServiceReference<CliCommand>> now = commands();
        while (now.isEmpty() && System.nanoTime() < deadline && sleep(20)) {
            now = commands();
        }
        int count = tracker.getTrackingCount();
        while (System.nanoTime() < deadline && sleep(SETTLE_MS) && tracker.getTrackingCount() != count) {
            count = tracker.getTrackingCount();
        }
        return commands();
    }

    private void ungetQuietly(ServiceReference<CliCommand> ref) {
        try {
            bundles.ungetService(ref);
        } catch (IllegalStateException e) {
            // the framework is stopping
        }
    }

    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        tracker.close();
    }
}
