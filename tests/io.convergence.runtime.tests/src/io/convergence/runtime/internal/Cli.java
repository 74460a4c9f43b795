package io.convergence.runtime.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** Runs the command line in this framework, as the product does, and captures what a user would see. */
final class Cli {

    /**
     * What a run printed and returned.
     *
     * @param code the exit code
     * @param out standard output
     * @param err standard error
     */
    record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    static BundleContext bundles() {
        return FrameworkUtil.getBundle(CommandLine.class).getBundleContext();
    }

    /** Runs a command line with the given Convergence home. */
    static Result run(Path home, List<String> args) {
        return run(home, false, args);
    }

    /** Runs a command line with the given Convergence home. */
    static Result run(Path home, String... args) {
        return run(home, false, List.of(args));
    }

    /**
     * Runs a command line; with {@code stopped}, as if the user had asked to stop before it began
     * (commands then check their input and stop before starting anything).
     */
    static Result run(Path home, boolean stopped, List<String> args) {
        return run(home, stopped, CliApplication.WAIT_FOR_COMMANDS, args);
    }

    /** As {@link #run(Path, boolean, List)}, waiting at most {@code wait} for a command that is not registered. */
    static Result run(Path home, boolean stopped, Duration wait, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProcessContext context = new ProcessContext(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), home);
        if (stopped) {
            context.requestStop();
        }
        int code;
        try (CommandLine cl = new CommandLine(bundles(), wait)) {
            code = cl.run(args, context);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
