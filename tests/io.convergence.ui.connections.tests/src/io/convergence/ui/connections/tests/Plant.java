package io.convergence.ui.connections.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.convergence.api.config.ConfigurationService;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.sim.plant.PlantSimulator;
import io.convergence.testing.Osgi;
import io.convergence.testing.SimulatedPlant;
import io.convergence.testing.Wait;
import io.convergence.ui.connections.internal.ConfigFileStore;
import io.convergence.ui.connections.internal.ConnectionFiles;
import io.convergence.ui.connections.internal.ConnectionsSource;
import io.convergence.ui.connections.internal.ConnectorType;
import io.convergence.ui.connections.internal.ConnectorTypes;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * One simulated plant for every test class of this bundle, started on a free loopback port on
 * first use (it offers None and Basic256Sha256), and helpers to wait on connectors.
 */
final class Plant {

    static final String OPCUA = "io.convergence.connector.opcua";
    private static @Nullable PlantSimulator plant;

    private Plant() {
    }

    /** The running simulator; started on first call. */
    static synchronized PlantSimulator get() throws Exception {
        if (plant == null) {
            plant = SimulatedPlant.start(SimulatedPlant.freePort(), Files.createTempDirectory("connections-sim-pki"),
                Map.of("tickMs", 200));
        }
        return plant;
    }

    static String endpoint() throws Exception {
        return get().endpointUrl();
    }

    static BundleContext context() {
        return Osgi.context(Plant.class);
    }

    static ConfigurationService files() {
        return Osgi.await(ConfigurationService.class);
    }

    static ConfigurationAdmin admin() {
        return Osgi.await(ConfigurationAdmin.class);
    }

    /** The OPC UA connector type, as the editor sees it. */
    static ConnectorType opcua() {
        return waitFor("the OPC UA connector type", Duration.ofSeconds(10), () ->
            ConnectorTypes.byPid(ConnectorTypes.find(Osgi.await(ConfigurationService.class)), OPCUA));
    }

    static ConnectionFiles connectionFiles(Path configDir) {
        return new ConnectionFiles(files(), admin(), new ConfigFileStore(configDir));
    }

    /** The view's source, its services injected as in the workbench. */
    static ConnectionsSource source() {
        return ContextInjectionFactory.make(ConnectionsSource.class, EclipseContextFactory.create("connections-test"));
    }

    /** The connector service of this id, once it is registered. */
    static Connector connector(String id) {
        return Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=" + id + ")", Duration.ofSeconds(20));
    }

    static boolean running(String id) throws InvalidSyntaxException {
        return !context().getServiceReferences(Connector.class, "(" + Connector.ID_PROPERTY + "=" + id + ")").isEmpty();
    }

    static void awaitGone(String id) {
        Wait.until("connector " + id + " gone", Duration.ofSeconds(30), () -> !running(id));
    }

    static ConnectorState awaitState(String id, ConnectorState.Status status, Duration timeout) {
        return SimulatedPlant.awaitState(connector(id), status, timeout);
    }

    static <T> T waitFor(String what, Duration timeout, Supplier<@Nullable T> probe) {
        return Wait.forValue(what, timeout, probe::get);
    }
}
