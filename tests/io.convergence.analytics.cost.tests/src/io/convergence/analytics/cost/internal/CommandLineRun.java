package io.convergence.analytics.cost.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;

/**
 * Runs the product's command line application ({@code io.convergence.runtime.cli}) with arguments, as
 * the {@code convergence} launcher does, and captures what a user would see on the terminal. The
 * application is made from its declaration in the extension registry, as Equinox makes it (the
 * framework's application service runs one global application at a time, and the test harness is
 * that one here).
 */
final class CommandLineRun {

    /** The application the launcher starts, as the runtime bundle declares it. */
    static final String APPLICATION = "io.convergence.runtime.cli";

    record Result(int code, String out, String err) {
    }

    private CommandLineRun() {
    }

    static synchronized Result run(Path home, String... args) throws Exception {
        IApplication cli = application();
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
            code = cli.start(new Arguments(args));
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

    private static IApplication application() throws CoreException {
        IExtension e = RegistryFactory.getRegistry().getExtension("org.eclipse.core.runtime.applications", APPLICATION);
        if (e == null) {
            throw new AssertionError("no application " + APPLICATION + " in the extension registry");
        }
        for (IConfigurationElement application : e.getConfigurationElements()) {
            for (IConfigurationElement run : application.getChildren("run")) {
                return (IApplication) run.createExecutableExtension("class");
            }
        }
        throw new AssertionError("application " + APPLICATION + " declares nothing to run");
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
            return APPLICATION;
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
