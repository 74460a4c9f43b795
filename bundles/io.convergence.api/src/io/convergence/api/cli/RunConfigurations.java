package io.convergence.api.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The services a command brings up for its own run through configurations (a historian on a data
 * folder, a SQL connector to an ERP) and takes down when the run ends. The command line removes every
 * configuration applied here when the command returns, and waits until the services they brought up
 * are gone, so that nothing of the run stays configured and the next command finds a data folder
 * free. A command only applies and waits; it never removes.
 *
 * <p>Waiting is cut short when it is pointless: when a component configured by this run could not
 * start, the wait ends at once with the component's own reason ("data folder /srv/plant:
 * historian.duckdb is in use by another process"), not with a timeout.
 *
 * @since 1.1
 */
@ProviderType
public interface RunConfigurations {

    /**
     * Applies configurations for this run, checked against their schemas as a file would be.
     *
     * @param source names them in problems and in the configuration store, such as {@code "oee:historian"}
     * @param json the text of a configuration file
     * @throws CommandException if they are not valid (the message says where), or the configuration
     *     service is not there; nothing is applied then
     */
    void apply(String source, String json) throws CommandException;

    /** Like {@link #apply(String, String)} for a configuration file the user gave. */
    void apply(Path file) throws CommandException;

    /**
     * Waits for a service that a configuration of this run brought up: registered after the run's
     * first configuration was applied.
     *
     * @param filter an LDAP filter on its properties, or {@code null}
     * @param timedOut the error when it did not come in time; asked at the deadline, so it can tell the
     *     state of things then
     * @param hopeless asked while waiting: a message when waiting longer is pointless (a connector
     *     that reports a refused login, say), else {@code null}
     * @throws CommandException with the reason why it did not come
     */
    <T> T await(Class<T> type, @Nullable String filter, Duration timeout, Supplier<String> timedOut,
                Supplier<@Nullable String> hopeless) throws CommandException;

    /**
     * Waits for a service that a configuration of this run brought up.
     *
     * @param what names it in the error, such as {@code "the historian on /srv/plant"}
     */
    default <T> T await(Class<T> type, @Nullable String filter, Duration timeout, String what)
        throws CommandException {
        return await(type, filter, timeout, () -> what + " did not start within " + timeout.toSeconds() + " s",
            () -> null);
    }

    /** A service registered now, of any origin, or {@code null}; released when the run ends. */
    <T> @Nullable T find(Class<T> type, @Nullable String filter);
}
