package io.convergence.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.sim.plant.PlantSimulator;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The plant fixture of the test bundles: the simulated packaging line (an embedded OPC UA server)
 * on a free loopback port and OPC UA connectors to it, started through ConfigurationAdmin as the
 * product starts them, and stopped again. Bundles that use it have {@code io.convergence.sim.plant}
 * (and, for connectors, {@code io.convergence.connector.opcua}) in their test runtime.
 */
public final class SimulatedPlant {

    /** The simulator's configuration PID. */
    public static final String SIMULATOR_PID = "io.convergence.sim.plant";
    /** The OPC UA connector's factory PID. */
    public static final String OPCUA_FACTORY = "io.convergence.connector.opcua";
    /** How long the simulator may take to start: it makes its certificate first, which takes a while on a busy machine. */
    public static final Duration START = Duration.ofSeconds(60);

    private SimulatedPlant() {
    }

    /** A free TCP port on loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Configures the simulator on {@code port} of 127.0.0.1 (its certificates in {@code pkiDir}, a
     * tick of 100 ms unless {@code extra} says otherwise) and waits for its service there.
     */
    public static PlantSimulator start(int port, Path pkiDir, Map<String, ?> extra) throws IOException {
        Map<String, Object> p = new HashMap<>();
        p.put("port", port);
        p.put("bindAddress", "127.0.0.1");
        p.put("pkiDir", pkiDir.toString());
        p.put("tickMs", 100);
        p.putAll(extra);
        Osgi.config(SIMULATOR_PID, p);
        String expected = ":" + port + "/";
        return Wait.forValue("simulator on port " + port, START, () -> {
            PlantSimulator s = Osgi.find(PlantSimulator.class);
            return s != null && s.endpointUrl().contains(expected) ? s : null;
        });
    }

    /** Starts the simulator on a free port. */
    public static PlantSimulator start(Path pkiDir) throws IOException {
        return start(freePort(), pkiDir, Map.of());
    }

    /** Deletes the simulator's configuration and waits until its service is gone. */
    public static void stop() throws IOException {
        Configuration c = Osgi.await(ConfigurationAdmin.class).getConfiguration(SIMULATOR_PID, "?");
        if (c.getProperties() != null) {
            c.delete();
        }
        Wait.until("simulator stopped", Duration.ofSeconds(30), () -> Osgi.find(PlantSimulator.class) == null);
    }

    /** Creates an OPC UA connector configuration (its {@code id} added) and waits for its service. */
    public static Connector connect(String id, Map<String, ?> properties) throws IOException {
        Map<String, Object> p = new HashMap<>(properties);
        p.put("id", id);
        Osgi.factoryConfig(OPCUA_FACTORY, id, p);
        return Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=" + id + ")", Duration.ofSeconds(30));
    }

    /** Connects to the simulator with security None and waits until the connector is connected. */
    public static Connector connect(String id, PlantSimulator simulator, Path pkiDir) throws IOException {
        Connector c = connect(id, Map.of("endpoint", simulator.endpointUrl(), "pkiDir", pkiDir.toString()));
        awaitState(c, ConnectorState.Status.CONNECTED, Duration.ofSeconds(30));
        return c;
    }

    /** Deletes a connector's configuration and waits until its service is gone. */
    public static void disconnect(String id) throws IOException {
        Configuration c = Osgi.await(ConfigurationAdmin.class).getFactoryConfiguration(OPCUA_FACTORY, id, "?");
        if (c.getProperties() != null) {
            c.delete();
        }
        Wait.until("connector " + id + " stopped", Duration.ofSeconds(30), () -> Osgi.context(SimulatedPlant.class)
            .getServiceReferences(Connector.class, "(" + Connector.ID_PROPERTY + "=" + id + ")").isEmpty());
    }

    /** Waits until a connector is in a state, and returns that state. */
    public static ConnectorState awaitState(Connector c, ConnectorState.Status status, Duration timeout) {
        return Wait.forValue("connector " + c.id() + " " + status, timeout,
            () -> c.state().status() == status ? c.state() : null, () -> "last state " + c.state());
    }
}
