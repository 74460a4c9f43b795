package io.convergence.runtime.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.Durations;
import io.convergence.api.cli.RunConfigurations;
import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigurationService;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The configurations of one command run and the services they brought up: applied through the
 * configuration service under the run's source names, removed in reverse order when the run ends,
 * after which it waits until those services are unregistered. SCR deactivates a component after its
 * service is gone; the embedded historian announces its close before that, so that the next open of its
 * folder in this process waits for the close instead of finding the folder taken.
 */
final class CommandRun implements RunConfigurations, AutoCloseable {

    /** How long a command waits for the configuration service itself. */
    private static final Duration CONFIGURATION_SERVICE = Duration.ofSeconds(20);
    /** How long the end of a run waits for the services of its configurations to go. */
    private static final Duration STOP = Duration.ofSeconds(15);
    private static final long LOOK_MS = 20;
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final BundleContext context;
    private final List<String> applied = new ArrayList<>();
    private final List<ServiceReference<?>> got = new ArrayList<>();
    private @Nullable ServiceTracker<ConfigurationService, ConfigurationService> config;
    /** Services with a higher id came after the run's first configuration; -1 before it. */
    private long above = -1;

    CommandRun(BundleContext context) {
        this.context = context;
    }

    @Override
    public synchronized void apply(String source, String json) throws CommandException {
        ConfigurationService c = configurationService();
        begin();
        try {
            c.apply(source, json);
        } catch (ConfigException e) {
            throw new CommandException(e.getMessage(), e);
        }
        applied.add(source);
    }

    @Override
    public synchronized void apply(Path file) throws CommandException {
        ConfigurationService c = configurationService();
        begin();
        try {
            c.apply(file);
        } catch (ConfigException e) {
            throw new CommandException(e.getMessage(), e);
        }
        applied.add(file.toAbsolutePath().toString());
    }

    private void begin() {
        if (above < 0) {
            above = Services.highestServiceId(context);
        }
    }

    @Override
    public <T> T await(Class<T> type, @Nullable String filter, Duration timeout, Supplier<String> timedOut,
                       Supplier<@Nullable String> hopeless) throws CommandException {
        long after;
        synchronized (this) {
            if (applied.isEmpty()) {
                throw new IllegalStateException("no configuration of this run brings up a " + type.getName());
            }
            after = above;
        }
        String f = "(&(" + Constants.OBJECTCLASS + "=" + type.getName() + ")(" + Constants.SERVICE_ID + ">="
            + (after + 1) + ")" + (filter == null ? "" : filter) + ")";
        ServiceTracker<T, T> t;
        try {
            t = new ServiceTracker<>(context, context.createFilter(f), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
        t.open();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            long nextCheck = 0;
            while (true) {
                ServiceReference<T> r = t.getServiceReference();
                if (r != null) {
                    T s = context.getService(r);
                    if (s != null) {
                        synchronized (this) {
                            got.add(r);
                        }
                        return s;
                    }
                }
                // Every component's state from SCR a few times a second, not at every look at the tracker:
                // a busy check takes CPU from the runtime that is starting what is awaited.
                if (System.nanoTime() >= nextCheck) {
                    String failed = hopeless.get();
                    if (failed == null) {
                        failed = startFailure();
                    }
                    if (failed != null) {
                        throw new CommandException(failed);
                    }
                    nextCheck = System.nanoTime() + CHECK_NANOS;
                }
                if (System.nanoTime() > deadline) {
                    throw new CommandException(timedOut.get());
                }
                t.waitForService(LOOK_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while waiting for " + type.getSimpleName());
        } finally {
            t.close();
        }
    }

    /** The framework's log may say why a service did not come: the error names it. */
    @Override
    public <T> T await(Class<T> type, @Nullable String filter, Duration timeout, String what) throws CommandException {
        String log = System.getProperty("osgi.logfile");
        return await(type, filter, timeout, () -> what + " did not start within " + Durations.format(timeout)
            + (log == null ? "" : " (the framework's log " + log + " may say why)"), () -> null);
    }

    @Override
    public <T> @Nullable T find(Class<T> type, @Nullable String filter) {
        try {
            for (ServiceReference<T> r : context.getServiceReferences(type, filter)) {
                T s = context.getService(r);
                if (s != null) {
                    synchronized (this) {
                        got.add(r);
                    }
                    return s;
                }
            }
            return null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    /** Why a component of a configuration of this run could not start, if one could not. */
    private @Nullable String startFailure() {
        ConfigurationService c = config == null ? null : config.getService();
        if (c == null) {
            return null;
        }
        List<String> sources;
        synchronized (this) {
            sources = List.copyOf(applied);
        }
        for (String source : sources) {
            Optional<String> failed = c.startFailure(source);
            if (failed.isPresent()) {
                return failed.get();
            }
        }
        return null;
    }

    private ConfigurationService configurationService() throws CommandException {
        ServiceTracker<ConfigurationService, ConfigurationService> t = config;
        if (t == null) {
            t = new ServiceTracker<>(context, ConfigurationService.class, null);
            t.open();
            config = t;
        }
        try {
            ConfigurationService c = t.waitForService(CONFIGURATION_SERVICE.toMillis());
            if (c == null) {
                throw new CommandException("the configuration service did not start within "
                    + CONFIGURATION_SERVICE.toSeconds() + " s");
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while waiting for the configuration service");
        }
    }

    /**
     * Releases the services, removes the run's configurations (the last applied first), and waits
     * until the services they brought up are unregistered, so that the next command, in this process
     * or another, finds their storage and ports free.
     */
    @Override
    public synchronized void close() {
        for (ServiceReference<?> r : got) {
            try {
                context.ungetService(r);
            } catch (IllegalStateException e) {
                // the bundle is stopping
            }
        }
        ServiceTracker<ConfigurationService, ConfigurationService> t = config;
        ConfigurationService c = t == null ? null : t.getService();
        if (c != null) {
            for (int i = applied.size() - 1; i >= 0; i--) {
                try {
                    c.remove(applied.get(i));
                } catch (ConfigException e) {
                    // the configuration store refused: nothing more a command can do about it
                }
            }
        }
        boolean configured = c != null && !applied.isEmpty();
        long deadline = System.nanoTime() + STOP.toNanos();
        for (ServiceReference<?> r : got) {
            while (configured && r.getBundle() != null && (Long) r.getProperty(Constants.SERVICE_ID) > above
                && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(LOOK_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (t != null) {
            t.close();
        }
        applied.clear();
        got.clear();
    }
}
