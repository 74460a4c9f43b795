package io.convergence.sim.plant.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.convergence.sim.plant.PlantSimulator;
import io.convergence.testing.Osgi;

import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Starts and stops the simulator through ConfigurationAdmin, and connects bare Milo clients to it. */
final class Simulators {

    static final String PID = "io.convergence.sim.plant";

    private Simulators() {
    }

    /** A TCP port free on loopback right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Whether a server could bind the port on loopback now. */
    static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates the configuration (port, a private PKI directory, anything else given) and waits for the service. */
    static PlantSimulator start(int port, Path pkiDir, Map<String, ?> more, Duration timeout) throws IOException {
        Map<String, Object> props = new HashMap<>(more);
        props.put("port", port);
        props.put("pkiDir", pkiDir.toString());
        Osgi.config(PID, props);
        return Osgi.await(PlantSimulator.class, "(port=" + port + ")", timeout);
    }

    /** Deletes the configuration and waits until no simulator service is left. */
    static void stop() throws Exception {
        ConfigurationAdmin ca = Osgi.await(ConfigurationAdmin.class);
        Configuration[] configs = ca.listConfigurations("(service.pid=" + PID + ")");
        if (configs != null) {
            for (Configuration c : configs) {
                c.delete();
            }
        }
        BundleContext ctx = Osgi.context(Simulators.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ctx.getServiceReference(PlantSimulator.class) != null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the simulator did not stop within 10 s");
            }
            Thread.sleep(20);
        }
    }

    /** The endpoints the server advertises. */
    static List<EndpointDescription> endpoints(PlantSimulator sim) throws Exception {
        CompletableFuture<List<EndpointDescription>> f = DiscoveryClient.getEndpoints(sim.endpointUrl());
        return f.get(10, TimeUnit.SECONDS);
    }

    /** A client connected without security, anonymously. */
    static OpcUaClient connect(PlantSimulator sim) throws UaException {
        return connect(sim, MessageSecurityMode.None, new AnonymousProvider());
    }

    /** A client connected to the endpoint with the given mode (Basic256Sha256 unless None). */
    static OpcUaClient connect(PlantSimulator sim, MessageSecurityMode mode, IdentityProvider identity)
        throws UaException {
        OpcUaClient client = OpcUaClient.create(sim.endpointUrl(),
            endpoints -> endpoints.stream().filter(e -> e.getSecurityMode() == mode).findFirst(),
            transport -> {
            },
            config -> {
                config.setIdentityProvider(identity).setRequestTimeout(
                    org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(10_000));
                if (mode != MessageSecurityMode.None) {
                    ClientCertificate.configure(config);
                }
            });
        return client.connect();
    }

    /** The NodeId of a plant path, in the simulator's namespace as this client sees it. */
    static NodeId node(OpcUaClient client, String path) {
        return new NodeId(client.getNamespaceTable().getIndex(PlantSimulator.NAMESPACE_URI), path);
    }
}
