package io.convergence.ui.connections.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.testing.Osgi;
import io.convergence.ui.connections.internal.ConnectionConfig;
import io.convergence.ui.connections.internal.ConnectionRow;
import io.convergence.ui.connections.internal.ConnectionsModel;
import io.convergence.ui.connections.internal.ConnectionsSource;
import io.convergence.ui.connections.internal.ConnectorStart;
import io.convergence.ui.connections.internal.RunningConnector;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/** The list: running connectors and their configurations together. */
class ConnectionsModelTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void aRunningConnectorIsMatchedWithItsConfigurationById() {
        ConnectionsModel model = new ConnectionsModel();
        ConnectorState up = new ConnectorState(Status.CONNECTED, "connected to x", T0);
        model.update(List.of(new RunningConnector("b", "opcua", up)),
            List.of(config("b", Map.of("endpoint", "opc.tcp://h:1"))), T0);
        ConnectionRow r = model.rows().get(0);
        assertEquals("b", r.id());
        assertEquals("opcua", r.type());
        assertEquals("opc.tcp://h:1", r.endpoint());
        assertEquals(Status.CONNECTED, r.status());
        assertTrue(r.running());
        assertTrue(r.configurable());
        assertEquals("1 connection: 1 connected", model.summary());
    }

    @Test
    void aConfigurationWithoutConnectorShowsAndFailsAfterAGracePeriod() {
        ConnectionsModel model = new ConnectionsModel();
        model.update(List.of(), List.of(config("a", Map.of("url", "tcp://x"))), T0);
        ConnectionRow waiting = model.row("a");
        assertNotNull(waiting);
        assertEquals(Status.CONNECTING, waiting.status());
        assertEquals("tcp://x", waiting.endpoint(), "url is an endpoint too");
        assertEquals("opcua", waiting.type(), "the type from the factory PID");
        long v = model.version();

        model.update(List.of(), List.of(config("a", Map.of("url", "tcp://x"))), T0.plusSeconds(1));
        assertEquals(v, model.version(), "nothing changed: no redraw");

        model.update(List.of(), List.of(config("a", Map.of("url", "tcp://x"))), T0.plusSeconds(6));
        ConnectionRow failed = model.row("a");
        assertEquals(Status.FAILED, failed.status());
        assertTrue(failed.detail().contains("no connector runs for it"), failed.detail());
        assertFalse(failed.running());
    }

    @Test
    void aConnectorWithoutConfigurationShowsButIsNotEditable() {
        ConnectionsModel model = new ConnectionsModel();
        model.update(List.of(new RunningConnector("partner", "modbus",
            new ConnectorState(Status.RECONNECTING, "retrying", T0))), List.of(), T0);
        ConnectionRow r = model.row("partner");
        assertEquals(Status.RECONNECTING, r.status());
        assertFalse(r.configurable());
        assertNull(r.config());
    }

    @Test
    void aConfiguredConnectorThatFailsShowsWithItsDetailFromTheRealServices() throws Exception {
        // The endpoint is no URL: the OPC UA connector runs, FAILED, and says why.
        Plant.files().apply("model-test", "{\"" + Plant.OPCUA + "\": [{\"id\": \"broken\", \"endpoint\": \"not a url\"}]}");
        try (ConnectionsSource source = Plant.source()) {
            ConnectionsModel model = new ConnectionsModel();
            ConnectionRow r = Plant.waitFor("failed row", Duration.ofSeconds(20), () -> {
                source.refresh(model);
                ConnectionRow row = model.row("broken");
                return row != null && row.status() == Status.FAILED ? row : null;
            });
            assertTrue(r.detail().contains("invalid configuration"), r.detail());
            assertEquals("not a url", r.endpoint());
            assertEquals("model-test", r.config().source());
            assertEquals("opcua", r.type());
        } finally {
            Plant.files().remove("model-test");
        }
    }

    @Test
    void aConnectorStillStartingIsNeverCalledFailedHoweverLongItTakes() {
        ConnectionsModel model = new ConnectionsModel();
        List<ConnectionConfig> configs = List.of(config("a", Map.of("url", "tcp://x")));
        ConnectorStart starting = new ConnectorStart(ConnectorStart.Stage.STARTING, "configured; waiting for the connector to start");
        model.update(List.of(), configs, c -> starting, T0);
        model.update(List.of(), configs, c -> starting, T0.plusSeconds(120));
        assertEquals(Status.CONNECTING, model.row("a").status());
        assertEquals("configured; waiting for the connector to start", model.row("a").detail());

        ConnectorStart waiting = new ConnectorStart(ConnectorStart.Stage.WAITING, "configured; the connector waits for bus");
        model.update(List.of(), configs, c -> waiting, T0.plusSeconds(121));
        assertEquals(Status.CONNECTING, model.row("a").status());
        assertEquals("configured; the connector waits for bus", model.row("a").detail());
    }

    @Test
    void aConnectorWhoseComponentFailedIsFailedAtOnceWithItsReason() {
        ConnectionsModel model = new ConnectionsModel();
        ConnectorStart failed = new ConnectorStart(ConnectorStart.Stage.FAILED,
            "the connector could not start: port 502 is taken");
        model.update(List.of(), List.of(config("a", Map.of())), c -> failed, T0);
        assertEquals(Status.FAILED, model.row("a").status());
        assertEquals("the connector could not start: port 502 is taken", model.row("a").detail());
    }

    @Test
    void aTypeNoInstalledBundleRunsIsSaidSoAfterTheGracePeriod() {
        ConnectionsModel model = new ConnectionsModel();
        ConnectionConfig c = new ConnectionConfig("com.example.modbus", "com.example.modbus~m", "m", "/w/m.json", Map.of());
        ConnectorStart none = new ConnectorStart(ConnectorStart.Stage.NO_PROVIDER,
            "configured, but no installed bundle runs connectors of com.example.modbus");
        model.update(List.of(), List.of(c), x -> none, T0);
        assertEquals(Status.CONNECTING, model.row("m").status());
        model.update(List.of(), List.of(c), x -> none, T0.plusSeconds(6));
        assertEquals(Status.FAILED, model.row("m").status());
        assertEquals("configured, but no installed bundle runs connectors of com.example.modbus", model.row("m").detail());
    }

    @Test
    void theComponentRuntimeTellsAConnectorOnItsWayFromATypeNobodyRuns() {
        ServiceComponentRuntime scr = Osgi.await(ServiceComponentRuntime.class);
        Function<ConnectionConfig, ConnectorStart> start = ConnectorStart.of(scr, Plant.files());
        assertEquals(ConnectorStart.Stage.STARTING, start.apply(config("not-configured-yet", Map.of())).stage(),
            "the OPC UA connector's component takes the type: on its way");
        assertEquals(ConnectorStart.Stage.NO_PROVIDER, start.apply(new ConnectionConfig("com.example.modbus",
            "com.example.modbus~m", "m", null, Map.of())).stage());
        assertEquals(ConnectorStart.Stage.UNKNOWN, ConnectorStart.of(null, null).apply(config("x", Map.of())).stage());
    }

    /**
     * ConfigurationAdmin hands configurations to SCR on one thread, one after the other; on a busy
     * machine a connector may come up long after its configuration. The row waits for it, and then
     * shows the connector's own state, without a "failed" in between (CI once saw that).
     */
    @Test
    void aConnectorSlowToReachItsConfigurationIsNotShownFailedMeanwhile() throws Exception {
        String holdPid = "io.convergence.ui.connections.tests.hold";
        CountDownLatch held = new CountDownLatch(1);
        ServiceRegistration<ConfigurationListener> blocker = Plant.context().registerService(ConfigurationListener.class,
            e -> {
                if (holdPid.equals(e.getPid()) && e.getType() == ConfigurationEvent.CM_UPDATED) {
                    held.countDown();
                    try {
                        Thread.sleep(8_000);
                    } catch (InterruptedException x) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, null);
        Configuration hold = Plant.admin().getConfiguration(holdPid, "?");
        List<ConnectionRow> seen = new ArrayList<>();
        try {
            hold.update(new Hashtable<>(Map.of("hold", true)));
            assertTrue(held.await(10, TimeUnit.SECONDS), "ConfigurationAdmin's event thread is held");
            Plant.files().apply("slow-test", "{\"" + Plant.OPCUA + "\": [{\"id\": \"slow\", \"endpoint\": \"not a url\"}]}");
            try (ConnectionsSource source = Plant.source()) {
                ConnectionsModel model = new ConnectionsModel();
                ConnectionRow r = Plant.waitFor("the connector's own state", Duration.ofSeconds(30), () -> {
                    source.refresh(model);
                    ConnectionRow row = model.row("slow");
                    if (row != null) {
                        seen.add(row);
                    }
                    return row != null && row.running() ? row : null;
                });
                assertEquals(Status.FAILED, r.status());
                assertTrue(r.detail().contains("invalid configuration"), r.detail());
            }
            ConnectionRow first = seen.get(0);
            assertEquals(Status.CONNECTING, first.status(), first.detail());
            for (ConnectionRow row : seen) {
                assertTrue(row.running() || row.status() == Status.CONNECTING,
                    "before its connector ran, the row said " + row.status() + ": " + row.detail());
            }
        } finally {
            blocker.unregister();
            hold.delete();
            Plant.files().remove("slow-test");
        }
    }

    private static ConnectionConfig config(String id, Map<String, Object> props) {
        return new ConnectionConfig(Plant.OPCUA, Plant.OPCUA + "~" + id, id, "/w/config/" + id + ".json", props);
    }
}
