package io.convergence.runtime.internal;

import java.nio.file.Path;
import java.time.Duration;

import io.convergence.api.cli.Args;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.RunConfigurations;
import io.convergence.api.config.ConfigEntry;
import io.convergence.api.config.ConfigSchema;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.historian.Historian;
import io.convergence.demo.Presets;

/**
 * A {@link Historian} service configured for one command's run (and taken down when it ends, by the
 * command line): whatever backend the configuration names, so the command reads through the service
 * contract only. For a data folder it is the product's embedded historian, opened read-only when the
 * backend's schema offers it.
 */
final class HistorianLease {

    /** The source name of the configuration a command applies for a data folder. */
    static final String FOLDER_SOURCE = "history:historian";

    /** The attribute by which a historian backend opens its storage without writing. */
    static final String READ_ONLY = "readOnly";

    /** Opening storage takes a second at most; a server backend may need a few to connect. */
    private static final Duration START = Duration.ofSeconds(20);

    private HistorianLease() {
    }

    /** The product's embedded historian on a data folder; for writing, or read-only where the backend allows. */
    static Historian forFolder(RunConfigurations run, Services services, Path folder, boolean write)
        throws CommandException {
        ConfigurationService config = configuration(services);
        boolean readOnly = !write && config.schema(Presets.HISTORIAN_PID).map(s -> s.attribute(READ_ONLY).isPresent())
            .orElse(false);
        run.apply(FOLDER_SOURCE, readOnly ? Presets.historianReadOnly(folder) : Presets.historian(folder));
        return run.await(Historian.class, null, START, "the historian on " + folder.toAbsolutePath());
    }

    /**
     * The historian a user's configuration file sets up (any backend), checked before it is applied.
     * Reading history starts no connector and no model: a file that configures one is refused.
     */
    static Historian forFile(RunConfigurations run, Services services, Path file) throws CommandException {
        ConfigurationService config = configuration(services);
        for (ConfigEntry e : ConfigFiles.check(services, file)) {
            String category = config.schema(e.pid()).map(ConfigSchema::category).orElse(ConfigSchema.OTHER);
            if (!category.equals(ConfigSchema.OTHER)) {
                throw new CommandException("--config " + Args.shown(file.toString()) + " configures the " + category + " "
                    + e.pid() + (e.name() == null ? "" : " '" + e.name() + "'") + "; reading history starts none:"
                    + " give a file that sets up only the historian");
            }
        }
        run.apply(file);
        return run.await(Historian.class, null, START, "the historian of --config " + Args.shown(file.toString()));
    }

    private static ConfigurationService configuration(Services services) throws CommandException {
        return services.await(ConfigurationService.class, "", Duration.ofSeconds(20), "the configuration service");
    }
}
