package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorException;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.sim.plant.PlantSimulator;
import io.convergence.testing.Osgi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the user sees when the connection cannot be made, and what stopping leaves behind. */
class ConnectionFailureTest {

    @TempDir
    Path temp;

    @Test
    void unreachableEndpointKeepsRetryingAndSaysWhy() throws Exception {
        int port = Fixture.freePort();
        String id = "opcua-unreachable";
        try {
            Connector c = Fixture.startConnector(id, Map.of("endpoint", "opc.tcp://127.0.0.1:" + port + "/nothing",
                "pkiDir", temp.toString(), "requestTimeoutMs", 2000));
            ConnectorState s = Fixture.awaitState(c, Status.RECONNECTING, Duration.ofSeconds(20));
            assertTrue(s.detail().contains("cannot connect to opc.tcp://127.0.0.1:" + port), s.detail());
            assertTrue(s.detail().contains("next attempt in"), s.detail());
            assertEquals(ConnectorProblem.UNREACHABLE, s.problem().type(), s.toString());
            ExecutionException e = assertThrows(ExecutionException.class,
                () -> c.read(PointPath.parse("a/b")).get(5, TimeUnit.SECONDS));
            assertInstanceOf(ConnectorException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("not connected"), e.getCause().getMessage());
        } finally {
            Fixture.stopConnector(id);
        }
    }

    @Test
    void malformedEndpointFailsWithTheFieldAndTheExpectedForm() throws Exception {
        String id = "opcua-malformed";
        try {
            Connector c = Fixture.startConnector(id, Map.of("endpoint", "http://127.0.0.1:4840", "pkiDir", temp.toString()));
            ConnectorState s = Fixture.awaitState(c, Status.FAILED, Duration.ofSeconds(10));
            assertEquals(ConnectorProblem.CONFIGURATION, s.problem().type(), s.toString());
            assertTrue(s.detail().contains("'http://127.0.0.1:4840'"), s.detail());
            assertTrue(s.detail().contains("opc.tcp://host:port"), s.detail());
            assertEquals(id, c.id());

            Osgi.factoryConfig(Fixture.CONNECTOR_FACTORY, id, Map.of("id", id, "endpoint", "opc.tcp://127.0.0.1:99999",
                "pkiDir", temp.toString()));
            Fixture.waitFor("port error", Duration.ofSeconds(10), () -> {
                Connector now = Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=" + id + ")", Duration.ofSeconds(5));
                return now.state().detail().contains("99999") ? now : null;
            });
        } finally {
            Fixture.stopConnector(id);
        }
    }

    @Test
    void securityPolicyAndModeMustMatch() throws Exception {
        String id = "opcua-policy-mismatch";
        try {
            Connector c = Fixture.startConnector(id, Map.of("endpoint", "opc.tcp://127.0.0.1:4840", "pkiDir",
                temp.toString(), "securityPolicy", "Basic256Sha256", "securityMode", "None"));
            ConnectorState s = Fixture.awaitState(c, Status.FAILED, Duration.ofSeconds(10));
            assertTrue(s.detail().contains("cannot go with securityMode None"), s.detail());
        } finally {
            Fixture.stopConnector(id);
        }
    }

    @Test
    void stoppingDisconnectsWithdrawsThePointsAndLeavesNoThreadBehind() throws Exception {
        PlantSimulator plant = Fixture.startPlant(Fixture.freePort(), temp.resolve("sim-pki"), Map.of());
        String id = "opcua-stop";
        try {
            Connector c = Fixture.startConnector(id, Map.of("endpoint", plant.endpointUrl(), "pkiDir",
                temp.resolve("client").toString()));
            Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
            PointRegistry registry = Osgi.await(PointRegistry.class);
            assertTrue(registry.points().stream().anyMatch(p -> p.source().equals(id)), "announced");
            assertTrue(threads(id) > 0, "the connector runs on threads named after it");

            Fixture.stopConnector(id);
            Fixture.waitFor("points withdrawn", Duration.ofSeconds(10),
                () -> registry.points().stream().noneMatch(p -> p.source().equals(id)) ? Boolean.TRUE : null);
            Fixture.waitFor("no connector thread left", Duration.ofSeconds(10),
                () -> threads(id) == 0 ? Boolean.TRUE : null, () -> ": " + threadNames(id));
            assertTrue(threadNames("").stream().noneMatch(n -> n.startsWith("milo-trust-list-watcher")),
                "the trust list watcher stopped: " + Thread.getAllStackTraces().keySet());
        } finally {
            Fixture.stopConnector(id);
            Fixture.stopPlant();
        }
    }

    private static long threads(String id) {
        return threadNames(id).size();
    }

    private static List<String> threadNames(String id) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
            .filter(n -> id.isEmpty() || n.startsWith("opcua-" + id + "-")).toList();
    }
}
