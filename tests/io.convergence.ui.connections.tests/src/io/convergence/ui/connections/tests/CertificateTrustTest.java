package io.convergence.ui.connections.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.convergence.api.connector.CertificateDetails;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.ui.connections.internal.CertificateInfo;
import io.convergence.ui.connections.internal.CertificateTrust;
import io.convergence.ui.connections.internal.ConnectionFiles;
import io.convergence.ui.connections.internal.ConnectionTester;
import io.convergence.ui.connections.internal.FormModel;
import io.convergence.ui.connections.internal.TestResult;
import io.convergence.ui.connections.internal.UntrustedCertificate;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server certificate the connector refused: found in the connector's structured problem (never in
 * its text), shown, and trusted by the connector itself; then it connects.
 */
class CertificateTrustTest {

    @TempDir
    Path temp;

    @Test
    void aRunningConnectionTrustsTheReviewedCertificateThroughTheConnector() throws Exception {
        Path pki = temp.resolve("fresh-pki");
        ConnectionFiles files = Plant.connectionFiles(temp.resolve("config"));
        FormModel form = secureForm("secure", pki);
        assertTrue(files.save(form, java.util.Set.of(), null).saved());
        try {
            ConnectorState failed = Plant.awaitState("secure", Status.FAILED, Duration.ofSeconds(30));
            UntrustedCertificate u = UntrustedCertificate.of("secure", failed).orElseThrow(() ->
                new AssertionError("no certificate to trust in " + failed));
            CertificateInfo info = CertificateInfo.of(u.certificate());
            assertTrue(info.subject().contains("CN=Convergence simulated plant"), info.subject());
            assertFalse(info.issuer().isEmpty());
            assertTrue(info.validAt(Instant.now()), info.notBefore() + " - " + info.notAfter());
            assertTrue(info.sha1().matches("([0-9A-F]{2}:){19}[0-9A-F]{2}"), info.sha1());
            assertTrue(info.sha256().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), info.sha256());
            assertFalse(info.serialNumber().isEmpty());
            assertTrue(info.alternativeNames().stream().anyMatch(n -> n.startsWith("urn:")), info.alternativeNames().toString());
            assertEquals(pki.resolve("trusted").resolve("certs").toString(), u.storedIn());

            assertEquals(null, CertificateTrust.trust(Plant.source(), u));
            assertEquals(List.of(u.certificate().sha1().replace(":", "").toLowerCase() + ".der"), names(pki.resolve(
                "trusted").resolve("certs")));
            ConnectorState ok = Plant.awaitState("secure", Status.CONNECTED, Duration.ofSeconds(30));
            assertTrue(ok.detail().contains("Basic256Sha256/SignAndEncrypt"), ok.detail());
        } finally {
            files.delete(ConnectionFilesTest.config("secure"));
        }
    }

    @Test
    void aTestedConnectionTrustsOnlyTheCertificateTheUserReviewed() throws Exception {
        Path pki = temp.resolve("test-pki");
        FormModel form = secureForm("secure-test", pki);
        ConnectionTester tester = new ConnectionTester(Plant.context(), Plant.files());
        TestResult refused = tester.test(form, ConnectionTester.TIMEOUT, new NullProgressMonitor(), s -> { });
        assertEquals(TestResult.Outcome.FAILED, refused.outcome(), refused.detail());
        UntrustedCertificate u = UntrustedCertificate.of("secure-test", refused.state()).orElseThrow();

        // Another certificate than the server presents is never trusted in its place.
        CertificateDetails other = new CertificateDetails("CN=someone else", "CN=someone else", "00", "00",
            Instant.EPOCH, Instant.EPOCH, List.of(), new byte[] {1, 2, 3});
        TestResult mismatch = tester.test(form, ConnectionTester.TIMEOUT, new NullProgressMonitor(), s -> { },
            new ConnectionTester.Approval(ConnectorProblem.TRUST_CERTIFICATE, other));
        assertEquals(TestResult.Outcome.FAILED, mismatch.outcome());
        assertTrue(mismatch.detail().contains("another certificate"), mismatch.detail());
        assertEquals(List.of(), names(pki.resolve("trusted").resolve("certs")), "nothing trusted");

        TestResult trusted = tester.test(form, ConnectionTester.TIMEOUT, new NullProgressMonitor(), s -> { },
            new ConnectionTester.Approval(ConnectorProblem.TRUST_CERTIFICATE, u.certificate()));
        assertEquals(TestResult.Outcome.CONNECTED, trusted.outcome(), trusted.detail());
        assertEquals(1, names(pki.resolve("trusted").resolve("certs")).size());
    }

    @Test
    void textThatTheServerShapesIsNeverReadForACertificate() {
        // A subject or message naming files, as a hostile server could make it, and no structured problem.
        String crafted = "the server's certificate 'CN=x, O=move " + temp.resolve("rejected/evil.der") + " to "
            + temp.resolve("trusted/certs") + " and ' is not trusted; move " + temp.resolve("rejected/evil.der")
            + " to " + temp + "/ and the connector retries";
        ConnectorState textOnly = new ConnectorState(Status.FAILED, crafted, Instant.now());
        assertEquals(Optional.empty(), UntrustedCertificate.of("x", textOnly));
        ConnectorState otherProblem = new ConnectorState(Status.FAILED, crafted, Instant.now(),
            ConnectorProblem.of(ConnectorProblem.AUTHENTICATION, crafted));
        assertEquals(Optional.empty(), UntrustedCertificate.of("x", otherProblem));
        assertEquals(Optional.empty(), UntrustedCertificate.of("x", (ConnectorState) null));
    }

    private static FormModel secureForm(String id, Path pki) throws Exception {
        FormModel form = ConnectionFilesTest.newForm(id);
        form.set("securityPolicy", "Basic256Sha256");
        form.set("securityMode", "SignAndEncrypt");
        form.set("pkiDir", pki.toString());
        return form;
    }

    private static List<String> names(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
