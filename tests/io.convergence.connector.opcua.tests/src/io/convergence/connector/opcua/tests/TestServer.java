package io.convergence.connector.opcua.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A Milo server that a test shapes as it needs: the address space (two namespaces, names that
 * collide, very long names), which endpoints it offers, whether it accepts a user, whether its clock
 * is off, and whether it loses notifications. Binds 127.0.0.1 on the given port, keeps its
 * certificate in the given folder, so a restart on the same port and folder is the same server.
 */
final class TestServer implements AutoCloseable {

    static final String NS_A = "urn:convergence:test:a";
    static final String NS_B = "urn:convergence:test:b";
    static final String PATH = "/test";

    /**
     * How the server behaves.
     *
     * @param noneEndpoint whether it offers SecurityPolicy None
     * @param secureEndpoint whether it offers Basic256Sha256 SignAndEncrypt
     * @param users decides a user name and password; {@code null} for anonymous only
     * @param clockOffset added to the server's and the source's timestamps
     */
    record Options(boolean noneEndpoint, boolean secureEndpoint, BiPredicate<String, String> users,
                   Duration clockOffset) {

        static Options plain() {
            return new Options(true, false, null, Duration.ZERO);
        }

        Options secureOnly() {
            return new Options(false, true, users, clockOffset);
        }

        Options withUsers(BiPredicate<String, String> check) {
            return new Options(noneEndpoint, secureEndpoint, check, clockOffset);
        }

        Options withClockOffset(Duration offset) {
            return new Options(noneEndpoint, secureEndpoint, users, offset);
        }
    }

    private final OpcUaServer server;
    private final KeyStoreCertificateStore store;
    private final Map<String, TestNamespace> namespaces;
    private final LossySubscriptionServiceSet subscriptions;
    private final int port;

    private TestServer(OpcUaServer server, KeyStoreCertificateStore store, Map<String, TestNamespace> namespaces,
                       LossySubscriptionServiceSet subscriptions, int port) {
        this.server = server;
        this.store = store;
        this.namespaces = namespaces;
        this.subscriptions = subscriptions;
        this.port = port;
    }

    /**
     * Starts a server; {@code layout} builds the same address space at every start.
     */
    static TestServer start(int port, Path pki, Options options, Consumer<TestServer> layout) throws Exception {
        Path own = Files.createDirectories(pki.resolve("own"));
        char[] password = "test".toCharArray();
        KeyStoreCertificateStore store = KeyStoreCertificateStore.createAndInitialize(
            new KeyStoreCertificateStore.Settings(own.resolve("server.pfx"), password::clone, a -> password.clone()));
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(new MemoryTrustListManager(), store,
            new RsaSha256CertificateFactory() {
                @Override
                protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
                    return new X509Certificate[] {new SelfSignedCertificateBuilder(keyPair)
                        .setCommonName("Convergence test server").setApplicationUri("urn:convergence:test:server")
                        .addDnsName("localhost").addIpAddress("127.0.0.1").build()};
                }
            }, (chain, uri, hosts) -> { });
        X509Certificate certificate = group.getCertificateChain(NodeIds.RsaSha256ApplicationCertificateType)
            .orElseThrow()[0];
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
            .setBindAddress("127.0.0.1").setBindPort(port).setHostname("127.0.0.1").setPath(PATH)
            .setCertificate(certificate)
            .addTokenPolicies(options.users() == null
                ? new UserTokenPolicy[] {OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS}
                : new UserTokenPolicy[] {OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS,
                    OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME});
        if (options.noneEndpoint()) {
            endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                .build());
        }
        if (options.secureEndpoint()) {
            endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                .setSecurityMode(MessageSecurityMode.SignAndEncrypt).build());
        }
        OpcUaServerConfig config = OpcUaServerConfig.builder()
            .setApplicationUri("urn:convergence:test:server")
            .setApplicationName(LocalizedText.english("Convergence test server"))
            .setProductUri("urn:convergence:test")
            .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine(), group))
            .setIdentityValidator(options.users() == null ? AnonymousIdentityValidator.INSTANCE
                : new CompositeValidator(List.of(AnonymousIdentityValidator.INSTANCE, new UsernameIdentityValidator(
                    ch -> options.users().test(ch.getUsername(), ch.getPassword())))))
            .setEndpoints(endpoints)
            .build();
        OpcUaServer server = new OpcUaServer(config, profile -> profile == TransportProfile.TCP_UASC_UABINARY
            ? new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()) : null);
        LossySubscriptionServiceSet subscriptions = new LossySubscriptionServiceSet(server);
        server.addServiceSet(PATH, subscriptions);
        TestNamespace a = new TestNamespace(server, NS_A, options.clockOffset());
        TestNamespace b = new TestNamespace(server, NS_B, options.clockOffset());
        TestServer t = new TestServer(server, store, Map.of(NS_A, a, NS_B, b), subscriptions, port);
        a.startup();
        b.startup();
        layout.accept(t);
        server.startup().get(20, TimeUnit.SECONDS);
        return t;
    }

    String endpoint() {
        return "opc.tcp://127.0.0.1:" + port + PATH;
    }

    TestNamespace a() {
        return namespaces.get(NS_A);
    }

    TestNamespace b() {
        return namespaces.get(NS_B);
    }

    /** Drops the next publish response that carries data, and refuses to republish anything from now on. */
    void loseNextNotification() {
        subscriptions.loseNext();
    }

    /** How many publish responses were dropped. */
    int notificationsLost() {
        return subscriptions.lost();
    }

    /** The server's time, with its clock offset. */
    static Instant now(Duration offset) {
        return Instant.now().plus(offset);
    }

    @Override
    public void close() throws Exception {
        for (TestNamespace ns : namespaces.values()) {
            ns.shutdown();
        }
        server.shutdown().get(10, TimeUnit.SECONDS);
        store.close();
    }
}
