package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** More items than the server accepts in one call: they are created in batches, and all of them deliver. */
class BatchingTest {

    @TempDir
    Path temp;

    @Test
    void fiveThousandExtraPointsWithAThousandItemsPerCallAllDeliver() throws Exception {
        PlantSimulator plant = Fixture.startPlant(Fixture.freePort(), temp.resolve("sim-pki"),
            Map.of("extraPoints", 5000, "maxMonitoredItemsPerCall", 1000));
        String id = "opcua-batching";
        Set<PointPath> all = plant.variablePaths().stream().map(PointPath::parse).collect(Collectors.toSet());
        assertTrue(all.size() > 5000, "variables: " + all.size());
        try (SampleCollector samples = new SampleCollector("test-batching")) {
            Connector c = Fixture.startConnector(id, Map.of("endpoint", plant.endpointUrl(), "pkiDir",
                temp.resolve("client").toString()));
            ConnectorState s = Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(60));
            assertTrue(s.detail().contains(all.size() + " points subscribed"), s.detail());
            assertTrue(!s.detail().contains("could not be"), s.detail());
            Fixture.waitFor("samples for all " + all.size() + " points", Duration.ofSeconds(20),
                () -> samples.withoutValueSince(all, 0).isEmpty() ? Boolean.TRUE : null,
                () -> ": missing " + samples.withoutValueSince(all, 0).size());
            assertEquals(all.size(), all.size() - samples.withoutValueSince(all, 0).size());
        } finally {
            Fixture.stopConnector(id);
            Fixture.stopPlant();
        }
    }
}
