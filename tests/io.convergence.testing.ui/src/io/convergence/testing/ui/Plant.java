package io.convergence.testing.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.convergence.api.connector.Connector;
import io.convergence.sim.plant.PlantSimulator;
import io.convergence.testing.SimulatedPlant;

/** The simulated plant on a free loopback port and an OPC UA connector to it, for a view's test class. */
public final class Plant implements AutoCloseable {

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
    public static Plant start(String path, String connectorId, Path temp) throws IOException {
        PlantSimulator sim = SimulatedPlant.start(SimulatedPlant.freePort(), temp.resolve("sim-pki"), Map.of("path", path));
        Connector c = SimulatedPlant.connect(connectorId, sim, temp.resolve("client-pki"));
        return new Plant(sim, c, connectorId);
    }

    @Override
    public void close() throws IOException {
        SimulatedPlant.disconnect(id);
        SimulatedPlant.stop();
    }
}
