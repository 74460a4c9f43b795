package io.convergence.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Applies configuration files to ConfigurationAdmin. A service of the core runtime; the command
 * line and the workbench use it.
 */
public interface ConfigurationFiles {

    /** The property that ties a configuration to the file it came from. */
    String SOURCE_PROPERTY = "convergence.configFile";

    /**
     * Reads, checks and applies one file. Either every configuration in it is applied, or, when
     * something is wrong, none is and the exception lists every problem with file, line, field and
     * what was expected. Configurations that an earlier version of the same file created and that it
     * no longer holds are deleted.
     *
     * @return the configurations applied
     */
    List<ConfigEntry> apply(Path file) throws ConfigException;

    /** Like {@link #apply(Path)} for text that did not come from a file; {@code name} is used in messages. */
    List<ConfigEntry> apply(String name, String json) throws ConfigException;

    /** Checks a file without applying it. */
    List<ConfigEntry> check(String name, String json) throws ConfigException;

    /** Deletes every configuration that came from the file or text of this name. */
    void remove(String name) throws ConfigException;
}
