package io.convergence.sim.plant.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.milo.opcua.sdk.server.util.HostnameUtil;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own certificate and what Milo needs around it.
 *
 * <p>The application instance certificate (RSA 2048, SHA-256, self-signed) is created on first
 * start in {@code <pkiDir>/own/server.pfx} and loaded from there afterwards, so clients that
 * trusted it once keep trusting it. The key store password is fixed and not secret: this is a
 * simulator.
 *
 * <p><b>Client certificates are not checked</b>: any client certificate is accepted on the
 * signed and encrypted endpoints, with no trust list, so that any client can connect to the
 * simulator without a certificate exchange. Never use this as a pattern for a real server.
 */
final class ServerPki implements AutoCloseable {

    /** The server's application URI, also in its certificate. */
    static final String APPLICATION_URI = "urn:convergence:sim:plant:server";

    private static final Logger LOG = LoggerFactory.getLogger(ServerPki.class);
    private static final char[] STORE_PASSWORD = "convergence-sim".toCharArray();

    private final KeyStoreCertificateStore store;
    private final DefaultCertificateManager manager;
    private final X509Certificate certificate;

    private ServerPki(KeyStoreCertificateStore store, DefaultCertificateManager manager, X509Certificate certificate) {
        this.store = store;
        this.manager = manager;
        this.certificate = certificate;
    }

    /**
     * Loads the server certificate from {@code pkiDir}, creating it first if there is none.
     *
     * @param hostname the host clients reach the server at, put in the certificate when new
     */
    static ServerPki open(Path pkiDir, String hostname) throws Exception {
        Path own = Files.createDirectories(pkiDir.resolve("own"));
        Path file = own.resolve("server.pfx");
        boolean existed = Files.exists(file);
        KeyStoreCertificateStore store = KeyStoreCertificateStore.createAndInitialize(
            new KeyStoreCertificateStore.Settings(file, STORE_PASSWORD::clone, alias -> STORE_PASSWORD.clone()));
        try {
            DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(
                new MemoryTrustListManager(), store, new SelfSignedFactory(hostname), ServerPki::acceptAnyClient);
            X509Certificate certificate = group.getCertificateChain(NodeIds.RsaSha256ApplicationCertificateType)
                .orElseThrow(() -> new IllegalStateException("no server certificate in " + file))[0];
            LOG.info("{} server certificate {} ({})", existed ? "Loaded" : "Created",
                certificate.getSubjectX500Principal().getName(), file);
            return new ServerPki(store, new DefaultCertificateManager(new MemoryCertificateQuarantine(), group),
                certificate);
        } catch (Exception e) {
            store.close();
            throw e;
        }
    }

    /** Milo's InsecureCertificateValidator does the same but warns twice per connection. */
    private static void acceptAnyClient(List<X509Certificate> chain, @Nullable String applicationUri,
        String @Nullable [] hostnames) {
        if (LOG.isDebugEnabled() && !chain.isEmpty()) {
            LOG.debug("Accepting client certificate {} unchecked", chain.get(0).getSubjectX500Principal().getName());
        }
    }

    CertificateManager certificateManager() {
        return manager;
    }

    X509Certificate certificate() {
        return certificate;
    }

    @Override
    public void close() {
        try {
            store.close();
        } catch (IOException e) {
            LOG.warn("Closing the server key store: {}", e.toString());
        }
    }

    /** Makes the self-signed certificate, naming every way a client on this host may reach it. */
    private static final class SelfSignedFactory extends RsaSha256CertificateFactory {

        private final String hostname;

        SelfSignedFactory(String hostname) {
            this.hostname = hostname;
        }

        @Override
        protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
            SelfSignedCertificateBuilder b = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName("Convergence simulated plant")
                .setOrganization("Convergence Workbench")
                .setApplicationUri(APPLICATION_URI);
            Set<String> names = new LinkedHashSet<>();
            names.add("localhost");
            names.add("127.0.0.1");
            names.add(hostname);
            names.add(HostnameUtil.getHostname());
            for (String n : names) {
                if (isIpLiteral(n)) {
                    b.addIpAddress(n);
                } else {
                    b.addDnsName(n);
                }
            }
            return new X509Certificate[] {b.build()};
        }

        private static boolean isIpLiteral(String name) {
            if (name.contains(":")) {
                return true;
            }
            if (!name.matches("[0-9.]+")) {
                return false;
            }
            try {
                InetAddress.getByName(name);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
