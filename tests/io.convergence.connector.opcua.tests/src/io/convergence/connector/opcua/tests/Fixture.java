package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.sim.plant.PlantSimulator;
import io.convergence.testing.Osgi;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Starts the simulated plant and OPC UA connectors through ConfigurationAdmin, and waits on them. */
final class Fixture {

    static final String SIM_PID = "io.convergence.sim.plant";
    static final String CONNECTOR_FACTORY = "io.convergence.connector.opcua";

    private Fixture() {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Configures the simulator and waits for its service at that port. */
    static PlantSimulator startPlant(int port, Path pkiDir, Map<String, Object> extra) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("port", port);
        p.put("bindAddress", "127.0.0.1");
        p.put("pkiDir", pkiDir.toString());
        p.put("tickMs", 100);
        p.putAll(extra);
        Osgi.config(SIM_PID, p);
        String expected = ":" + port + "/";
        return waitFor("simulator on port " + port, Duration.ofSeconds(30), () -> {
            PlantSimulator s = service(PlantSimulator.class);
            return s != null && s.endpointUrl().contains(expected) ? s : null;
        });
    }

    /** Deletes the simulator's configuration and waits until its service is gone. */
    static void stopPlant() throws Exception {
        Configuration c = admin().getConfiguration(SIM_PID, "?");
        if (c.getProperties() != null) {
            c.delete();
        }
        waitUntil("simulator stopped", Duration.ofSeconds(20), () -> service(PlantSimulator.class) == null);
    }

    /** Creates a connector configuration and waits for its service. */
    static Connector startConnector(String id, Map<String, Object> props) throws Exception {
        Map<String, Object> p = new HashMap<>(props);
        p.put("id", id);
        Osgi.factoryConfig(CONNECTOR_FACTORY, id, p);
        return Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=" + id + ")", Duration.ofSeconds(20));
    }

    /** Deletes a connector configuration and waits until its service is gone. */
    static void stopConnector(String id) throws Exception {
        Configuration c = admin().getFactoryConfiguration(CONNECTOR_FACTORY, id, "?");
        if (c.getProperties() != null) {
            c.delete();
        }
        waitUntil("connector " + id + " stopped", Duration.ofSeconds(30),
            () -> context().getServiceReferences(Connector.class, "(" + Connector.ID_PROPERTY + "=" + id + ")").isEmpty());
    }

    static ConnectorState awaitState(Connector c, ConnectorState.Status status, Duration timeout) throws Exception {
        return waitFor("connector " + c.id() + " " + status, timeout, () -> c.state().status() == status ? c.state() : null,
            () -> "; last state " + c.state());
    }

    static <T> T waitFor(String what, Duration timeout, Supplier<T> probe) throws Exception {
        return waitFor(what, timeout, probe, () -> "");
    }

    static <T> T waitFor(String what, Duration timeout, Supplier<T> probe, Supplier<String> context) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            T t = probe.get();
            if (t != null) {
                return t;
            }
            if (System.nanoTime() > end) {
                fail("no " + what + " within " + timeout + context.get());
            }
            Thread.sleep(50);
        }
    }

    static void waitUntil(String what, Duration timeout, Check check) throws Exception {
        waitFor(what, timeout, () -> {
            try {
                return check.ok() ? Boolean.TRUE : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static BundleContext context() {
        return Osgi.context(Fixture.class);
    }

    static <T> T service(Class<T> type) {
        ServiceReference<T> ref = context().getServiceReference(type);
        return ref == null ? null : context().getService(ref);
    }

    static ConfigurationAdmin admin() {
        return Osgi.await(ConfigurationAdmin.class);
    }
}
