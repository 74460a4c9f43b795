package io.convergence.testing.ui;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.sim.plant.PlantSimulator;
import io.convergence.testing.Osgi;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The simulated plant on a free loopback port, and an OPC UA connector to it, through ConfigurationAdmin. */
public final class Plant implements AutoCloseable {

    private static final String SIM_PID = "io.convergence.sim.plant";
    private static final String CONNECTOR_FACTORY = "io.convergence.connector.opcua";

    public final PlantSimulator simulator;
    public final Connector connector;
    private final String id;

    private Plant(PlantSimulator simulator, Connector connector, String id) {
        this.simulator = simulator;
        this.connector = connector;
        this.id = id;
    }

    /**
     * Starts both, the simulator's endpoint under {@code path}, and waits until the connector is
     * connected.
     */
    public static Plant start(String path, String connectorId, Path temp) throws Exception {
        int port = freePort();
        Osgi.config(SIM_PID, Map.of("port", port, "bindAddress", "127.0.0.1", "path", path,
            "pkiDir", temp.resolve("sim-pki").toString(), "tickMs", 100));
        PlantSimulator sim = Ui.poll("simulator on port " + port, Duration.ofSeconds(30), () -> {
            PlantSimulator s = Osgi.await(PlantSimulator.class);
            return s.endpointUrl().contains(":" + port + "/") ? s : null;
        });
        Osgi.factoryConfig(CONNECTOR_FACTORY, connectorId, Map.of("id", connectorId, "endpoint", sim.endpointUrl(),
            "pkiDir", temp.resolve("client-pki").toString()));
        Connector c = Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=" + connectorId + ")", Duration.ofSeconds(20));
        Ui.poll("connector " + connectorId + " connected", Duration.ofSeconds(30),
            () -> c.state().status() == ConnectorState.Status.CONNECTED ? c : null);
        return new Plant(sim, c, connectorId);
    }

    @Override
    public void close() throws Exception {
        ConfigurationAdmin admin = Osgi.await(ConfigurationAdmin.class);
        Configuration c = admin.getFactoryConfiguration(CONNECTOR_FACTORY, id, "?");
        if (c.getProperties() != null) {
            c.delete();
        }
        Configuration s = admin.getConfiguration(SIM_PID, "?");
        if (s.getProperties() != null) {
            s.delete();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
