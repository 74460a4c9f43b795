package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.sim.plant.PlantSimulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint is chosen from what the server offers; when nothing fits, the state says what it offers. */
class EndpointSelectionTest {

    @TempDir
    Path temp;

    @Test
    void signedEndpointIsChosenAndAServerWithoutUserNamesIsReportedAsSuch() throws Exception {
        PlantSimulator plant = Fixture.startPlant(Fixture.freePort(), temp.resolve("sim-pki"), Map.of("users", ""));
        try {
            Connector user = Fixture.startConnector("opcua-no-users", Map.of("endpoint", plant.endpointUrl(),
                "pkiDir", temp.resolve("client").toString(), "username", "operator", "password", "operator",
                "allowPasswordWithoutEncryption", true, "maxReconnectDelayMs", 1000));
            ConnectorState s = Fixture.awaitState(user, Status.FAILED, Duration.ofSeconds(20));
            assertEquals(ConnectorProblem.INCOMPATIBLE, s.problem().type(), s.toString());
            assertTrue(s.detail().contains("does not accept user names"), s.detail());
            assertTrue(s.detail().contains("it accepts Anonymous"), s.detail());
        } finally {
            Fixture.stopConnector("opcua-no-users");
            Fixture.stopPlant();
        }
    }
}
