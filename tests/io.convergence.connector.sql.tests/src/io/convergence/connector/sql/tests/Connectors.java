package io.convergence.connector.sql.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.business.BusinessData;
import io.convergence.api.business.BusinessDataChange;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Sample;
import io.convergence.testing.Osgi;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Creates SQL connectors through ConfigurationAdmin and waits on what a user would see of them. */
final class Connectors {

    static final String FACTORY = "io.convergence.connector.sql";

    private Connectors() {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Configures a connector (named after its id) and waits for its service. */
    static Connector start(Map<String, ?> props) throws IOException {
        String id = (String) props.get("id");
        Osgi.factoryConfig(FACTORY, id, props);
        return Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=" + id + ")", Duration.ofSeconds(20));
    }

    /** Deletes every SQL connector configuration and waits until their services are gone. */
    static void stopAll() throws Exception {
        ConfigurationAdmin ca = Osgi.await(ConfigurationAdmin.class);
        Configuration[] configs = ca.listConfigurations("(service.factoryPid=" + FACTORY + ")");
        if (configs != null) {
            for (Configuration c : configs) {
                c.delete();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Osgi.context(Connectors.class).getServiceReferences(Connector.class,
            "(" + Connector.TYPE_PROPERTY + "=sql)").size() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("SQL connectors still running 20 s after their configurations were deleted");
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the connector's state has the status; fails with the last state seen. */
    static ConnectorState await(Connector c, ConnectorState.Status status, Duration timeout) throws InterruptedException {
        return await(c, s -> s.status() == status, status.toString(), timeout);
    }

    static ConnectorState await(Connector c, Predicate<ConnectorState> condition, String what, Duration timeout)
        throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ConnectorState s = c.state();
        while (!condition.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("connector " + c.id() + " not " + what + " within " + timeout + ": " + s);
            }
            Thread.sleep(50);
            s = c.state();
        }
        return s;
    }

    /** The business data of a source, once the connector has read every kind of record. */
    static BusinessData businessData(String source) {
        return Osgi.await(BusinessData.class, "(" + BusinessData.SOURCE_PROPERTY + "=" + source + ")",
            Duration.ofSeconds(30));
    }

    /** Collects changes of a source. */
    static final class Changes implements AutoCloseable {
        final BlockingQueue<BusinessDataChange> queue = new LinkedBlockingQueue<>();
        private final AutoCloseable registration;

        Changes(BusinessData data) {
            registration = data.addListener(queue::add);
        }

        /** The next change that matches, within the time; fails if none comes. */
        BusinessDataChange next(Predicate<BusinessDataChange> match, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<BusinessDataChange> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                BusinessDataChange c = queue.poll(50, TimeUnit.MILLISECONDS);
                if (c != null) {
                    if (match.test(c)) {
                        return c;
                    }
                    seen.add(c);
                }
            }
            throw new AssertionError("no matching change within " + timeout + "; saw " + seen);
        }

        @Override
        public void close() throws Exception {
            registration.close();
        }
    }

    /** Samples of some points, as a view or the historian gets them from the bus. */
    static final class Samples implements AutoCloseable {
        final BlockingQueue<Sample> queue = new LinkedBlockingQueue<>();
        private final BusSubscription subscription;

        Samples(PointPath... paths) {
            SampleBus bus = Osgi.await(SampleBus.class);
            subscription = bus.subscribe("sql-test", Delivery.EVERY_BATCH, PointFilter.paths(List.of(paths)), batch -> {
                for (Sample s : batch) {
                    queue.add(s);
                }
            });
        }

        /** The next sample that matches; fails if none comes in time. */
        Sample next(Predicate<Sample> match, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<Sample> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                Sample s = queue.poll(50, TimeUnit.MILLISECONDS);
                if (s != null) {
                    if (match.test(s)) {
                        return s;
                    }
                    seen.add(s);
                }
            }
            throw new AssertionError("no matching sample within " + timeout + "; saw " + seen);
        }

        @Override
        public void close() {
            subscription.close();
        }
    }
}
