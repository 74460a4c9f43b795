package io.convergence.ui.connections.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.ServerSocket;
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
import io.convergence.ui.connections.internal.ConfigFileStore;
import io.convergence.ui.connections.internal.ConnectionFiles;
import io.convergence.ui.connections.internal.ConnectionsSource;
import io.convergence.ui.connections.internal.ConnectorType;
import io.convergence.ui.connections.internal.ConnectorTypes;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * One simulated plant for every test class of this bundle, started on a free loopback port on
 * first use (it offers None and Basic256Sha256), and helpers to wait on connectors.
 */
final class Plant {

    static final String OPCUA = "io.convergence.connector.opcua";
    private static final String SIM_PID = "io.convergence.sim.plant";
    private static @Nullable PlantSimulator plant;

    private Plant() {
    }

    /** The running simulator; started on first call. */
    static synchronized PlantSimulator get() throws Exception {
        if (plant == null) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path pki = Files.createTempDirectory("connections-sim-pki");
            Osgi.config(SIM_PID, Map.of("port", port, "bindAddress", "127.0.0.1", "pkiDir", pki.toString(), "tickMs", 200));
            String expected = ":" + port + "/";
            plant = waitFor("simulator on port " + port, Duration.ofSeconds(30), () -> {
                PlantSimulator p = service(PlantSimulator.class);
                return p != null && p.endpointUrl().contains(expected) ? p : null;
            });
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

    static ConnectionsSource source() {
        return new ConnectionsSource(context());
    }

    /** The connector service of this id, once it is registered. */
    static Connector connector(String id) {
        return Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=" + id + ")", Duration.ofSeconds(20));
    }

    static boolean running(String id) throws InvalidSyntaxException {
        return !context().getServiceReferences(Connector.class, "(" + Connector.ID_PROPERTY + "=" + id + ")").isEmpty();
    }

    static void awaitGone(String id) {
        waitFor("connector " + id + " gone", Duration.ofSeconds(30), () -> {
            try {
                return running(id) ? null : Boolean.TRUE;
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static ConnectorState awaitState(String id, ConnectorState.Status status, Duration timeout) {
        Connector c = connector(id);
        return waitFor("connector " + id + " " + status, timeout,
            () -> c.state().status() == status ? c.state() : null, () -> "; last state " + c.state());
    }

    static <T> T waitFor(String what, Duration timeout, Supplier<@Nullable T> probe) {
        return waitFor(what, timeout, probe, () -> "");
    }

    static <T> T waitFor(String what, Duration timeout, Supplier<@Nullable T> probe, Supplier<String> context) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            T t = probe.get();
            if (t != null) {
                return t;
            }
            if (System.nanoTime() > end) {
                fail("no " + what + " within " + timeout + context.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static <T> @Nullable T service(Class<T> type) {
        ServiceReference<T> ref = context().getServiceReference(type);
        return ref == null ? null : context().getService(ref);
    }
}
