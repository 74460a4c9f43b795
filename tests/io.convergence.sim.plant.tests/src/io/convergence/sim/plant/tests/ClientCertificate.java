package io.convergence.sim.plant.tests;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/** One throwaway client certificate for the tests' secure connections, made once. */
final class ClientCertificate {

    static final String APPLICATION_URI = "urn:convergence:sim:plant:tests";

    private static KeyPair keyPair;
    private static X509Certificate certificate;

    private ClientCertificate() {
    }

    static synchronized void configure(OpcUaClientConfigBuilder config) {
        try {
            if (certificate == null) {
                keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
                certificate = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName("Convergence simulated plant tests")
                    .setApplicationUri(APPLICATION_URI)
                    .build();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        config.setApplicationUri(APPLICATION_URI)
            .setKeyPair(keyPair)
            .setCertificate(certificate)
            .setCertificateChain(new X509Certificate[] {certificate})
            // The simulator's certificate is self-signed; trust it, as the tests trust the server.
            .setCertificateValidator((chain, uri, hostnames) -> {
            });
    }
}
