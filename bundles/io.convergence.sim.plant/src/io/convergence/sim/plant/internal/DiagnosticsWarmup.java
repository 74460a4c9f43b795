package io.convergence.sim.plant.internal;

import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.sdk.server.NodeManager;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.UaNodeManager;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.factories.NodeFactory;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares, while a new server waits for its first client, what Milo otherwise computes when that
 * client creates its session: the instance declarations of the session diagnostics object type, which
 * Milo works out once per JVM (walking namespace 0's type hierarchy) and caches. On a cold JVM that
 * takes about half a second of CPU, and the first client's session and browse wait on it.
 *
 * <p>The nodes built to fill the cache go into a node manager of their own that nobody reads: the
 * server's address space is not touched.
 */
final class DiagnosticsWarmup {

    private static final Logger LOG = LoggerFactory.getLogger(DiagnosticsWarmup.class);

    private DiagnosticsWarmup() {
    }

    /** Starts the preparation on a daemon thread of its own; returns at once. */
    static void start(OpcUaServer server) {
        Thread t = new Thread(() -> run(server), "convergence-sim-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run(OpcUaServer server) {
        long start = System.nanoTime();
        NodeManager<UaNode> discard = new UaNodeManager();
        UaNodeContext context = new UaNodeContext() {
            @Override
            public OpcUaServer getServer() {
                return server;
            }

            @Override
            public NodeManager<UaNode> getNodeManager() {
                return discard;
            }
        };
        try {
            new NodeFactory(context).createNode(new NodeId(1, "convergence-warmup"), NodeIds.SessionDiagnosticsObjectType);
        } catch (Exception | LinkageError e) {
            // Expected: with the hierarchy computed and cached, the factory goes on to describe the
            // new nodes through the server's address space, where they are not. At worst this was no
            // head start: the first session computes it as it always did.
            LOG.debug("preparing the session diagnostics ended with {}", e.toString());
        }
        LOG.debug("session diagnostics prepared in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
}
