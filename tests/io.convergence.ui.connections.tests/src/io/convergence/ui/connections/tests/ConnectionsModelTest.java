package io.convergence.ui.connections.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.ui.connections.internal.ConnectionConfig;
import io.convergence.ui.connections.internal.ConnectionRow;
import io.convergence.ui.connections.internal.ConnectionsModel;
import io.convergence.ui.connections.internal.ConnectionsSource;
import io.convergence.ui.connections.internal.RunningConnector;

import org.junit.jupiter.api.Test;

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

    private static ConnectionConfig config(String id, Map<String, Object> props) {
        return new ConnectionConfig(Plant.OPCUA, Plant.OPCUA + "~" + id, id, "/w/config/" + id + ".json", props);
    }
}
