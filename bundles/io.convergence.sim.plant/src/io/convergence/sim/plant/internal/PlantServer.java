package io.convergence.sim.plant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.concurrent.TimeUnit;

import io.convergence.sim.plant.internal.model.LinePlan;
import io.convergence.sim.plant.internal.model.PlantModel;

import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.transport.server.OpcServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Milo server of the simulated plant: endpoints, identities, limits and the plant namespace.
 *
 * <p>Endpoints, all on one port and path: SecurityPolicy None (mode None), and Basic256Sha256
 * with Sign and with SignAndEncrypt. Each accepts anonymous users and, when users are configured,
 * user name and password (the password encrypted with Basic256Sha256 even on the None endpoint).
 * A wrong password fails activation with Bad_UserAccessDenied.
 */
final class PlantServer implements AutoCloseable {

    static final String PRODUCT_URI = "urn:convergence:workbench";

    private static final Logger LOG = LoggerFactory.getLogger(PlantServer.class);

    private final OpcUaServer server;
    private final PlantNamespace namespace;
    private final String endpointUrl;

    private PlantServer(OpcUaServer server, PlantNamespace namespace, String endpointUrl) {
        this.server = server;
        this.namespace = namespace;
        this.endpointUrl = endpointUrl;
    }

    /**
     * Builds the address space for {@code model} and starts serving it; returns once bound.
     *
     * @param beforeBind run once the address space is built, just before the endpoints are bound
     */
    static PlantServer start(SimulatorSettings settings, PlantModel model, ServerPki pki, Runnable beforeBind)
        throws Exception {
        OpcUaServer server = null;
        PlantNamespace namespace = null;
        try {
            OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri(ServerPki.APPLICATION_URI)
                .setApplicationName(LocalizedText.english("Convergence simulated plant"))
                .setProductUri(PRODUCT_URI)
                .setBuildInfo(new BuildInfo(PRODUCT_URI, "Convergence Workbench", "Convergence simulated plant",
                    OpcUaServer.SDK_VERSION, "", DateTime.now()))
                .setCertificateManager(pki.certificateManager())
                .setIdentityValidator(identities(settings.users()))
                .setLimits(new Limits(settings.maxMonitoredItemsPerCall()))
                .setEndpoints(endpoints(settings, pki))
                .build();
            server = new OpcUaServer(config, PlantServer::transport);
            server.addServiceSet(settings.endpointPath(),
                new BatchLimitedMonitoredItemServiceSet(server, settings.maxMonitoredItemsPerCall()));
            namespace = new PlantNamespace(server, model);
            namespace.startup();
            beforeBind.run();
            server.startup().get(30, TimeUnit.SECONDS);
            return new PlantServer(server, namespace, settings.endpointUrl());
        } catch (Exception e) {
            stop(namespace, server);
            throw e;
        }
    }

    private static @Nullable OpcServerTransport transport(TransportProfile profile) {
        return profile == TransportProfile.TCP_UASC_UABINARY
            ? new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build())
            : null;
    }

    private static IdentityValidator identities(UserDirectory users) {
        List<IdentityValidator> validators = new ArrayList<>();
        validators.add(AnonymousIdentityValidator.INSTANCE);
        if (!users.isEmpty()) {
            validators.add(new UsernameIdentityValidator(
                challenge -> users.authenticate(challenge.getUsername(), challenge.getPassword())));
        }
        return new CompositeValidator(validators);
    }

    private static Set<EndpointConfig> endpoints(SimulatorSettings s, ServerPki pki) {
        List<UserTokenPolicy> tokens = new ArrayList<>();
        tokens.add(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
        if (!s.users().isEmpty()) {
            tokens.add(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
        }
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
            .setBindAddress(s.bindAddress())
            .setBindPort(s.port())
            .setHostname(s.hostname())
            .setPath(s.endpointPath())
            .setCertificate(pki.certificate())
            .addTokenPolicies(tokens.toArray(UserTokenPolicy[]::new));
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.None)
            .setSecurityMode(MessageSecurityMode.None).build());
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256)
            .setSecurityMode(MessageSecurityMode.Sign).build());
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256)
            .setSecurityMode(MessageSecurityMode.SignAndEncrypt).build());
        return endpoints;
    }

    String endpointUrl() {
        return endpointUrl;
    }

    long ticks() {
        return namespace.ticks();
    }

    /** Sets the model's clock before its first tick; see {@link PlantModel#startClock(long)}. */
    void startClock(long millis) {
        namespace.startClock(millis);
    }

    /** Makes the line follow a plan from the next tick on, or stop following one (null). */
    void follow(@Nullable LinePlan plan) {
        namespace.follow(plan);
    }

    /** Advances the plant one tick and publishes every value. */
    void tick() {
        namespace.tick();
    }

    /** Stops serving and releases the port; returns when it is released. */
    @Override
    public void close() {
        stop(namespace, server);
    }

    private static void stop(@Nullable PlantNamespace namespace, @Nullable OpcUaServer server) {
        if (namespace != null) {
            try {
                namespace.shutdown();
            } catch (RuntimeException e) {
                LOG.warn("Shutting the plant namespace down", e);
            }
        }
        if (server != null) {
            try {
                server.shutdown().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.warn("Shutting the OPC UA server down", e);
            }
        }
    }

    /** Milo's defaults, except the advertised (and enforced) monitored items per call. */
    private record Limits(int maxMonitoredItemsPerCall) implements OpcUaServerConfigLimits {
        @Override
        public UInteger getMaxMonitoredItemsPerCall() {
            return Unsigned.uint(maxMonitoredItemsPerCall);
        }
    }
}
