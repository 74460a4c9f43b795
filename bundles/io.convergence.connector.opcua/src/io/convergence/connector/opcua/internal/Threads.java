package io.convergence.connector.opcua.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.HashedWheelTimer;

import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfigBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every thread one connector uses, named after it, so that stopping the connector stops them all
 * (Milo's shared Stack executors would outlive it and are shared with other Milo users in the
 * process, such as the simulator).
 */
final class Threads {

    private static final Logger LOG = LoggerFactory.getLogger(Threads.class);

    /** Connects, reconnects and repairs: one at a time, in order. */
    final ScheduledThreadPoolExecutor control;
    /** Browse, read, write and call requests of users. */
    final ThreadPoolExecutor operations;
    private final ThreadPoolExecutor milo;
    private final ScheduledThreadPoolExecutor miloTimer;
    private final EventLoopGroup eventLoop;
    private final HashedWheelTimer wheelTimer;

    Threads(String id) {
        control = new ScheduledThreadPoolExecutor(1, factory(id, "control"));
        control.setRemoveOnCancelPolicy(true);
        operations = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory(id, "ops"));
        operations.allowCoreThreadTimeOut(true);
        int n = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        milo = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory(id, "milo"));
        milo.allowCoreThreadTimeOut(true);
        miloTimer = new ScheduledThreadPoolExecutor(1, factory(id, "timer"));
        miloTimer.setRemoveOnCancelPolicy(true);
        eventLoop = new NioEventLoopGroup(1, factory(id, "io"));
        wheelTimer = new HashedWheelTimer(factory(id, "wheel"));
    }

    /** Makes a Milo transport use these threads instead of the shared ones. */
    OpcTcpClientTransportConfigBuilder apply(OpcTcpClientTransportConfigBuilder b) {
        return b.setExecutor(milo).setScheduledExecutor(miloTimer).setEventLoop(eventLoop).setWheelTimer(wheelTimer);
    }

    /** Stops the user and control threads, waiting up to the given time for a running task. */
    void stopControl(long waitMs) {
        control.shutdownNow();
        operations.shutdownNow();
        await(control, waitMs, "control");
        await(operations, 1_000, "operations");
    }

    /** Stops Milo's threads; call after the client is disconnected. */
    void stopMilo() {
        miloTimer.shutdownNow();
        milo.shutdown();
        await(milo, 2_000, "milo");
        milo.shutdownNow();
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        wheelTimer.stop();
        await(miloTimer, 1_000, "timer");
    }

    private static void await(ExecutorService e, long ms, String what) {
        try {
            if (!e.awaitTermination(ms, TimeUnit.MILLISECONDS)) {
                LOG.warn("OPC UA connector threads '{}' did not stop within {} ms", what, ms);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory factory(String id, String role) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "opcua-" + id + "-" + role + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
