package io.convergence.analytics.cost.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.convergence.api.cli.CommandException;
import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigurationService;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The services one command run brings up through configurations (a historian on a data folder, a SQL
 * connector to an ERP), and removes when it ends, so nothing of the run stays configured.
 */
final class CommandSession implements AutoCloseable {

    private final BundleContext context;
    private final ConfigurationService config;
    private final List<String> applied = new ArrayList<>();
    private final List<ServiceReference<?>> got = new ArrayList<>();
    /** Services with a higher id were registered after this session began. */
    private final long startedAbove;

    private static final Duration STOP = Duration.ofSeconds(15);

    CommandSession(BundleContext context) throws CommandException {
        this.context = context;
        this.config = await(ConfigurationService.class, null, Duration.ofSeconds(20), () -> "the configuration service");
        this.startedAbove = highestServiceId();
    }

    /** The highest service id given so far: a service registered after a configuration has a higher one. */
    long highestServiceId() {
        try {
            ServiceReference<?>[] all = context.getAllServiceReferences(null, null);
            long max = 0;
            for (ServiceReference<?> r : all == null ? new ServiceReference<?>[0] : all) {
                max = Math.max(max, (Long) r.getProperty(Constants.SERVICE_ID));
            }
            return max;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Applies a configuration document (JSON) under a source name removed at the end. */
    void apply(String source, String json) throws CommandException {
        try {
            config.apply(source, json);
            applied.add(source);
        } catch (ConfigException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /**
     * Waits for a service.
     *
     * @param why what to say when it does not come: called at the deadline, so it can tell the state of things
     */
    <T> T await(Class<T> type, @Nullable String filter, Duration timeout, Supplier<String> why) throws CommandException {
        return await(type, filter, timeout, why, () -> null);
    }

    /**
     * Waits for a service, or until {@code failure} tells why it will not come, or a component of a
     * configuration of this session fails to start (its reason is then the error).
     *
     * @param failure asked while waiting: a message when waiting longer is pointless, else {@code null}
     */
    <T> T await(Class<T> type, @Nullable String filter, Duration timeout, Supplier<String> why,
                Supplier<@Nullable String> failure) throws CommandException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Collection<ServiceReference<T>> refs = context.getServiceReferences(type, filter);
                for (ServiceReference<T> r : refs) {
                    T s = context.getService(r);
                    if (s != null) {
                        got.add(r);
                        return s;
                    }
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException(filter, e);
            }
            String failed = failure.get();
            if (failed == null) {
                failed = startFailure();
            }
            if (failed != null) {
                throw new CommandException(failed);
            }
            if (System.nanoTime() > deadline) {
                throw new CommandException(why.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandException("interrupted while waiting for " + type.getSimpleName());
            }
        }
    }

    /** Why a component of a configuration this session applied could not start, if one could not. */
    private @Nullable String startFailure() {
        for (String source : applied) {
            Optional<String> failed = config.startFailure(source);
            if (failed.isPresent()) {
                return failed.get();
            }
        }
        return null;
    }

    /** Finds a service now, without waiting. */
    <T> @Nullable T find(Class<T> type, @Nullable String filter) {
        try {
            for (ServiceReference<T> r : context.getServiceReferences(type, filter)) {
                T s = context.getService(r);
                if (s != null) {
                    got.add(r);
                    return s;
                }
            }
            return null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    @Override
    public void close() {
        for (ServiceReference<?> r : got) {
            try {
                context.ungetService(r);
            } catch (IllegalStateException e) {
                // the bundle is stopping
            }
        }
        for (int i = applied.size() - 1; i >= 0; i--) {
            try {
                config.remove(applied.get(i));
            } catch (ConfigException e) {
                // the configuration store refused: nothing more a command can do about it
            }
        }
        // The services those configurations brought up close their storage and connections
        // asynchronously: wait, so that the next command (or process) finds the folder free.
        long deadline = System.nanoTime() + STOP.toNanos();
        for (ServiceReference<?> r : got) {
            while (r.getBundle() != null && !applied.isEmpty() && System.nanoTime() < deadline
                && (Long) r.getProperty(Constants.SERVICE_ID) > startedAbove) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
