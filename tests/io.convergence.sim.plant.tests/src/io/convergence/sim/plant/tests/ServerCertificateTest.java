package io.convergence.sim.plant.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;

import io.convergence.sim.plant.PlantSimulator;

import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's own certificate: kept across starts, and taken over from the store of earlier versions. */
class ServerCertificateTest {

    @TempDir
    Path pki;

    @AfterEach
    void stopSimulator() throws Exception {
        Simulators.stop();
    }

    @Test
    void theCertificateOfAnEarlierVersionsKeyStoreIsServedAndKept() throws Exception {
        // What earlier versions wrote: a PKCS#12 store own/server.pfx with the simulator's fixed password.
        KeyPair keys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate earlier = new SelfSignedCertificateBuilder(keys).setCommonName("plant of an earlier version")
            .setApplicationUri("urn:convergence:sim:plant:server").addDnsName("localhost").addIpAddress("127.0.0.1")
            .build();
        Path own = Files.createDirectories(pki.resolve("own"));
        char[] password = "convergence-sim".toCharArray();
        KeyStoreCertificateStore store = KeyStoreCertificateStore.createAndInitialize(
            new KeyStoreCertificateStore.Settings(own.resolve("server.pfx"), password::clone, a -> password.clone()));
        store.set(NodeIds.RsaSha256ApplicationCertificateType,
            new CertificateStore.Entry(keys.getPrivate(), new X509Certificate[] {earlier}));
        store.close();

        int port = Simulators.freePort();
        PlantSimulator sim = Simulators.start(port, pki, Map.of(), Duration.ofSeconds(30));
        assertArrayEquals(earlier.getEncoded(), served(sim), "the certificate clients trusted is still the server's");
        Path key = own.resolve("server-key.pem");
        assertTrue(Files.exists(key), "taken over into " + key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)),
            "the key is readable by its owner only");

        // Served from the files it took it over into, without the old store.
        Simulators.stop();
        Files.delete(own.resolve("server.pfx"));
        PlantSimulator again = Simulators.start(port, pki, Map.of(), Duration.ofSeconds(30));
        assertArrayEquals(earlier.getEncoded(), served(again), "the same certificate at the next start");
        Simulators.connect(again).disconnect();
    }

    private static byte[] served(PlantSimulator sim) throws Exception {
        return Simulators.endpoints(sim).get(0).getServerCertificate().bytesOrEmpty();
    }
}
