package io.convergence.ui.connections.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.ui.connections.internal.CertificateInfo;
import io.convergence.ui.connections.internal.ConnectionFiles;
import io.convergence.ui.connections.internal.FormModel;
import io.convergence.ui.connections.internal.UntrustedCertificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server certificate the connector refused: found from the state, shown, trusted; then the connector connects. */
class CertificateTrustTest {

    @TempDir
    Path temp;

    @Test
    void aRefusedCertificateIsReadAndTrustingItLetsTheConnectorConnect() throws Exception {
        Path pki = temp.resolve("fresh-pki");
        ConnectionFiles files = Plant.connectionFiles(temp.resolve("config"));
        FormModel form = ConnectionFilesTest.newForm("secure");
        form.set("securityPolicy", "Basic256Sha256");
        form.set("securityMode", "SignAndEncrypt");
        form.set("pkiDir", pki.toString());
        assertTrue(files.save(form, java.util.Set.of(), null).saved());
        try {
            ConnectorState failed = Plant.awaitState("secure", Status.FAILED, Duration.ofSeconds(30));

            Optional<UntrustedCertificate> found = UntrustedCertificate.find(failed.detail(), pki.toString());
            assertTrue(found.isPresent(), failed.detail());
            UntrustedCertificate u = found.get();
            assertEquals(pki.resolve("rejected"), u.rejectedFile().getParent());
            assertEquals(pki.resolve("trusted").resolve("certs"), u.trustedDir());

            CertificateInfo info = u.info();
            assertTrue(info.subject().contains("CN=Convergence simulated plant"), info.subject());
            assertFalse(info.issuer().isEmpty());
            assertTrue(info.validAt(Instant.now()), info.notBefore() + " - " + info.notAfter());
            assertTrue(info.notBefore().isBefore(info.notAfter()));
            assertTrue(info.sha1().matches("([0-9A-F]{2}:){19}[0-9A-F]{2}"), info.sha1());
            assertTrue(info.sha256().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), info.sha256());
            // The same fingerprint the connector's message gives, so the user can compare them.
            assertTrue(failed.detail().toLowerCase().contains(info.sha1().toLowerCase()), failed.detail() + " / " + info.sha1());
            assertTrue(info.alternativeNames().stream().anyMatch(n -> n.startsWith("urn:")), info.alternativeNames().toString());

            // Also found without the file name in the detail, from the PKI folder.
            assertEquals(u.rejectedFile(), UntrustedCertificate.find("server certificate is not trusted", pki.toString())
                .orElseThrow().rejectedFile());

            Path trusted = u.trust();
            assertEquals(pki.resolve("trusted").resolve("certs").resolve(u.rejectedFile().getFileName()), trusted);
            assertTrue(Files.exists(trusted));
            assertFalse(Files.exists(u.rejectedFile()));

            ConnectorState ok = Plant.awaitState("secure", Status.CONNECTED, Duration.ofSeconds(30));
            assertTrue(ok.detail().contains("Basic256Sha256/SignAndEncrypt"), ok.detail());
        } finally {
            files.delete(ConnectionFilesTest.config("secure"));
        }
    }

    @Test
    void aDetailWithoutCertificateFindsNothing() {
        assertTrue(UntrustedCertificate.find("cannot connect to opc.tcp://x: connection refused", "").isEmpty());
        assertTrue(UntrustedCertificate.find("server certificate is not trusted", temp.toString()).isEmpty(),
            "no rejected folder, nothing to trust");
    }
}
