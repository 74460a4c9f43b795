package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.convergence.api.connector.CertificateDetails;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorException;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.point.PointPath;
import io.convergence.sim.plant.PlantSimulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed and encrypted sessions with a trust list, and user name identities. */
class SecurityTest {

    @TempDir
    static Path temp;

    private static PlantSimulator plant;

    @BeforeAll
    static void start() throws Exception {
        plant = Fixture.startPlant(Fixture.freePort(), temp.resolve("sim-pki"), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        Fixture.stopPlant();
    }

    @Test
    void untrustedServerCertificateFailsUntilTheAdminTrustsIt() throws Exception {
        Path pki = temp.resolve("client-pki-secure");
        String id = "opcua-secure";
        try (SampleCollector samples = new SampleCollector("test-secure")) {
            Connector c = Fixture.startConnector(id, Map.of("endpoint", plant.endpointUrl(), "pkiDir", pki.toString(),
                "securityPolicy", "Basic256Sha256", "securityMode", "SignAndEncrypt", "maxReconnectDelayMs", 2000));
            ConnectorState failed = Fixture.awaitState(c, Status.FAILED, Duration.ofSeconds(30));
            String detail = failed.detail();
            assertTrue(detail.contains("is not trusted"), detail);
            assertTrue(detail.contains("CN=Convergence simulated plant"), detail);
            assertTrue(detail.contains("SHA-1 "), detail);
            assertTrue(detail.contains("move " + pki.resolve("rejected")), detail);
            assertTrue(detail.contains(pki.resolve("trusted").resolve("certs").toString()), detail);
            assertTrue(detail.contains("the connector connects with it"), detail);
            assertTrue(Files.exists(pki.resolve("own").resolve("cert.der")), "own certificate created");

            List<Path> rejected;
            try (Stream<Path> files = Files.list(pki.resolve("rejected"))) {
                rejected = files.filter(f -> f.toString().endsWith(".der")).toList();
            }
            assertEquals(1, rejected.size(), "rejected: " + rejected);
            assertTrue(detail.contains(rejected.get(0).toString()), detail);

            Files.move(rejected.get(0), pki.resolve("trusted").resolve("certs").resolve(rejected.get(0).getFileName()));
            ConnectorState ok = Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
            assertTrue(ok.detail().contains("Basic256Sha256/SignAndEncrypt"), ok.detail());

            Set<PointPath> all = plant.variablePaths().stream().map(PointPath::parse).collect(Collectors.toSet());
            Fixture.waitFor("encrypted samples for all variables", Duration.ofSeconds(15),
                () -> samples.withoutValueSince(all, 0).isEmpty() ? Boolean.TRUE : null);
        } finally {
            Fixture.stopConnector(id);
        }
    }

    @Test
    void rightPasswordConnectsAndWrongPasswordFailsClearly() throws Exception {
        Map<String, Object> common = new HashMap<>();
        common.put("endpoint", plant.endpointUrl());
        common.put("pkiDir", temp.resolve("client-pki-user").toString());
        common.put("username", "operator");
        common.put("subscribeAll", false);
        common.put("allowPasswordWithoutEncryption", true);
        common.put("maxReconnectDelayMs", 2000);
        try {
            Map<String, Object> right = new HashMap<>(common);
            right.put("password", "operator");
            Connector good = Fixture.startConnector("opcua-user-ok", right);
            ConnectorState s = Fixture.awaitState(good, Status.CONNECTED, Duration.ofSeconds(30));
            assertTrue(s.detail().contains("user 'operator'"), s.detail());
            // subscribeAll is off: the point is found by browsing down its path on first use.
            PointPath speed = PointPath.parse(plant.variablePaths().stream().filter(p -> p.endsWith("/speed")).findFirst()
                .orElseThrow());
            assertTrue(good.read(speed).get(10, TimeUnit.SECONDS).value() instanceof Double, "read by path");

            Map<String, Object> wrong = new HashMap<>(common);
            wrong.put("password", "not-the-password");
            Connector bad = Fixture.startConnector("opcua-user-bad", wrong);
            ConnectorState f = Fixture.awaitState(bad, Status.FAILED, Duration.ofSeconds(30));
            assertEquals(ConnectorProblem.AUTHENTICATION, f.problem().type(), f.toString());
            assertTrue(f.detail().contains("rejected user 'operator'"), f.detail());
            assertTrue(f.detail().contains("check username and password"), f.detail());
            assertTrue(!f.detail().contains("not-the-password"), "never shows the password: " + f.detail());
        } finally {
            Fixture.stopConnector("opcua-user-ok");
            Fixture.stopConnector("opcua-user-bad");
        }
    }

    @Test
    void anUntrustedCertificateIsAStructuredProblemWhoseActionTrustsItAndConnects() throws Exception {
        Path pki = temp.resolve("client-pki-act");
        String id = "opcua-trust-action";
        try {
            Connector c = Fixture.startConnector(id, Map.of("endpoint", plant.endpointUrl(), "pkiDir", pki.toString(),
                "securityPolicy", "Basic256Sha256", "securityMode", "SignAndEncrypt"));
            ConnectorState failed = Fixture.awaitState(c, Status.FAILED, Duration.ofSeconds(30));
            ConnectorProblem problem = failed.problem();
            assertNotNull(problem, failed.toString());
            assertEquals(ConnectorProblem.UNTRUSTED_CERTIFICATE, problem.type());
            assertTrue(problem.offers(ConnectorProblem.TRUST_CERTIFICATE), problem.toString());
            CertificateDetails cert = problem.certificate();
            assertNotNull(cert);
            assertTrue(cert.subject().contains("CN=Convergence simulated plant"), cert.subject());
            assertTrue(cert.sha256().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), cert.sha256());
            assertTrue(cert.alternativeNames().stream().anyMatch(n -> n.startsWith("urn:")), cert.alternativeNames().toString());
            // The details are those of the certificate the server presented, the one in rejected/.
            List<Path> rejected;
            try (Stream<Path> files = Files.list(pki.resolve("rejected"))) {
                rejected = files.filter(f -> f.toString().endsWith(".der")).toList();
            }
            assertEquals(1, rejected.size(), rejected.toString());
            assertArrayEquals(Files.readAllBytes(rejected.get(0)), cert.encoded());
            assertEquals(pki.resolve("trusted").resolve("certs").toString(), problem.attributes().get("trustedDir"));

            ExecutionException unknown = assertThrows(ExecutionException.class,
                () -> c.act("reboot-server").get(10, TimeUnit.SECONDS));
            assertInstanceOf(ConnectorException.class, unknown.getCause());

            c.act(ConnectorProblem.TRUST_CERTIFICATE).get(10, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.list(pki.resolve("trusted").resolve("certs"))) {
                List<Path> trusted = files.toList();
                assertEquals(1, trusted.size(), trusted.toString());
                assertArrayEquals(cert.encoded(), Files.readAllBytes(trusted.get(0)));
            }
            try (Stream<Path> files = Files.list(pki.resolve("rejected"))) {
                assertEquals(0, files.count(), "no longer rejected");
            }
            // At once, not at the next probe a longest reconnect delay (30 s) later.
            ConnectorState ok = Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(15));
            assertEquals(null, ok.problem());
            ExecutionException nothingToTrust = assertThrows(ExecutionException.class,
                () -> c.act(ConnectorProblem.TRUST_CERTIFICATE).get(10, TimeUnit.SECONDS));
            assertTrue(nothingToTrust.getCause().getMessage().contains("no untrusted server certificate"),
                nothingToTrust.getCause().getMessage());
        } finally {
            Fixture.stopConnector(id);
        }
    }

    @Test
    void aPasswordOverSecurityNoneIsRefusedUnlessTheConfigurationAllowsIt() throws Exception {
        String id = "opcua-password-in-clear";
        try {
            Connector c = Fixture.startConnector(id, Map.of("endpoint", plant.endpointUrl(), "pkiDir",
                temp.resolve("client-pki-clear").toString(), "username", "operator", "password", "operator"));
            ConnectorState s = Fixture.awaitState(c, Status.FAILED, Duration.ofSeconds(10));
            assertEquals(ConnectorProblem.CONFIGURATION, s.problem().type(), s.toString());
            assertTrue(s.detail().contains("securityPolicy None"), s.detail());
            assertTrue(s.detail().contains("allowPasswordWithoutEncryption"), s.detail());
            assertTrue(s.detail().contains("Basic256Sha256"), s.detail());
            Thread.sleep(1500);
            assertEquals(Status.FAILED, c.state().status(), "does not try: " + c.state());
        } finally {
            Fixture.stopConnector(id);
        }
    }
}
