package io.convergence.demo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.historian.Historian;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.demo.Demo;
import io.convergence.testing.Osgi;
import io.convergence.testing.SimulatedPlant;
import io.convergence.testing.Wait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as the command line and the workbench start it: the simulated plant and ERP come up,
 * both connectors connect, the historian records, and the points the demo shows first are points the
 * plant really has (a renamed machine would otherwise leave the first views empty).
 */
class DemoTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void startsThePlantRecordedAndItsFirstPointsExistThenStopsIt() throws Exception {
        Demo demo = Osgi.await(Demo.class, "", WAIT);
        int port = SimulatedPlant.freePort();
        String endpoint = demo.start("demo-test", Demo.Settings.of(dir, port));
        assertEquals("opc.tcp://127.0.0.1:" + port + "/convergence-sim", endpoint);
        try {
            Connector plant = Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=" + Demo.CONNECTOR + ")", WAIT);
            SimulatedPlant.awaitState(plant, ConnectorState.Status.CONNECTED, WAIT);
            Connector erp = Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=erp)", WAIT);
            SimulatedPlant.awaitState(erp, ConnectorState.Status.CONNECTED, WAIT);

            PointRegistry registry = Osgi.await(PointRegistry.class);
            List<PointPath> first = new java.util.ArrayList<>(demo.livePoints());
            first.addAll(demo.trendPoints());
            assertFalse(demo.livePoints().isEmpty() || demo.trendPoints().isEmpty());
            for (PointPath p : first) {
                Wait.until(p + " announced by the simulated plant", WAIT, () -> registry.find(p).isPresent());
            }
            assertTrue(demo.trendPoints().stream().allMatch(p -> registry.find(p).orElseThrow().type().isNumeric()),
                "trend pens are numbers");

            Historian historian = Osgi.await(Historian.class, "", WAIT);
            PointPath vibration = demo.trendPoints().get(0);
            Wait.until("recorded samples of " + vibration, WAIT, () -> !historian.samples(vibration,
                Instant.now().minusSeconds(600), Instant.now().plusSeconds(1), 10).isEmpty());
        } finally {
            demo.stop("demo-test");
        }
        Wait.until("the demo's connector gone", WAIT, () -> Osgi.find(Connector.class) == null);
    }
}
