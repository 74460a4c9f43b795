package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.point.PointPath;
import io.convergence.sim.plant.PlantSimulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server goes away mid-subscription and comes back on the same port. */
class ReconnectTest {

    private static final String ID = "opcua-reconnect";

    @TempDir
    Path temp;

    @Test
    void serverRestartMarksAGapAndEveryPointResumes() throws Exception {
        int port = Fixture.freePort();
        Path simPki = temp.resolve("sim-pki");
        PlantSimulator plant = Fixture.startPlant(port, simPki, Map.of());
        Set<PointPath> all = plant.variablePaths().stream().map(PointPath::parse).collect(Collectors.toSet());
        try (SampleCollector samples = new SampleCollector("test-reconnect")) {
            Connector c = Fixture.startConnector(ID, Map.of("endpoint", plant.endpointUrl(),
                "pkiDir", temp.resolve("client-pki").toString(), "maxReconnectDelayMs", 5000));
            Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
            Fixture.waitFor("samples for all variables", Duration.ofSeconds(15),
                () -> samples.withoutValueSince(all, 0).isEmpty() ? Boolean.TRUE : null);

            long stopped = System.nanoTime();
            Fixture.stopPlant();
            ConnectorState lost = Fixture.awaitState(c, Status.RECONNECTING, Duration.ofSeconds(20));
            assertTrue(lost.detail().contains(plant.endpointUrl()), lost.detail());
            Fixture.waitFor("a gap marker for every subscribed point", Duration.ofSeconds(10),
                () -> samples.withoutGapSince(all, stopped).isEmpty() ? Boolean.TRUE : null,
                () -> ": missing " + samples.withoutGapSince(all, stopped).size());

            long restarted = System.nanoTime();
            Fixture.startPlant(port, simPki, Map.of());
            ConnectorState back = Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(45));
            assertTrue(back.detail().contains("reconnected") || back.detail().contains("connected"), back.detail());
            Fixture.waitFor("new samples for every point after the restart", Duration.ofSeconds(20),
                () -> samples.withoutValueSince(all, restarted).isEmpty() ? Boolean.TRUE : null,
                () -> ": missing " + samples.withoutValueSince(all, restarted).size() + " of " + all.size()
                    + ", state " + c.state());
        } finally {
            Fixture.stopConnector(ID);
            Fixture.stopPlant();
        }
    }

    @Test
    void longOutageStartsOverFromDiscoveryAndEveryPointResumes() throws Exception {
        int port = Fixture.freePort();
        Path simPki = temp.resolve("sim-pki");
        PlantSimulator plant = Fixture.startPlant(port, simPki, Map.of());
        Set<PointPath> all = plant.variablePaths().stream().map(PointPath::parse).collect(Collectors.toSet());
        String id = ID + "-long";
        try (SampleCollector samples = new SampleCollector("test-reconnect-long")) {
            Connector c = Fixture.startConnector(id, Map.of("endpoint", plant.endpointUrl(),
                "pkiDir", temp.resolve("client-pki").toString(), "maxReconnectDelayMs", 1500, "requestTimeoutMs", 2000));
            Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
            Fixture.waitFor("samples for all variables", Duration.ofSeconds(15),
                () -> samples.withoutValueSince(all, 0).isEmpty() ? Boolean.TRUE : null);

            long stopped = System.nanoTime();
            Fixture.stopPlant();
            // Longer than the longest reconnect delay: the connector gives up on Milo's session and retries itself.
            Fixture.waitFor("retrying from scratch", Duration.ofSeconds(20),
                () -> c.state().detail().startsWith("cannot connect to") ? c.state() : null, () -> ": " + c.state());
            assertTrue(c.state().status() == Status.RECONNECTING, c.state().toString());
            assertTrue(samples.withoutGapSince(all, stopped).isEmpty(), "one gap per point");

            long restarted = System.nanoTime();
            Fixture.startPlant(port, simPki, Map.of());
            Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
            Fixture.waitFor("new samples for every point after the restart", Duration.ofSeconds(20),
                () -> samples.withoutValueSince(all, restarted).isEmpty() ? Boolean.TRUE : null,
                () -> ": missing " + samples.withoutValueSince(all, restarted).size() + " of " + all.size());
        } finally {
            Fixture.stopConnector(id);
            Fixture.stopPlant();
        }
    }
}
