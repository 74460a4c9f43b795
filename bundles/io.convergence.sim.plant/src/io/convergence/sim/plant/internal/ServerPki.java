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
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own certificate and what Milo needs around it.
 *
 * <p>The application instance certificate (RSA 2048, SHA-256, self-signed) is created on first
 * start in {@code <pkiDir>/own/} ({@link PemCertificateStore}) and loaded from there afterwards, so
 * clients that trusted it once keep trusting it; one in the PKCS#12 store {@code own/server.pfx} of
 * earlier versions is taken over. That store's password is fixed and not secret: this is a simulator.
 *
 * <p><b>Client certificates are not checked</b>: any client certificate is accepted on the
 * signed and encrypted endpoints, with no trust list, so that any client can connect to the
 * simulator without a certificate exchange. Never use this as a pattern for a real server.
 */
final class ServerPki {

    /** The server's application URI, also in its certificate. */
    static final String APPLICATION_URI = "urn:convergence:sim:plant:server";

    private static final Logger LOG = LoggerFactory.getLogger(ServerPki.class);
    private static final char[] STORE_PASSWORD = "convergence-sim".toCharArray();
    /** Where earlier versions kept the certificate and key, in {@code own/}. */
    private static final String LEGACY_STORE = "server.pfx";

    private final DefaultCertificateManager manager;
    private final X509Certificate certificate;

    private ServerPki(DefaultCertificateManager manager, X509Certificate certificate) {
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
        PemCertificateStore store = new PemCertificateStore(own);
        NodeId type = NodeIds.RsaSha256ApplicationCertificateType;
        Path file = store.certificateFile(type);
        boolean existed = store.contains(type) || migrate(own.resolve(LEGACY_STORE), store, type);
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(
            new MemoryTrustListManager(), store, new SelfSignedFactory(hostname), ServerPki::acceptAnyClient);
        X509Certificate certificate = group.getCertificateChain(type)
            .orElseThrow(() -> new IllegalStateException("no server certificate in " + file))[0];
        LOG.info("{} server certificate {} ({})", existed ? "Loaded" : "Created",
            certificate.getSubjectX500Principal().getName(), file);
        return new ServerPki(new DefaultCertificateManager(new MemoryCertificateQuarantine(), group), certificate);
    }

    /**
     * Takes the key and certificate over from the PKCS#12 store that earlier versions kept, so that
     * clients that trusted the server's certificate keep trusting it. The old file is left in place.
     *
     * @return whether there was one to take over
     */
    private static boolean migrate(Path legacy, PemCertificateStore store, NodeId type) throws Exception {
        if (!Files.exists(legacy)) {
            return false;
        }
        KeyStoreCertificateStore old = KeyStoreCertificateStore.createAndInitialize(
            new KeyStoreCertificateStore.Settings(legacy, STORE_PASSWORD::clone, alias -> STORE_PASSWORD.clone()));
        try {
            CertificateStore.Entry e = old.get(type);
            if (e == null) {
                return false;
            }
            store.set(type, e);
            LOG.info("Took the server certificate over from {} into {}", legacy, store.certificateFile(type));
            return true;
        } finally {
            old.close();
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
