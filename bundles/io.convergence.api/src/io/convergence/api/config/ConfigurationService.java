package io.convergence.api.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The product's configuration, a service: reads JSON configuration files and checks every value
 * against the MetaType description of its PID (the one reader of MetaType in the product), applies
 * them to ConfigurationAdmin all or nothing, and writes configurations back as JSON. The command
 * line, the workbench's editors and partners' bundles all go through it, so a file that one
 * accepts the others accept.
 *
 * <p>A file is a JSON object whose keys are PIDs: a singleton's value is an object of properties,
 * a factory's an array of instances, each an object with an {@code "id"}. Problems are reported
 * with file, line, column and field. Secrets ({@link AttributeSpec.Type#PASSWORD}) are never
 * written back as plain text.
 *
 * @since 1.0
 */
@ProviderType
public interface ConfigurationService {

    /** The property that ties a configuration to the file or text it came from. */
    String SOURCE_PROPERTY = "convergence.configFile";

    /** The property of a factory instance that names it. */
    String ID = "id";

    /** Every schema that an installed bundle declares, sorted by PID. */
    List<ConfigSchema> schemas();

    /** The schema of a PID or factory PID, if an installed bundle declares it. */
    Optional<ConfigSchema> schema(String pid);

    /**
     * Reads and checks configuration text without applying it.
     *
     * @param name the file name or a name for the text, used in problems
     * @return the configurations, in file order
     * @throws ConfigException listing every problem
     */
    List<ConfigEntry> check(String name, String json) throws ConfigException;

    /**
     * Reads, checks and applies one file. Either every configuration in it is applied or, when
     * something is wrong, none is and the exception lists every problem. Configurations that an
     * earlier version of the same file created and that it no longer holds are deleted.
     *
     * @return the configurations applied
     */
    List<ConfigEntry> apply(Path file) throws ConfigException;

    /** Like {@link #apply(Path)} for text that did not come from a file; {@code name} is used in problems. */
    List<ConfigEntry> apply(String name, String json) throws ConfigException;

    /**
     * Checks and applies configurations built in code, all or nothing, under a source name (as for
     * text); they are checked against their schemas exactly as a file would be.
     */
    List<ConfigEntry> apply(String name, List<ConfigEntry> entries) throws ConfigException;

    /** Deletes every configuration that came from the file or text of this name. */
    void remove(String name) throws ConfigException;

    /**
     * Why a component configured from the file or text of this name failed to start, in the
     * component's own words (say, "data folder /srv/plant: historian.duckdb is in use by another
     * process"), prefixed by its PID when its words do not say what it is. Empty while the components
     * start, run, or wait for a service. A caller that waits for the service a configuration brings
     * up asks this while waiting, so that it reports the reason at once instead of a timeout.
     *
     * @since 1.1
     */
    default Optional<String> startFailure(String name) {
        return Optional.empty();
    }

    /**
     * The configurations in ConfigurationAdmin now, of one PID or factory PID, or of every PID
     * with a schema when {@code pid} is empty; secrets are left out.
     */
    List<ConfigEntry> current(String pid);

    /**
     * Writes configurations as the JSON of a configuration file, readable by {@link #apply(Path)};
     * secrets are left out.
     */
    String toJson(List<ConfigEntry> entries);
}
