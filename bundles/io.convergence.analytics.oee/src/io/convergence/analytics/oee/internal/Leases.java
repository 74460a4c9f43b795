package io.convergence.analytics.oee.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.convergence.api.cli.CommandException;
import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigurationService;
import io.convergence.demo.Presets;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Services a command configures for its own run and removes after it: the embedded historian on a
 * data folder (read-only), or a SQL connector on an ERP. Each is found as the service of its kind
 * registered after its configuration was applied.
 */
final class Leases implements AutoCloseable {

    private final BundleContext context;
    private final ConfigurationService config;
    private final java.util.List<String> sources = new java.util.ArrayList<>();

    Leases(BundleContext context, ConfigurationService config) {
        this.context = context;
        this.config = config;
    }

    /** The embedded historian on a folder, read-only when the backend offers it. */
    <T> T historian(Class<T> type, Path folder) throws CommandException {
        boolean readOnly = config.schema(Presets.HISTORIAN_PID).map(s -> s.attribute("readOnly").isPresent())
            .orElse(false);
        return apply(type, null, "oee:historian", readOnly ? Presets.historianReadOnly(folder)
            : Presets.historian(folder), Duration.ofSeconds(20));
    }

    /** A service of a configuration applied for this run. */
    <T> T apply(Class<T> type, String filter, String source, String document, Duration wait)
        throws CommandException {
        long before = highestServiceId();
        try {
            sources.add(source);
            config.apply(source, document);
        } catch (ConfigException e) {
            throw new CommandException(e.getMessage(), e);
        }
        String f = "(&(" + Constants.OBJECTCLASS + "=" + type.getName() + ")(" + Constants.SERVICE_ID + ">="
            + (before + 1) + ")" + (filter == null ? "" : filter) + ")";
        try {
            ServiceTracker<T, T> t = new ServiceTracker<>(context, context.createFilter(f), null);
            t.open();
            long deadline = System.nanoTime() + wait.toNanos();
            T s = t.getService();
            while (s == null) {
                // A component that cannot start says why (a folder in use, a refused login): no use waiting.
                Optional<String> failed = config.startFailure(source);
                if (failed.isPresent()) {
                    t.close();
                    throw new CommandException(failed.get());
                }
                if (System.nanoTime() > deadline) {
                    t.close();
                    throw new CommandException("no " + type.getSimpleName() + " came up within " + wait.toSeconds()
                        + " s of applying " + source);
                }
                s = t.waitForService(50);
            }
            return s;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while waiting for " + type.getSimpleName());
        }
    }

    private long highestServiceId() {
        try {
            long max = 0;
            var refs = context.getAllServiceReferences(null, null);
            if (refs != null) {
                for (var r : refs) {
                    max = Math.max(max, (Long) r.getProperty(Constants.SERVICE_ID));
                }
            }
            return max;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (String s : sources) {
            try {
                config.remove(s);
            } catch (ConfigException e) {
                // nothing more to do about it at the end of a command
            }
        }
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
