package io.convergence.analytics.cost.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.convergence.testing.Osgi;

import org.osgi.service.application.ApplicationDescriptor;
import org.osgi.service.application.ApplicationHandle;

/**
 * Runs the product's command line application ({@code io.convergence.runtime.cli}) with arguments
 * through the framework's application service, as the {@code convergence} launcher has Equinox do,
 * and captures what a user would see on the terminal.
 */
final class CommandLineRun {

    /** The application the launcher starts, as the runtime bundle declares it. */
    static final String APPLICATION = "io.convergence.runtime.cli";

    record Result(int code, String out, String err) {
    }

    private CommandLineRun() {
    }

    static synchronized Result run(Path home, String... args) throws Exception {
        ApplicationDescriptor cli = Osgi.await(ApplicationDescriptor.class,
            "(" + ApplicationDescriptor.APPLICATION_PID + "=" + APPLICATION + ")", Duration.ofSeconds(20));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        String oldHome = System.getProperty("convergence.home");
        System.setProperty("convergence.home", home.toString());
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Object code;
        try {
            // The key under which Equinox hands the command line's arguments to an application.
            ApplicationHandle run = cli.launch(Map.of("application.args", args));
            code = run.getExitValue(Duration.ofMinutes(2).toMillis());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            if (oldHome == null) {
                System.clearProperty("convergence.home");
            } else {
                System.setProperty("convergence.home", oldHome);
            }
        }
        return new Result((Integer) code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
