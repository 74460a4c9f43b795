package io.convergence.runtime.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code convergence} command line inside the headless runtime. Exit codes: 0 success, 1 the
 * command failed (one line on standard error says why), 2 the command line was not understood.
 */
public final class CliApplication implements IApplication {

    private static final Logger LOG = LoggerFactory.getLogger(CliApplication.class);

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final AtomicReference<Runnable> stopper = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);

    public CliApplication() {
        for (Command c : List.of(new DemoCommand(), new RuntimeCommand(), new HistoryCommand(), new FeaturesCommand(), new BenchCommand())) {
            commands.put(c.name(), c);
        }
    }

    @Override
    public Object start(IApplicationContext context) {
        String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        Thread hook = new Thread(this::interrupted, "convergence-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int code = run(raw == null ? List.of() : Arrays.asList(raw), System.out, System.err);
            System.out.flush();
            return code;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    int run(List<String> argv, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(argv);
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.print(overview());
            return args.isEmpty() ? 2 : 0;
        }
        String name = args.remove(0);
        Command c = commands.get(name);
        if (c == null) {
            err.println("convergence: unknown command '" + name + "'; commands: " + String.join(", ", commands.keySet())
                + "; see 'convergence --help'");
            return 2;
        }
        BundleContext bc = FrameworkUtil.getBundle(CliApplication.class).getBundleContext();
        Path home = Path.of(System.getProperty("convergence.home", System.getProperty("user.home") + "/.convergence"));
        try {
            return c.run(new Command.Context(bc, out, home, stopper::set), args);
        } catch (UsageException e) {
            err.println("convergence " + name + ": " + e.getMessage());
            return 2;
        } catch (CommandException e) {
            err.println("convergence " + name + ": error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // A defect, not the user's doing: still one line and a failing exit code (the platform
            // would print the stack trace and exit with 0); the trace goes to the log.
            LOG.debug("'{}' failed", name, e);
            err.println("convergence " + name + ": internal error: " + e
                + " (CONVERGENCE_LOG_LEVEL=debug shows where)");
            return 1;
        }
    }

    private String overview() {
        StringBuilder b = new StringBuilder("""
            usage: convergence COMMAND [options]      (convergence COMMAND --help for details)

            Convergence Workbench: plant data (OPC UA) and business data in one place.

            commands:
            """);
        for (Command c : commands.values()) {
            b.append(String.format("  %-9s %s%n", c.name(), c.summary()));
        }
        return b.toString();
    }

    /** Ctrl-C: let the running command print its summary before the process ends. */
    private void interrupted() {
        Runnable r = stopper.get();
        if (r != null) {
            r.run();
            try {
                finished.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop() {
        Runnable r = stopper.get();
        if (r != null) {
            r.run();
        }
    }
}
