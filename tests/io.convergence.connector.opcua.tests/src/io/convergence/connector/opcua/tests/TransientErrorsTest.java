package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;

import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refusals that may pass by themselves are retried with backoff and reported as problems while
 * they last; ones that last longer than the longest reconnect delay fail, and are still probed.
 */
class TransientErrorsTest {

    @TempDir
    Path temp;

    private static void layout(TestServer s) {
        var line = s.a().folder(null, "Line", "line");
        s.a().variable(line, "Speed", "line/speed", NodeIds.Double, 1.0);
    }

    private Map<String, Object> connector(String endpoint, int maxDelayMs) {
        Map<String, Object> p = new HashMap<>();
        p.put("endpoint", endpoint);
        p.put("pkiDir", temp.resolve("client-pki").toString());
        p.put("maxReconnectDelayMs", maxDelayMs);
        p.put("requestTimeoutMs", 2000);
        return p;
    }

    @Test
    void accessDeniedWhileTheUserStoreStartsIsRetriedUntilItConnects() throws Exception {
        AtomicBoolean ready = new AtomicBoolean();
        AtomicInteger asked = new AtomicInteger();
        int port = Fixture.freePort();
        String id = "opcua-user-store";
        try (TestServer server = TestServer.start(port, temp.resolve("server-pki"), TestServer.Options.plain()
            .withUsers((user, password) -> {
                asked.incrementAndGet();
                return ready.get() && user.equals("operator") && password.equals("s3cret");
            }), TransientErrorsTest::layout)) {
            Map<String, Object> p = connector(server.endpoint(), 20_000);
            p.put("username", "operator");
            p.put("password", "s3cret");
            p.put("allowPasswordWithoutEncryption", true);
            Connector c = Fixture.startConnector(id, p);
            ConnectorState refused = Fixture.waitFor("the first refusal", Duration.ofSeconds(20),
                () -> c.state().problem() != null ? c.state() : null, () -> ": " + c.state());
            assertEquals(ConnectorProblem.AUTHENTICATION, refused.problem().type(), refused.toString());
            assertEquals(Status.RECONNECTING, refused.status(), "retried, not given up: " + refused);
            assertTrue(refused.detail().contains("next attempt in"), refused.detail());
            assertTrue(!refused.detail().contains("s3cret"), "never shows the password: " + refused.detail());

            Fixture.waitFor("a second attempt", Duration.ofSeconds(10), () -> asked.get() >= 2 ? Boolean.TRUE : null);
            ready.set(true);
            ConnectorState ok = Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
            assertEquals(null, ok.problem(), ok.toString());
        } finally {
            Fixture.stopConnector(id);
        }
    }

    @Test
    void wrongPasswordFailsOnceItLastsLongerThanTheLongestDelayAndIsStillProbed() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        int port = Fixture.freePort();
        String id = "opcua-wrong-password";
        try (TestServer server = TestServer.start(port, temp.resolve("server-pki"), TestServer.Options.plain()
            .withUsers((user, password) -> asked.incrementAndGet() < 0), TransientErrorsTest::layout)) {
            Map<String, Object> p = connector(server.endpoint(), 2000);
            p.put("username", "operator");
            p.put("password", "wrong");
            p.put("allowPasswordWithoutEncryption", true);
            Connector c = Fixture.startConnector(id, p);
            ConnectorState failed = Fixture.awaitState(c, Status.FAILED, Duration.ofSeconds(20));
            assertNotNull(failed.problem(), failed.toString());
            assertEquals(ConnectorProblem.AUTHENTICATION, failed.problem().type());
            assertTrue(failed.detail().contains("rejected user 'operator'"), failed.detail());
            assertTrue(failed.detail().contains("check username and password"), failed.detail());
            assertEquals("operator", failed.problem().attributes().get("user"));
            int before = asked.get();
            Fixture.waitFor("another probe", Duration.ofSeconds(10), () -> asked.get() > before ? Boolean.TRUE : null);
        } finally {
            Fixture.stopConnector(id);
        }
    }

    @Test
    void noMatchingEndpointAfterAServerUpdateIsRetriedUntilTheEndpointIsBack() throws Exception {
        int port = Fixture.freePort();
        Path serverPki = temp.resolve("server-pki");
        String id = "opcua-endpoint-back";
        try {
            Connector c;
            try (TestServer secureOnly = TestServer.start(port, serverPki, TestServer.Options.plain().secureOnly(),
                TransientErrorsTest::layout)) {
                c = Fixture.startConnector(id, connector(secureOnly.endpoint(), 4000));
                ConnectorState s = Fixture.waitFor("the missing endpoint reported", Duration.ofSeconds(20),
                    () -> c.state().problem() != null ? c.state() : null, () -> ": " + c.state());
                assertEquals(ConnectorProblem.INCOMPATIBLE, s.problem().type(), s.toString());
                assertEquals(Status.RECONNECTING, s.status(), s.toString());
                assertTrue(s.detail().contains("offers no endpoint with security None/None"), s.detail());
                assertTrue(s.detail().contains("Basic256Sha256/SignAndEncrypt"), s.detail());
            }
            try (TestServer updated = TestServer.start(port, serverPki, TestServer.Options.plain(),
                TransientErrorsTest::layout)) {
                Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
                assertEquals(1, c.points().size(), c.points().toString());
            }
        } finally {
            Fixture.stopConnector(id);
        }
    }
}
