package io.convergence.connector.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransport;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers the server's endpoints, picks the one with the configured security and identity, and
 * builds a Milo client for it with the application certificate, the trust list and the connector's
 * own threads.
 */
final class ClientFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ClientFactory.class);

    /** The server has no endpoint for the configured security or identity; retrying will not help. */
    static final class NoEndpoint extends Exception {
        private static final long serialVersionUID = 1L;

        NoEndpoint(String message) {
            super(message);
        }
    }

    private final Settings settings;
    private final Threads threads;
    private boolean warnedPlainPassword;

    ClientFactory(Settings settings, Threads threads) {
        this.settings = settings;
        this.threads = threads;
    }

    /** Asks the server for its endpoints; the answer is picked from by {@link #selectEndpoint}. */
    CompletableFuture<List<EndpointDescription>> discover() {
        return DiscoveryClient.getEndpoints(settings.endpoint(), b -> threads.apply(b)
            .setConnectTimeout(uint(settings.requestTimeoutMs())));
    }

    /** The endpoint with the configured security and identity among those {@link #discover} finds. */
    EndpointDescription selectEndpoint(CompletableFuture<List<EndpointDescription>> discovery) throws Exception {
        List<EndpointDescription> all = discovery.get(settings.requestTimeoutMs() + 1_000L, TimeUnit.MILLISECONDS);
        String policyUri = settings.policy().getUri();
        MessageSecurityMode mode = settings.mode();
        UserTokenType token = settings.username().isEmpty() ? UserTokenType.Anonymous : UserTokenType.UserName;
        List<EndpointDescription> matching = all.stream()
            .filter(e -> e.getEndpointUrl() != null && e.getEndpointUrl().startsWith("opc.tcp:"))
            .filter(e -> policyUri.equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
            .sorted(Comparator.comparing((EndpointDescription e) -> e.getSecurityLevel().intValue()).reversed())
            .toList();
        if (matching.isEmpty()) {
            throw new NoEndpoint("the server at " + settings.endpoint() + " offers no endpoint with security "
                + settings.security() + "; it offers " + offered(all) + ". Change securityPolicy/securityMode");
        }
        EndpointDescription ep = matching.stream().filter(e -> accepts(e, token)).findFirst()
            .orElseThrow(() -> new NoEndpoint("the server's " + settings.security() + " endpoint at " + settings.endpoint()
                + " does not accept " + (token == UserTokenType.Anonymous ? "anonymous sessions" : "user names")
                + "; it accepts " + tokens(matching.get(0))
                + (token == UserTokenType.Anonymous ? ". Set username and password" : ". Clear username for anonymous")));
        // Keep the configured host and port: servers often advertise a name the client cannot resolve.
        return EndpointUtil.updateUrl(ep, settings.host(), settings.port());
    }

    OpcUaClient newClient(EndpointDescription ep, Pki p) {
        IdentityProvider identity;
        if (settings.username().isEmpty()) {
            identity = AnonymousProvider.INSTANCE;
        } else if (settings.policy() == SecurityPolicy.None) {
            // Without a secure channel nothing authenticates the server; the certificate Milo uses to
            // encrypt the password is taken as offered (Milo's own stand-in logs a warning per use).
            if (!warnedPlainPassword) {
                warnedPlainPassword = true;
                LOG.warn("OPC UA connector '{}': {} over security None: the server is not authenticated; use "
                    + "Basic256Sha256 to protect the password", settings.id(), settings.identity());
            }
            identity = new UsernameProvider(settings.username(), settings.password(), (chain, uri, hosts) -> { });
        } else {
            identity = new UsernameProvider(settings.username(), settings.password(), p.validator());
        }
        OpcUaClientConfig config = OpcUaClientConfig.builder()
            .setApplicationName(LocalizedText.english("Convergence Workbench"))
            .setApplicationUri(p.uri())
            .setProductUri("urn:convergence:workbench")
            .setSessionName(() -> "Convergence Workbench: " + settings.id())
            .setEndpoint(ep)
            .setKeyPair(p.keyPair())
            .setCertificate(p.certificate())
            .setCertificateChain(new X509Certificate[] {p.certificate()})
            .setCertificateValidator(p.validator())
            .setIdentityProvider(identity)
            .setRequestTimeout(uint(settings.requestTimeoutMs()))
            .build();
        OpcTcpClientTransportConfig transport = threads.apply(OpcTcpClientTransportConfig.newBuilder())
            .setConnectTimeout(uint(settings.requestTimeoutMs()))
            .build();
        return new OpcUaClient(config, new OpcTcpClientTransport(transport));
    }

    private static boolean accepts(EndpointDescription e, UserTokenType token) {
        UserTokenPolicy[] policies = e.getUserIdentityTokens();
        if (policies == null) {
            return false;
        }
        for (UserTokenPolicy p : policies) {
            if (p.getTokenType() == token) {
                return true;
            }
        }
        return false;
    }

    private static String offered(List<EndpointDescription> all) {
        if (all.isEmpty()) {
            return "no endpoints at all";
        }
        return all.stream().map(e -> SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri()).map(Enum::name)
                .orElse(e.getSecurityPolicyUri()) + "/" + e.getSecurityMode())
            .distinct().collect(Collectors.joining(", "));
    }

    private static String tokens(EndpointDescription e) {
        UserTokenPolicy[] p = e.getUserIdentityTokens();
        return p == null || p.length == 0 ? "no identity at all"
            : Arrays.stream(p).map(t -> t.getTokenType().name()).distinct().collect(Collectors.joining(", "));
    }
}
