package io.convergence.analytics.cost.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import io.convergence.runtime.internal.CliApplication;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;

/**
 * Runs the product's command line application ({@code io.convergence.runtime.cli}) with arguments, as
 * the {@code convergence} launcher does, and captures what a user would see on the terminal.
 */
final class CommandLineRun {

    record Result(int code, String out, String err) {
    }

    private CommandLineRun() {
    }

    static synchronized Result run(Path home, String... args) throws Exception {
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
            code = new CliApplication().start(new Arguments(args));
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

    /** The application context the launcher gives: the command line's arguments. */
    private record Arguments(String[] args) implements IApplicationContext {

        @Override
        public Map<String, Object> getArguments() {
            return Map.of(IApplicationContext.APPLICATION_ARGS, args);
        }

        @Override
        public void applicationRunning() {
        }

        @Override
        public String getBrandingApplication() {
            return "io.convergence.runtime.cli";
        }

        @Override
        public String getBrandingName() {
            return "convergence";
        }

        @Override
        public String getBrandingDescription() {
            return "";
        }

        @Override
        public String getBrandingId() {
            return "";
        }

        @Override
        public String getBrandingProperty(String key) {
            return null;
        }

        @Override
        public Bundle getBrandingBundle() {
            return null;
        }

        @Override
        public void setResult(Object result, IApplication application) {
        }
    }
}
