package io.convergence.ui.connections.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.convergence.api.config.ConfigurationService;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.ui.connections.internal.ConnectionConfig;
import io.convergence.ui.connections.internal.ConnectionRow;
import io.convergence.ui.connections.internal.ConnectionTester;
import io.convergence.ui.connections.internal.ConnectionsModel;
import io.convergence.ui.connections.internal.FormModel;
import io.convergence.ui.connections.internal.RunningConnector;
import io.convergence.ui.connections.internal.TestResult;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;

/** Test connection: a temporary connector, watched through its state only, removed afterwards. */
class ConnectionTesterTest {

    private final ConnectionTester tester = new ConnectionTester(Plant.context(), Plant.files());

    @Test
    void aReachableServerConnectsAndTheTemporaryConnectorIsRemoved() throws Exception {
        FormModel form = ConnectionFilesTest.newForm("try-ok");
        form.set("subscribeAll", "true");
        List<ConnectorState> seen = new CopyOnWriteArrayList<>();

        TestResult r = tester.test(form, ConnectionTester.TIMEOUT, new NullProgressMonitor(), seen::add);

        assertEquals(TestResult.Outcome.CONNECTED, r.outcome(), r.detail());
        assertTrue(r.detail().contains(Plant.endpoint()), r.detail());
        // A test connects without subscribing to (and recording) the whole server.
        assertTrue(r.detail().contains("subscribeAll is off"), r.detail());
        assertEquals(Status.CONNECTED, seen.get(seen.size() - 1).status());
        assertNoTestLeftovers("try-ok");
        assertFalse(Plant.running("try-ok"), "testing does not start the connection itself");
    }

    @Test
    void anUnreachableServerReportsTheConnectorsOwnDetail() throws Exception {
        FormModel form = ConnectionFilesTest.newForm("try-closed");
        form.set("endpoint", "opc.tcp://127.0.0.1:1/nothing");

        TestResult r = tester.test(form, Duration.ofSeconds(4), new NullProgressMonitor(), s -> { });

        assertEquals(TestResult.Outcome.TIMED_OUT, r.outcome(), r.detail());
        assertTrue(r.detail().contains("RECONNECTING"), r.detail());
        assertTrue(r.detail().contains("opc.tcp://127.0.0.1:1/nothing"), r.detail());
        assertNoTestLeftovers("try-closed");
    }

    @Test
    void aConfigurationTheRuntimeRefusesIsReportedAtItsFields() throws Exception {
        FormModel form = ConnectionFilesTest.newForm("try-invalid");
        form.set("securityMode", "Encrypt");

        TestResult r = tester.test(form, ConnectionTester.TIMEOUT, new NullProgressMonitor(), s -> { });

        assertEquals(TestResult.Outcome.INVALID, r.outcome());
        assertNull(r.state());
        assertTrue(form.problemsOf(r.problems()).byField().containsKey("securityMode"));
        assertNoTestLeftovers("try-invalid");
    }

    @Test
    void aTestConnectorNeverShowsInTheList() {
        ConnectionsModel model = new ConnectionsModel();
        ConnectorState up = new ConnectorState(Status.CONNECTED, "ok", Instant.EPOCH);
        List<ConnectionConfig> configs = new ArrayList<>();
        configs.add(new ConnectionConfig(Plant.OPCUA, Plant.OPCUA + "~a~test", "a~test", "test:a", java.util.Map.of()));
        model.update(List.of(new RunningConnector("a~test", "opcua", up)), configs, Instant.now());
        assertEquals(List.<ConnectionRow>of(), model.rows());
    }

    private static void assertNoTestLeftovers(String id) throws Exception {
        Configuration[] c = Plant.admin().listConfigurations("(" + ConfigurationService.SOURCE_PROPERTY + "="
            + ConnectionTester.SOURCE_PREFIX + id + ")");
        assertNull(c, "the test configuration is removed");
        Plant.awaitGone(id + ConnectionTester.ID_SUFFIX);
    }
}
