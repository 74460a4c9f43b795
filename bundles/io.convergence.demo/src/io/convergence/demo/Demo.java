package io.convergence.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.convergence.api.config.ConfigException;
import io.convergence.api.point.PointPath;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The demo, a service: the simulated packaging line recorded into the embedded historian, started
 * through the configuration service, and the points a newcomer sees first.
 */
@ProviderType
public interface Demo {

    /** The connector's id in the demo. */
    String CONNECTOR = "plant";

    /**
     * Where the demo runs.
     *
     * @param dataDir the historian's database and the certificates of server and client
     * @param port the simulated plant's port on 127.0.0.1
     * @param extraPoints sensors added to the line's machine variables (0 for the plain line)
     * @param seed makes every run the same
     */
    record Settings(Path dataDir, int port, int extraPoints, long seed) {

        /** The plain line, seed 42. */
        public static Settings of(Path dataDir, int port) {
            return new Settings(dataDir, port, 0, 42);
        }
    }

    /**
     * Starts the historian on the data folder, the simulated ERP (on a free port of 127.0.0.1, with a
     * password made for this run), the simulated plant following the ERP's plan, the OPC UA connector
     * {@value #CONNECTOR} to the plant and the SQL connector {@code erp} to the ERP; the
     * configurations are named {@code <source>:historian}, {@code <source>:erp},
     * {@code <source>:plant}, {@code <source>:connector} and {@code <source>:erp-connector}. Returns once they are
     * applied and the plant serves (within a minute); the connection comes up in the background.
     *
     * @return the simulated plant's endpoint
     * @throws ConfigException if a configuration is refused (a bundle of the demo is missing)
     */
    String start(String source, Settings settings) throws ConfigException, InterruptedException;

    /**
     * Waits until the simulated plant configured on {@code port} serves. The plant's configuration is
     * applied once it is checked and its port taken; it then builds its address space in the
     * background (about a second) and registers its service once bound. A connector configured after
     * this connects at its first attempt. {@link #start} waits so itself.
     *
     * @throws ConfigException if it does not serve within {@code timeout} (the log says why)
     * @since 1.2
     */
    void awaitPlant(int port, Duration timeout) throws ConfigException, InterruptedException;

    /** Removes the configurations {@link #start} made under {@code source}: the plant and its recording stop. */
    void stop(String source) throws ConfigException;

    /** The points shown first as current values: the filler's key values and the machines' states. */
    List<PointPath> livePoints();

    /** The points drawn first in a trend: the filler's vibration and bearing temperature. */
    List<PointPath> trendPoints();
}
