package io.convergence.runtime.internal;

import java.nio.file.Path;
import java.time.Duration;

import io.convergence.api.cli.Args;
import io.convergence.api.cli.CommandException;
import io.convergence.api.config.ConfigEntry;
import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigSchema;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.historian.Historian;
import io.convergence.demo.Presets;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * A {@link Historian} service configured for one command and removed after it: whatever backend the
 * configuration names, so the command reads through the service contract only. For a data folder
 * it is the product's embedded historian, opened read-only when the backend's schema offers it.
 */
final class HistorianLease implements AutoCloseable {

    /** The source name of the configuration a command applies for a data folder. */
    static final String FOLDER_SOURCE = "history:historian";

    /** The attribute by which a historian backend opens its storage without writing. */
    static final String READ_ONLY = "readOnly";

    /** Opening storage takes a second at most; a server backend may need a few to connect. */
    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration STOP = Duration.ofSeconds(15);

    private final Services services;
    private final ConfigurationService config;
    private final String source;
    private final Historian historian;
    private final long serviceId;

    private HistorianLease(Services services, ConfigurationService config, String source, Historian historian,
                           long serviceId) {
        this.services = services;
        this.config = config;
        this.source = source;
        this.historian = historian;
        this.serviceId = serviceId;
    }

    /** The product's embedded historian on a data folder, read-only where the backend allows. */
    static HistorianLease forFolder(Services services, Path folder) throws CommandException {
        return forFolder(services, folder, false);
    }

    /** The product's embedded historian on a data folder; for writing, or read-only where the backend allows. */
    static HistorianLease forFolder(Services services, Path folder, boolean write) throws CommandException {
        ConfigurationService config = configuration(services);
        boolean readOnly = !write && config.schema(Presets.HISTORIAN_PID).map(s -> s.attribute(READ_ONLY).isPresent())
            .orElse(false);
        String json = readOnly ? Presets.historianReadOnly(folder) : Presets.historian(folder);
        return open(services, config, FOLDER_SOURCE, c -> c.apply(FOLDER_SOURCE, json));
    }

    /**
     * The historian a user's configuration file sets up (any backend), checked before it is applied.
     * Reading history starts no connector and no model: a file that configures one is refused.
     */
    static HistorianLease forFile(Services services, Path file) throws CommandException {
        ConfigurationService config = configuration(services);
        for (ConfigEntry e : ConfigFiles.check(services, file)) {
            String category = config.schema(e.pid()).map(ConfigSchema::category).orElse(ConfigSchema.OTHER);
            if (!category.equals(ConfigSchema.OTHER)) {
                throw new CommandException("--config " + Args.shown(file.toString()) + " configures the " + category + " "
                    + e.pid() + (e.name() == null ? "" : " '" + e.name() + "'") + "; reading history starts none:"
                    + " give a file that sets up only the historian");
            }
        }
        return open(services, config, file.toAbsolutePath().toString(), c -> c.apply(file));
    }

    private interface Application {
        void apply(ConfigurationService config) throws ConfigException;
    }

    private static HistorianLease open(Services services, ConfigurationService config, String source,
                                       Application application) throws CommandException {
        // The historian that this configuration brings up is registered after it is applied: a
        // service id above every one given so far.
        long before = services.highestServiceId();
        try {
            application.apply(config);
        } catch (ConfigException e) {
            throw new CommandException(e.getMessage(), e);
        }
        try {
            ServiceReference<Historian> ref = services.awaitReference(Historian.class,
                "(" + Constants.SERVICE_ID + ">=" + (before + 1) + ")", START, "the historian");
            Historian h = services.context().getService(ref);
            if (h == null) {
                throw new CommandException("the historian went away as it started");
            }
            return new HistorianLease(services, config, source, h, (Long) ref.getProperty(Constants.SERVICE_ID));
        } catch (CommandException | RuntimeException e) {
            removeQuietly(config, source);
            throw e;
        }
    }

    private static ConfigurationService configuration(Services services) throws CommandException {
        return services.await(ConfigurationService.class, "", Duration.ofSeconds(20), "the configuration service");
    }

    Historian historian() {
        return historian;
    }

    /** Removes the configuration and waits until the historian has closed its storage. */
    @Override
    public void close() {
        removeQuietly(config, source);
        long deadline = System.nanoTime() + STOP.toNanos();
        while (services.registered(Constants.SERVICE_ID + "=" + serviceId) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void removeQuietly(ConfigurationService config, String source) {
        try {
            config.remove(source);
        } catch (ConfigException e) {
            // the configuration store refused: nothing more this command can do about it
        }
    }
}
