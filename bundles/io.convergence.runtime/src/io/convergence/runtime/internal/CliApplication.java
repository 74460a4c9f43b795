package io.convergence.runtime.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;

/**
 * The {@code convergence} command line inside the headless runtime: runs {@link CommandLine} on the
 * process's arguments and streams, and turns Ctrl-C and SIGTERM into the command's stop request.
 */
public final class CliApplication implements IApplication {

    /** How long the command line waits for a command that has not been registered yet. */
    static final Duration WAIT_FOR_COMMANDS = Duration.ofSeconds(1);
    /** How long Ctrl-C waits for the framework to stop after the command ended. */
    static final Duration FRAMEWORK_STOP = Duration.ofSeconds(10);

    private final AtomicReference<@Nullable ProcessContext> running = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile @Nullable Bundle system;

    @Override
    public Object start(IApplicationContext context) {
        String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        ProcessContext ctx = new ProcessContext(System.out, System.err, ProcessContext.defaultHome());
        running.set(ctx);
        Thread hook = new Thread(this::interrupted, "convergence-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        BundleContext bundles = FrameworkUtil.getBundle(CliApplication.class).getBundleContext();
        system = bundles.getBundle(Constants.SYSTEM_BUNDLE_ID);
        try (CommandLine commandLine = new CommandLine(bundles, WAIT_FOR_COMMANDS)) {
            int code = commandLine.run(raw == null ? List.of() : Arrays.asList(raw), ctx);
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

    /** Ctrl-C or SIGTERM: let the running command print its summary before the process ends. */
    private void interrupted() {
        ProcessContext ctx = running.get();
        if (ctx != null) {
            ctx.requestStop();
            try {
                if (finished.await(20, TimeUnit.SECONDS)) {
                    awaitFrameworkStop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The process ends once the shutdown hooks have returned, and the launcher stops the framework only
     * after the command returned: without this wait, bundles were still stopping while the JVM ended. At
     * the first run of a command the JVM writes its class data archive then (ADR 14), and a bundle
     * stopping meanwhile crashed it (2 of 8 interrupted first runs). Waits at most {@link #FRAMEWORK_STOP}.
     */
    private void awaitFrameworkStop() throws InterruptedException {
        if (system instanceof Framework framework) {
            framework.waitForStop(FRAMEWORK_STOP.toMillis());
        }
    }

    @Override
    public void stop() {
        ProcessContext ctx = running.get();
        if (ctx != null) {
            ctx.requestStop();
        }
    }
}
